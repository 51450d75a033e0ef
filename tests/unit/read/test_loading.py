from __future__ import annotations

import os
from pathlib import Path

import pytest

from uppdrag.limits import MAX_FILE_BYTES
from uppdrag.read.loading import (
    UsageError,
    group_paths,
    load_workspace,
    read_text,
)


def test_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffa: 1\r\n".encode())
    assert read_text(path) == ("a: 1\r\n", [])


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "stor.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    text, [finding] = read_text(path)
    assert text is None
    assert (str(finding.location), finding.message) == (f"{path}:1:1", "filen är för stor (50,0 MB; högst 1 MB)")


def test_size_limit_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "gräns.yaml"
    path.write_bytes(b"#" * MAX_FILE_BYTES)
    assert read_text(path)[1] == []


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    missions = tmp_path / "missions"
    missions.mkdir()
    os.symlink("b.yaml", missions / "a.yaml")
    os.symlink("a.yaml", missions / "b.yaml")
    os.symlink(".", missions / "loop.yaml.d")  # a directory loop is never walked
    _workspace, findings = load_workspace(missions)
    assert [(f.location.file, f.message) for f in findings] == [
        (f"{missions}/a.yaml", "kan inte läsa filen: för många symboliska länkar i sökvägen"),
        (f"{missions}/b.yaml", "kan inte läsa filen: för många symboliska länkar i sökvägen"),
    ]


def test_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "rör.yaml")
    text, [finding] = read_text(tmp_path / "rör.yaml")
    assert (text, finding.message) == (None, "är inte en vanlig fil")


def test_group_paths_puts_files_with_their_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1")
    (tmp_path / "_delat.yaml").write_text("x: 1")
    assert group_paths([tmp_path / "a.yaml", tmp_path / "_delat.yaml"]) == {tmp_path: [tmp_path / "a.yaml"]}
    assert group_paths([tmp_path, tmp_path / "a.yaml"]) == {tmp_path: None}


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"sökvägen '.*finns-inte' finns inte"):
        group_paths([tmp_path / "finns-inte"])
