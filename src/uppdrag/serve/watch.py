"""Watching the mission and template folders, in a thread of its own, with watchfiles."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from uppdrag.files import os_reason, shorten

# Folders watched at most, the given ones and their subfolders (templates/fonts): a template
# folder is a handful; a tree of thousands is no template folder, and each costs a watch.
MAX_WATCHED_FOLDERS = 100


class Watcher:
    """Calls `on_change` with the paths changed, once per burst of saves, until stopped.

    Each folder is watched by itself, not recursively, with its real subfolders listed once:
    a link in a watched folder (to a folder outside, or to itself) is never followed, so no
    save outside the workspace reloads a page and a link loop cannot stop the watching."""

    def __init__(
        self,
        folders: list[Path],
        on_change: Callable[[list[Path]], None],
        on_error: Callable[[str], None] = lambda message: None,
    ):
        self.on_change = on_change
        self.on_error = on_error
        self.folders = [f for f in folders if f.is_dir()]
        self.watched = self._folders_to_watch()
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

    def _folders_to_watch(self) -> list[Path]:
        watched: list[Path] = []
        for folder in self.folders:
            for found in _real_folders(folder, self.on_error):
                if len(watched) == MAX_WATCHED_FOLDERS:
                    self.on_error(
                        f"bevakar bara {MAX_WATCHED_FOLDERS} mappar; ändringar i {shorten(found)} och "
                        "mappar efter den laddar inte om sidorna"
                    )
                    return watched
                watched.append(found)
        return watched

    def _run(self) -> None:
        try:
            self._watch()
        except OSError as exc:  # a watched folder vanished or was made unreadable; inotify's limit
            reason = "datorns gräns för bevakade mappar är nådd" if exc.errno == errno.ENOSPC else os_reason(exc)
            self.on_error(f"bevakningen av mapparna slutade ({reason}); sidorna laddas inte om av sig själva")
        except RuntimeError:  # from watchfiles, in English: the system's watch limit, a folder gone
            self.on_error("bevakningen av mapparna slutade; sidorna laddas inte om av sig själva")
        finally:
            self._ready.set()

    def _watch(self) -> None:
        from watchfiles import watch

        # yield_on_timeout: the first (empty) yield says the watcher is set up; later ones are ignored.
        for changes in watch(
            *self.watched,
            stop_event=self._stop,
            rust_timeout=250,
            yield_on_timeout=True,
            step=30,
            debounce=400,
            recursive=False,
        ):
            self._ready.set()
            if changes:
                self.on_change(sorted({Path(path) for _, path in changes}))


def _real_folders(folder: Path, on_error: Callable[[str], None]) -> Iterator[Path]:
    """folder and the folders under it, top down; a link among them is named once and skipped."""
    for root, dirs, files in os.walk(folder):  # followlinks=False: a linked folder is listed, not entered
        yield Path(root)
        for name in sorted(dirs + files):
            path = Path(root, name)
            if path.is_symlink():
                on_error(f"{shorten(path)} är en länk; förhandsvisningen bevakar inte det den pekar på")
        dirs[:] = sorted(d for d in dirs if not Path(root, d).is_symlink())
