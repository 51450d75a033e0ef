"""Watching the mission and template folders, in a thread of its own, with watchfiles."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path


class Watcher:
    """Calls `on_change` with the paths changed, once per burst of saves, until stopped."""

    def __init__(
        self,
        folders: list[Path],
        on_change: Callable[[list[Path]], None],
        on_error: Callable[[str], None] = lambda message: None,
    ):
        self.folders = [f for f in folders if f.is_dir()]
        self.on_change = on_change
        self.on_error = on_error
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="uppdrag-watch", daemon=True)
        self._ready = threading.Event()

    def start(self, timeout: float = 5.0) -> None:
        """Start watching; returns once the watcher is listening, so no save is missed after it."""
        self._thread.start()
        self._ready.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            self._watch()
        except (OSError, RuntimeError) as exc:  # a watched folder vanished, the system's watch limit
            self.on_error(f"bevakningen av mapparna slutade: {exc}")
        finally:
            self._ready.set()

    def _watch(self) -> None:
        from watchfiles import watch

        # yield_on_timeout: the first (empty) yield says the watcher is set up; later ones are ignored.
        for changes in watch(
            *self.folders, stop_event=self._stop, rust_timeout=250, yield_on_timeout=True, step=30, debounce=400
        ):
            self._ready.set()
            if changes:
                self.on_change(sorted({Path(path) for _, path in changes}))
