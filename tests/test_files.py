"""write_output: the one way an -o file is written."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from uppdrag import files
from uppdrag.errors import OutputError
from uppdrag.files import write_output


def test_refuses_an_input_by_any_name(tmp_path: Path) -> None:
    source = tmp_path / "missions" / "forskola.yaml"
    source.parent.mkdir()
    source.write_text("id: forskola\n", encoding="utf-8")
    (tmp_path / "lank.yaml").symlink_to(source)
    for name in (source, tmp_path / "missions" / ".." / "missions" / "forskola.yaml", tmp_path / "lank.yaml"):
        with pytest.raises(OutputError) as caught:
            write_output(name, "över", [source])
        assert caught.value.exit_code == 2
        assert "är en av verktygets egna indatafiler" in caught.value.message
    assert source.read_text(encoding="utf-8") == "id: forskola\n"


def test_writes_through_a_character_device() -> None:
    write_output("/dev/null", "ingenting", [])
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_writes_through_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "ror"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # someone reads, as `cat ror` would
    try:
        write_output(fifo, "genom röret", [])
        assert os.read(reader, 1000) == "genom röret".encode()
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_fifo_nobody_reads_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "ror"
    os.mkfifo(fifo)
    with pytest.raises(OutputError) as caught:
        write_output(fifo, "text", [])
    assert caught.value.message == f"kan inte skriva '{fifo}': ingen läser från det namngivna röret (FIFO)"


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    target = tmp_path / "riktig.md"
    target.write_text("gammalt", encoding="utf-8")
    os.chmod(target, 0o600)
    link = tmp_path / "lank.md"
    link.symlink_to(target)
    write_output(link, "nytt", [])
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "nytt"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("saknas/ut.md", "kan inte skriva '{t}/saknas/ut.md': mappen '{t}/saknas' finns inte"),
        ("mapp/", "kan inte skriva '{t}/mapp/': det är en mapp; ange ett filnamn"),
        ("finnsmapp", "kan inte skriva '{t}/finnsmapp': det är en mapp; ange ett filnamn"),
    ],
)
def test_output_errors_are_swedish(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "finnsmapp").mkdir()
    with pytest.raises(OutputError) as caught:
        write_output(f"{tmp_path}/{name}", "text", [])
    assert caught.value.message == message.format(t=tmp_path)
    assert caught.value.exit_code == 2


def test_a_long_name_is_shortened_in_the_message(tmp_path: Path) -> None:
    name = f"{tmp_path}/" + "x" * 300 + ".md"
    with pytest.raises(OutputError) as caught:
        write_output(name, "text", [])
    assert caught.value.message == f"kan inte skriva '{name[:60]}…{name[-20:]}': namnet är för långt"


def test_a_folder_where_no_file_can_be_made() -> None:
    with pytest.raises(OutputError) as caught:
        write_output("/proc/ny.md", "text", [])
    assert caught.value.message == "kan inte skriva '/proc/ny.md': det går inte att skapa filer i '/proc'"


def test_disk_full() -> None:
    with pytest.raises(OutputError) as caught:
        write_output("/dev/full", "text", [])
    assert caught.value.message == "kan inte skriva '/dev/full': disken är full"


@pytest.mark.parametrize(
    ("code", "reason"), [(errno.EACCES, "behörighet saknas"), (errno.EROFS, "filsystemet är skrivskyddat")]
)
def test_permission_and_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str) -> None:
    def refuse(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_output(tmp_path / "ut.md", "text", [])
    assert caught.value.message == f"kan inte skriva '{tmp_path / 'ut.md'}': {reason}"
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


@pytest.mark.parametrize("name", ["egen.yaml", "egen.yml", "mall.md.j2"])
def test_an_existing_yaml_file_or_template_is_never_replaced(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("användarens", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_output(path, "schema", [])
    assert caught.value.message == f"'{path}' är en YAML-fil eller mall; uppdrag skriver aldrig över en sådan med -o"
    assert path.read_text(encoding="utf-8") == "användarens"
    write_output(tmp_path / "ny.yaml", "ny", [])  # a new one may be made
    assert (tmp_path / "ny.yaml").read_text(encoding="utf-8") == "ny"
