"""serve.watch: a save in a watched folder is reported once; editor side files are not."""

from __future__ import annotations

import threading
from pathlib import Path

from uppdrag.serve.watch import MAX_WATCHED_FOLDERS, Watcher


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
    assert errors == [
        "bevakningen av mapparna slutade (datorns gräns för bevakade mappar är nådd); sidorna laddas inte om av sig själva"
    ]
    assert not watcher._thread.is_alive()


def test_a_watch_that_fails_in_watchfiles_own_words_is_told_in_swedish(tmp_path: Path, monkeypatch) -> None:
    import watchfiles

    def failing(*paths: object, **options: object):
        raise RuntimeError("Error watching: too many levels of symbolic links")
        yield  # a generator, as watchfiles.watch is

    monkeypatch.setattr(watchfiles, "watch", failing)
    errors: list[str] = []
    watcher = Watcher([tmp_path], lambda paths: None, errors.append)
    watcher.start()
    watcher.stop()
    assert errors == ["bevakningen av mapparna slutade; sidorna laddas inte om av sig själva"]


def test_links_are_named_and_never_followed(tmp_path: Path) -> None:
    """A link to a folder outside, a link loop and a link to a file outside: each is named once
    in Swedish, none is watched through, and the watcher keeps reporting saves in the folder."""
    missions, outside = tmp_path / "missions", tmp_path / "outside"
    missions.mkdir()
    outside.mkdir()
    (outside / "hemlig.yaml").write_text("a: 1\n", encoding="utf-8")
    (missions / "ut").symlink_to(outside)
    (missions / "slinga").symlink_to(missions)
    (missions / "hemlig.yaml").symlink_to(outside / "hemlig.yaml")
    changes, notes = Changes(), []
    watcher = Watcher([missions], changes, notes.append)
    assert watcher.watched == [missions]
    assert notes == [
        f"{missions / name} är en länk; förhandsvisningen bevakar inte det den pekar på"
        for name in ("hemlig.yaml", "slinga", "ut")
    ]
    watcher.start()
    try:
        (outside / "ny.yaml").write_text("a: 1\n", encoding="utf-8")
        (outside / "hemlig.yaml").write_text("a: 2\n", encoding="utf-8")
        assert not changes.event.wait(1.5)
        (missions / "forskola.yaml").write_text("id: forskola\n", encoding="utf-8")
        assert changes.event.wait(5)
        assert changes.seen == [[(missions / "forskola.yaml").resolve()]]
        assert watcher._thread.is_alive() and len(notes) == 3
    finally:
        watcher.stop()


def test_real_subfolders_are_watched_up_to_a_count(tmp_path: Path) -> None:
    (tmp_path / "templates" / "fonts").mkdir(parents=True)
    watcher = Watcher([tmp_path / "templates"], lambda paths: None)
    assert watcher.watched == [tmp_path / "templates", tmp_path / "templates" / "fonts"]
    many = tmp_path / "many"
    for number in range(MAX_WATCHED_FOLDERS + 5):
        (many / f"{number:03}").mkdir(parents=True)
    notes: list[str] = []
    watcher = Watcher([many], lambda paths: None, notes.append)
    assert len(watcher.watched) == MAX_WATCHED_FOLDERS
    assert notes == [
        f"bevakar bara {MAX_WATCHED_FOLDERS} mappar; ändringar i {many / f'{MAX_WATCHED_FOLDERS - 1:03}'} "
        "och mappar efter den laddar inte om sidorna"
    ]
