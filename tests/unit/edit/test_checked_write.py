"""write_checked: locked, re-read, validated, atomic writes that keep what the file was."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MISSIONS, REPO, packages_loaded
from tests.support.links import link_out_of_workspace, link_refusal
from uppdrag.edit.checked_write import write_checked
from uppdrag.errors import OutputError, UnwrittenChangeError

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def missions(tmp_path: Path) -> Path:
    folder = tmp_path / "missions"
    shutil.copytree(MISSIONS, folder)
    return folder


def test_keeps_bom_crlf_and_mode(missions: Path) -> None:
    path = missions / "forskola.yaml"
    original = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + original)
    os.chmod(path, 0o640)
    write_checked(path, lambda text: text.replace("namn: Förskola", "namn: Förskolan"), TODAY)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == original.count(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert "namn: Förskolan\r\n".encode() in data
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_keeps_the_owner(missions: Path) -> None:
    path = missions / "forskola.yaml"
    os.chown(path, 1234, 5678)
    write_checked(path, lambda text: text.replace("namn: Förskola", "namn: Förskolan"), TODAY)
    info = os.stat(path)
    assert (info.st_uid, info.st_gid) == (1234, 5678)


def test_a_file_that_vanished_is_not_made_anew(missions: Path) -> None:
    path = missions / "forskola.yaml"
    path.unlink()
    with pytest.raises(OutputError) as caught:
        write_checked(path, lambda text: text, TODAY)
    assert caught.value.message == f"'{path}' finns inte längre; inget skrevs"
    assert not path.exists()


def test_a_symlink_stays_a_link(missions: Path, tmp_path: Path) -> None:
    real = tmp_path / "forskola.yaml"
    shutil.move(missions / "forskola.yaml", real)
    (missions / "forskola.yaml").symlink_to(real)
    write_checked(missions / "forskola.yaml", lambda text: text.replace("Förskola", "Förskolan", 1), TODAY)
    assert (missions / "forskola.yaml").is_symlink()
    assert "namn: Förskolan\n" in real.read_text(encoding="utf-8")


def test_an_invalid_result_is_not_written(missions: Path) -> None:
    path = missions / "forskola.yaml"
    before = path.read_bytes()
    with pytest.raises(UnwrittenChangeError) as caught:
        write_checked(path, lambda text: text.replace("namn: Förskola", "namn: ''"), TODAY)
    assert caught.value.exit_code == 3
    assert [f.code for f in caught.value.result.findings if f.is_error] == ["empty"]
    assert path.read_bytes() == before


def test_create_refuses_an_existing_file_unless_forced(missions: Path) -> None:
    path = missions / "ka.yaml"
    before = path.read_bytes()
    with pytest.raises(OutputError) as caught:
        write_checked(path, lambda _: "", TODAY, create=True)
    assert caught.value.message == f"{path} finns redan; välj ett annat namn"
    assert path.read_bytes() == before
    text = before.decode().replace("namn: KA", "namn: KA-nätverket")
    write_checked(path, lambda _: text, TODAY, create=True, force=True)
    assert path.read_text(encoding="utf-8") == text


def test_no_lock_file_is_left_in_the_folder(missions: Path) -> None:
    before = sorted(p.name for p in missions.iterdir())
    write_checked(missions / "forskola.yaml", lambda text: text, TODAY)
    assert sorted(p.name for p in missions.iterdir()) == before


@pytest.mark.slow
def test_concurrent_plan_meetings_for_different_years_all_land(missions: Path) -> None:
    """Four processes write four years into one file at once; every year must be there."""
    uppdrag = Path(sys.executable).parent / "uppdrag"
    years = [2027, 2028, 2029, 2030]
    procs = [
        subprocess.Popen(
            [str(uppdrag), "plan-meetings", "forskola", str(year), "--write", "-m", str(missions)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for year in years
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outputs
    text = (missions / "forskola.yaml").read_text(encoding="utf-8")
    for year in years:
        assert text.count(f"- datum: {year}-") == 4, year


@pytest.mark.slow
def test_concurrent_writers_never_lose_an_update(missions: Path) -> None:
    """Threads that each take a while between reading and writing (where a lost update would
    happen): under the lock each one re-reads what the one before wrote."""
    import threading
    import time

    from uppdrag.edit.yaml_writer import add_meetings

    path = missions / "forskola.yaml"
    years = [2027, 2028, 2029]
    errors: list[BaseException] = []

    def plan(year: int) -> None:
        def slow_change(text: str) -> str:
            time.sleep(0.3)  # a slow disk or a big file: the window where updates got lost
            return add_meetings(text, [dt.date(year, 3, 5)])

        try:
            write_checked(path, slow_change, TODAY)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=plan, args=(year,)) for year in years]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    text = path.read_text(encoding="utf-8")
    assert [year for year in years if f"- datum: {year}-03-05" in text] == years


def test_validate_does_not_import_the_lock_library() -> None:
    assert "filelock" not in packages_loaded(["validate", "missions"])


def test_keeps_cr_only_line_endings(missions: Path) -> None:
    path = missions / "forskola.yaml"
    original = path.read_bytes()
    path.write_bytes(original.replace(b"\n", b"\r"))
    # A change sees "\n" line ends (as ruamel writes them) and the file gets "\r" for each.
    write_checked(path, lambda text: text.replace("namn: Förskola\n", "namn: Förskolan\n# ny rad\n"), TODAY)
    changed = original.replace("namn: Förskola\n".encode(), "namn: Förskolan\n# ny rad\n".encode())
    assert path.read_bytes() == changed.replace(b"\n", b"\r")


def test_a_link_out_of_the_workspace_is_never_written_through(missions: Path, tmp_path: Path) -> None:
    workspace = missions.parent
    target, before = link_out_of_workspace(workspace, tmp_path.parent / f"{tmp_path.name}-utanfor")
    with pytest.raises(OutputError) as caught:
        write_checked(missions / "forskola.yaml", lambda text: text.replace("Förskola", "Förskolan", 1), TODAY)
    assert caught.value.message == link_refusal(str(missions / "forskola.yaml"), target, workspace)
    assert target.read_bytes() == before and (missions / "forskola.yaml").is_symlink()


def test_a_link_inside_the_workspace_keeps_link_mode_and_line_endings(missions: Path) -> None:
    store = missions.parent / "arkiv"
    store.mkdir()
    real = store / "forskola.yaml"
    real.write_bytes((missions / "forskola.yaml").read_bytes().replace(b"\n", b"\r\n"))
    os.chmod(real, 0o640)
    (missions / "forskola.yaml").unlink()
    (missions / "forskola.yaml").symlink_to("../arkiv/forskola.yaml")
    write_checked(missions / "forskola.yaml", lambda text: text.replace("namn: Förskola", "namn: Förskolan"), TODAY)
    assert os.readlink(missions / "forskola.yaml") == "../arkiv/forskola.yaml"
    data = real.read_bytes()
    assert b"namn: F\xc3\xb6rskolan\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640


def test_a_hard_link_or_a_read_only_file_is_refused(missions: Path, tmp_path: Path) -> None:
    path = missions / "forskola.yaml"
    before = path.read_bytes()
    os.link(path, tmp_path / "kopia.yaml")
    with pytest.raises(OutputError) as caught:
        write_checked(path, lambda text: text.replace("namn: Förskola", "namn: Förskolan"), TODAY)
    assert caught.value.message == (
        f"kan inte skriva '{path}': filen har 2 hårda länkar, och en ny fil i dess ställe skulle skilja dem åt; "
        "skriv till en annan fil eller ta bort de andra länkarna"
    )
    (tmp_path / "kopia.yaml").unlink()
    os.chmod(path, 0o444)
    with pytest.raises(OutputError) as caught:
        write_checked(path, lambda text: text.replace("namn: Förskola", "namn: Förskolan"), TODAY)
    assert caught.value.message == (
        f"kan inte skriva '{path}': filen är skrivskyddad; ta bort skrivskyddet (chmod u+w) om den ska skrivas över"
    )
    assert path.read_bytes() == before and os.stat(path).st_nlink == 1
