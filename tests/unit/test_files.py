"""write_output: the one way an -o file is written."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import write_tree
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


def test_a_hard_link_is_refused_not_split(tmp_path: Path) -> None:
    first = tmp_path / "ut.md"
    first.write_text("delad", encoding="utf-8")
    os.link(first, tmp_path / "annan.md")
    with pytest.raises(OutputError) as caught:
        write_output(first, "nytt", [])
    assert caught.value.exit_code == 2
    assert caught.value.message == (
        f"kan inte skriva '{first}': filen har 2 hårda länkar, och en ny fil i dess ställe skulle skilja dem åt; "
        "skriv till en annan fil eller ta bort de andra länkarna"
    )
    assert os.stat(first).st_nlink == 2 and (tmp_path / "annan.md").read_text(encoding="utf-8") == "delad"


def test_a_read_only_file_is_refused_not_replaced(tmp_path: Path) -> None:
    locked = tmp_path / "ut.md"
    locked.write_text("låst", encoding="utf-8")
    os.chmod(locked, 0o444)
    link = tmp_path / "lank.md"
    link.symlink_to(locked)
    for name in (locked, link):  # through a link too: the target is what would be replaced
        with pytest.raises(OutputError) as caught:
            write_output(name, "nytt", [])
        assert caught.value.message == (
            f"kan inte skriva '{name}': filen är skrivskyddad; ta bort skrivskyddet (chmod u+w) om den ska skrivas över"
        )
    assert locked.read_text(encoding="utf-8") == "låst" and stat.S_IMODE(os.stat(locked).st_mode) == 0o444


@pytest.mark.parametrize("name", ["KA2.YAML", "ka2.Yml", "MALL.MD.J2"])
def test_the_yaml_guard_ignores_the_case_of_the_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("id: ka2\n", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_output(path, "kalender", [])
    assert caught.value.message == f"'{path}' är en YAML-fil eller mall; uppdrag skriver aldrig över en sådan med -o"
    assert path.read_text(encoding="utf-8") == "id: ka2\n"


def test_an_input_under_another_case_is_found_by_its_inode(tmp_path: Path) -> None:
    # What a case-insensitive volume shows: MALL.HTML and mall.html are one file. A hard link
    # under the other case gives the same on any file system.
    source = tmp_path / "mall.html"
    source.write_text("<p>mall</p>", encoding="utf-8")
    os.link(source, tmp_path / "MALL.HTML")
    with pytest.raises(OutputError) as caught:
        write_output(tmp_path / "MALL.HTML", "ut", [source])
    assert caught.value.message == (
        f"'{tmp_path / 'MALL.HTML'}' är en av verktygets egna indatafiler ({source}); välj en annan utdatafil"
    )
    assert source.read_text(encoding="utf-8") == "<p>mall</p>"


def test_on_a_case_insensitive_folder_names_are_compared_casefolded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    source = tmp_path / "ka2.yaml"
    source.write_text("id: ka2\n", encoding="utf-8")
    outside = tmp_path / "TEMPLATES" / "sida.html"  # a folder name the volume would find as templates/
    assert not files.same_file(tmp_path / "KA2.yaml", source) and not files.is_within(outside, templates)
    monkeypatch.setattr(files, "case_insensitive", lambda folder: True)
    assert files.same_file(tmp_path / "KA2.yaml", source) and files.is_within(outside, templates)
    with pytest.raises(OutputError) as caught:
        write_output(outside, "ut", [templates], make_folder=True)
    assert (
        caught.value.message
        == f"'{outside}' ligger i mallmappen {templates}, som verktyget läser; välj en annan utdatafil"
    )
    with pytest.raises(OutputError) as caught:
        write_output(tmp_path / "KA2.yaml", "ut", [source])
    assert "är en av verktygets egna indatafiler" in caught.value.message
    assert not (tmp_path / "TEMPLATES").exists() and source.read_text(encoding="utf-8") == "id: ka2\n"


def test_case_insensitivity_is_detected_by_looking_a_name_up_with_its_case_swapped(tmp_path: Path) -> None:
    plain, folded = tmp_path / "vanlig", tmp_path / "vikt"
    plain.mkdir()
    folded.mkdir()
    (plain / "Fil.txt").write_text("1", encoding="utf-8")
    (plain / "fIL.TXT").write_text("2", encoding="utf-8")  # two files: case-sensitive
    (folded / "Fil.txt").write_text("1", encoding="utf-8")
    os.link(folded / "Fil.txt", folded / "fIL.TXT")  # one file under both names: as macOS shows it
    assert files.case_insensitive(tmp_path / "123") is False  # missing, and no letters: its parents decide
    assert (files.case_insensitive(plain), files.case_insensitive(folded)) == (False, True)


def test_a_link_out_of_the_workspace_is_refused(tmp_path: Path) -> None:
    write_tree(tmp_path, {"annat/hemlig.yaml": "hemlig\n", "arbetsyta/missions/egen.yaml": "egen\n"})
    outside, workspace = tmp_path / "annat" / "hemlig.yaml", tmp_path / "arbetsyta"
    link = workspace / "missions" / "ka.yaml"
    link.symlink_to(outside)
    inner = workspace / "missions" / "inne.yaml"
    inner.symlink_to("egen.yaml")
    assert files.link_target_inside(inner, workspace) == workspace / "missions" / "egen.yaml"
    plain = workspace / "missions" / "egen.yaml"
    assert files.link_target_inside(plain, workspace) == plain
    with pytest.raises(OutputError) as caught:
        files.link_target_inside(link, workspace)
    assert caught.value.message == (
        f"'{link}' leder via en symbolisk länk till '{outside}', utanför arbetsytan '{workspace}'; uppdrag skriver "
        "bara genom länkar som stannar i arbetsytan; ersätt länken med en kopia eller ange den verkliga sökvägen"
    )


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENAMETOOLONG, "namnet är för långt"),
        (errno.EISDIR, "det är en mapp; ange ett filnamn"),
        (errno.ENOTDIR, "en del av sökvägen är inte en mapp"),
        (errno.ELOOP, "för många symboliska länkar i sökvägen"),
        (errno.EACCES, "behörighet saknas"),
        (errno.EROFS, "filsystemet är skrivskyddat"),
    ],
)
def test_a_path_error_becomes_a_swedish_usage_error(code: int, reason: str) -> None:
    error = files.path_error(OSError(code, os.strerror(code), "missions/" + "x" * 200 + ".yaml"))
    assert error.exit_code == 2
    assert error.message == f"sökvägen 'missions/{'x' * 51}…{'x' * 15}.yaml' går inte att använda: {reason}"
    assert files.is_path_error(OSError(code, "x")) and not files.is_path_error(OSError(errno.EBADF, "x"))
    assert files.path_error(OSError(code, "x")).message == f"ett filfel: {reason}"


def test_links_out_are_found_anywhere_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, outside = tmp_path / "arbetsyta", tmp_path / "annat"
    (workspace / "a").mkdir(parents=True)
    outside.mkdir()
    (workspace / "a" / "ut").symlink_to(outside)
    (outside / "tillbaka").symlink_to(workspace / "a")
    monkeypatch.chdir(workspace)
    with pytest.raises(OutputError) as caught:
        files.refuse_links_out(Path("a/ut/x.pdf"), workspace, own_parts=1)
    assert "via den symboliska länken 'a/ut' till" in caught.value.message
    with pytest.raises(OutputError) as caught:  # out and back in: every link must stay inside
        files.refuse_links_out(Path("a/ut/tillbaka/x.pdf"), workspace, own_parts=1)
    assert f"via den symboliska länken 'a/ut' till '{outside}', utanför" in caught.value.message
    (workspace / "a" / "inne").symlink_to(".")
    files.refuse_links_out(Path("a/inne/inne/x.pdf"), workspace, own_parts=1)
    files.refuse_links_out(Path("a/../a/x.pdf"), workspace, own_parts=2)
    files.refuse_links_out(outside / "x.pdf", workspace, own_parts=1)  # no link at all: the user's own folder
    (tmp_path / "lank").symlink_to(outside)
    files.refuse_links_out(tmp_path / "lank" / "x.pdf", workspace, own_parts=1)  # a link the user typed, not in it
    with pytest.raises(OutputError):
        files.refuse_links_out(tmp_path / "lank" / "x.pdf", workspace, own_parts=2)  # the tool chose 'lank'
