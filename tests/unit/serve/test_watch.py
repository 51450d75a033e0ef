"""serve.watch: a save in a watched folder is reported once; editor side files are not."""

from __future__ import annotations

import threading
from pathlib import Path

from uppdrag.serve.watch import Watcher


class Changes:
    def __init__(self) -> None:
        self.seen: list[list[Path]] = []
        self.event = threading.Event()

    def __call__(self, paths: list[Path]) -> None:
        self.seen.append(paths)
        self.event.set()


def test_a_save_is_reported(tmp_path: Path) -> None:
    (tmp_path / "missions").mkdir()
    changes = Changes()
    watcher = Watcher([tmp_path / "missions", tmp_path / "not-there"], changes)
    assert watcher.folders == [tmp_path / "missions"]
    watcher.start()
    try:
        (tmp_path / "missions" / "forskola.yaml").write_text("id: forskola\n", encoding="utf-8")
        assert changes.event.wait(5)
        assert changes.seen[0] == [(tmp_path / "missions" / "forskola.yaml").resolve()]
    finally:
        watcher.stop()
    assert not watcher._thread.is_alive()


def test_editor_side_files_are_not_changes(tmp_path: Path) -> None:
    changes = Changes()
    watcher = Watcher([tmp_path], changes)
    watcher.start()
    try:
        (tmp_path / ".forskola.yaml.swp").write_bytes(b"vim")
        (tmp_path / "forskola.yaml~").write_bytes(b"emacs")
        assert not changes.event.wait(1.0)
        (tmp_path / "forskola.yaml").write_text("id: forskola\n", encoding="utf-8")
        assert changes.event.wait(5)
        assert changes.seen == [[(tmp_path / "forskola.yaml").resolve()]]
    finally:
        watcher.stop()


def test_stop_is_prompt(tmp_path: Path) -> None:
    import time

    watcher = Watcher([tmp_path], lambda paths: None)
    watcher.start()
    started = time.monotonic()
    watcher.stop()
    assert not watcher._thread.is_alive() and time.monotonic() - started < 2


def test_a_watch_that_fails_is_reported_not_raised(tmp_path: Path, monkeypatch) -> None:
    import watchfiles

    def failing(*paths: object, **options: object):
        raise OSError(28, "inotify watch limit reached")
        yield  # a generator, as watchfiles.watch is

    monkeypatch.setattr(watchfiles, "watch", failing)
    errors: list[str] = []
    watcher = Watcher([tmp_path], lambda paths: None, errors.append)
    watcher.start()
    watcher.stop()
    assert errors == ["bevakningen av mapparna slutade: [Errno 28] inotify watch limit reached"]
    assert not watcher._thread.is_alive()
