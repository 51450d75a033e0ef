"""write_site_folder: the site owns only what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from uppdrag.errors import OutputError
from uppdrag.output.site_folder import MANIFEST, write_site_folder


def test_a_new_folder_gets_pages_and_a_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    written = write_site_folder(folder, {"index.html": "<h1>Nätverk</h1>", "skis.pdf": b"%PDF-"})
    assert written == [folder / "index.html", folder / "skis.pdf"]
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"kind": "uppdrag site", "files": ["index.html", "skis.pdf"]}


def test_pages_may_be_producers_and_are_all_made_before_any_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    write_site_folder(folder, {"index.html": "gammal"})

    def broken() -> str:
        raise OutputError("mallen är trasig")

    made: list[str] = []
    with pytest.raises(OutputError):
        write_site_folder(folder, {"index.html": lambda: "ny", "skis.html": broken}, made.append)
    assert made == ["index.html", "skis.html"]
    assert (folder / "index.html").read_text(encoding="utf-8") == "gammal"
    write_site_folder(folder, {"index.html": lambda: "ny"})
    assert (folder / "index.html").read_text(encoding="utf-8") == "ny"


def test_stale_pages_go_and_the_users_files_stay(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    write_site_folder(folder, {"index.html": "1", "skis.html": "skis"})
    (folder / "egen.txt").write_text("min", encoding="utf-8")
    write_site_folder(folder, {"index.html": "2"})
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST, "egen.txt", "index.html"]
    assert (folder / "index.html").read_text(encoding="utf-8") == "2"
    assert (folder / "egen.txt").read_text(encoding="utf-8") == "min"


def test_a_foreign_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("användarens", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_site_folder(tmp_path, {"index.html": "ny"})
    assert caught.value.exit_code == 2
    assert caught.value.message == (
        f"mappen '{tmp_path}' innehåller filer som uppdrag inte har skrivit; "
        "välj en ny eller tom mapp för webbplatsen (till exempel -o site)"
    )
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "användarens"


def test_a_page_never_replaces_a_file_the_site_did_not_write(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    write_site_folder(folder, {"index.html": "1"})
    (folder / "nytt.html").write_text("användarens", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_site_folder(folder, {"index.html": "2", "nytt.html": "sidan"})
    assert "skrevs inte av uppdrag" in caught.value.message
    assert (folder / "nytt.html").read_text(encoding="utf-8") == "användarens"


def test_a_forged_manifest_cannot_delete_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (tmp_path / "viktig.txt").write_text("kvar", encoding="utf-8")
    manifest = {"kind": "uppdrag site", "files": ["../viktig.txt", "index.html"]}
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    write_site_folder(folder, {"index.html": "1"})
    assert (tmp_path / "viktig.txt").read_text(encoding="utf-8") == "kvar"


def test_site_command_removes_a_gone_network(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    first = runner.invoke(app, ["site", "-o", "ut", "--year", "2026"])
    assert first.exit_code == 0, first.output
    assert (shipped / "ut" / "skis.html").exists()
    (shipped / "missions" / "skis.yaml").unlink()
    second = runner.invoke(app, ["site", "-o", "ut", "--year", "2026"])
    assert second.exit_code == 0, second.output
    assert not (shipped / "ut" / "skis.html").exists() and not (shipped / "ut" / "skis.pdf").exists()
    assert (shipped / "ut" / "forskola.html").exists()
