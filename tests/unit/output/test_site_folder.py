"""write_site_folder: the site owns only what it wrote."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.support.site import forge_manifest, sha256_hex
from uppdrag.errors import OutputError
from uppdrag.output.site_folder import MANIFEST, write_site_folder


def test_a_new_folder_gets_pages_and_a_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    built = write_site_folder(folder, {"index.html": "<h1>Nätverk</h1>", "skis.pdf": b"%PDF-"})
    assert built.written == [folder / "index.html", folder / "skis.pdf"] and built.kept == []
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {
        "kind": "uppdrag site",
        "version": 2,
        "files": {"index.html": [sha256_hex("<h1>Nätverk</h1>")], "skis.pdf": [sha256_hex(b"%PDF-")]},
    }


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
    forge_manifest(folder, {"../viktig.txt": sha256_hex("kvar"), "/etc/hostname": sha256_hex("x")})
    write_site_folder(folder, {"index.html": "1"})
    assert (tmp_path / "viktig.txt").read_text(encoding="utf-8") == "kvar"


def test_a_forged_manifest_cannot_make_the_site_delete_or_replace_the_users_files(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_tree(folder, {"anteckningar.txt": "mina", "index.html": "min sida", "bild.png": b"\x89PNG"})
    forge_manifest(folder, {"anteckningar.txt": sha256_hex("något annat"), "bild.png": "0" * 64})
    built = write_site_folder(folder, {"sida.html": "ny"})
    assert built.kept == [
        (folder / "anteckningar.txt", "har ändrats sedan uppdrag skrev den"),
        (folder / "bild.png", "har ändrats sedan uppdrag skrev den"),
    ]
    assert (folder / "anteckningar.txt").read_text(encoding="utf-8") == "mina"
    assert (folder / "bild.png").read_bytes() == b"\x89PNG"
    # and a page is never written over a file the manifest claims with a digest it does not have
    forge_manifest(folder, {"index.html": sha256_hex("en annan sida")})
    with pytest.raises(OutputError) as caught:
        write_site_folder(folder, {"index.html": "webbplatsens"})
    assert caught.value.message == (
        f"'{folder / 'index.html'}' finns redan och har ändrats sedan uppdrag skrev den; "
        "flytta den eller välj en annan mapp"
    )
    assert (folder / "index.html").read_text(encoding="utf-8") == "min sida"


def test_only_a_regular_file_with_one_link_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    write_site_folder(folder, {"index.html": "1", "skis.html": "skis", "ka.html": "ka"})
    outside = tmp_path / "viktig.html"
    outside.write_text("skis", encoding="utf-8")  # the very content the site wrote
    (folder / "skis.html").unlink()
    (folder / "skis.html").symlink_to(outside)
    os.link(folder / "ka.html", tmp_path / "ka-kopia.html")
    built = write_site_folder(folder, {"index.html": "2"})
    assert built.kept == [
        (folder / "ka.html", "har fler hårda länkar"),
        (folder / "skis.html", "är inte längre en vanlig fil"),
    ]
    assert outside.read_text(encoding="utf-8") == "skis" and (folder / "skis.html").is_symlink()
    assert (tmp_path / "ka-kopia.html").read_text(encoding="utf-8") == "ka"
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["files"] == {"index.html": [sha256_hex("2")]}  # what was left is no longer the site's


def test_an_older_builds_manifest_of_names_alone_is_recognised_and_its_site_files_replaced(tmp_path: Path) -> None:
    """A folder from an uppdrag before 2026-12 (names without digests) is rebuilt, not refused:
    its pages, PDFs, calendars and stylesheet are replaced or removed; what it lists that is
    not the site's kind of file, and what it does not list, stays."""
    folder = tmp_path / "site"
    listed = ["index.html", "ka.html", "ka.pdf", "ka.ics", "style.css", "anteckningar.txt", "falsk.html", "../ute.html"]
    write_tree(
        folder,
        {
            "index.html": '<!DOCTYPE html>\n<html lang="sv">gammal',
            "ka.html": "<!DOCTYPE html>\nka",
            "ka.pdf": b"%PDF-1.7 ka",
            "ka.ics": "BEGIN:VCALENDAR\r\nka",
            "style.css": "body {}",
            "anteckningar.txt": "mina",
            "falsk.html": "inte en sida",
            "egen.html": "<!DOCTYPE html>\nolistad",
            MANIFEST: json.dumps({"kind": "uppdrag site", "files": listed}),
        },
    )
    write_tree(tmp_path, {"ute.html": "<!DOCTYPE html>\nutanför"})
    built = write_site_folder(folder, {"index.html": "ny", "style.css": "ny stil"})
    assert built.written == [folder / "index.html", folder / "style.css"] and built.kept == []
    assert sorted(p.name for p in folder.iterdir()) == [
        MANIFEST, "anteckningar.txt", "egen.html", "falsk.html", "index.html", "style.css"
    ]  # fmt: skip
    assert (folder / "index.html").read_text(encoding="utf-8") == "ny"
    assert (folder / "falsk.html").read_text(encoding="utf-8") == "inte en sida"
    assert (tmp_path / "ute.html").exists()
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {
        "kind": "uppdrag site",
        "version": 2,
        "files": {"index.html": [sha256_hex("ny")], "style.css": [sha256_hex("ny stil")]},
    }


def test_an_older_manifest_does_not_make_a_file_of_another_kind_the_sites(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    write_tree(
        folder, {"index.html": "gammal", MANIFEST: json.dumps({"kind": "uppdrag site", "files": ["index.html"]})}
    )
    with pytest.raises(OutputError) as caught:
        write_site_folder(folder, {"index.html": "ny"})
    assert caught.value.message == (
        f"'{folder / 'index.html'}' finns redan och skrevs inte av uppdrag; flytta den eller välj en annan mapp"
    )
    assert (folder / "index.html").read_text(encoding="utf-8") == "gammal"


@pytest.mark.parametrize("manifest", ["[]", "{", '{"kind": "uppdrag site", "version": 3, "files": {}}'])
def test_a_manifest_not_the_sites_makes_the_folder_foreign(tmp_path: Path, manifest: str) -> None:
    write_tree(tmp_path, {MANIFEST: manifest, "index.html": "användarens"})
    with pytest.raises(OutputError) as caught:
        write_site_folder(tmp_path, {"index.html": "ny"})
    assert caught.value.message.startswith(f"mappen '{tmp_path}' innehåller filer som uppdrag inte har skrivit")


def test_a_manifest_that_is_a_link_makes_the_folder_foreign(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text(json.dumps({"kind": "uppdrag site", "version": 2, "files": {}}), encoding="utf-8")
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / MANIFEST).symlink_to(real)
    with pytest.raises(OutputError) as caught:
        write_site_folder(folder, {"index.html": "ny"})
    assert "innehåller filer som uppdrag inte har skrivit" in caught.value.message


@pytest.mark.parametrize("name", ["forskola.yaml", "_lov.yaml", "KA.YML", "uppdrag.html.j2"])
def test_a_folder_holding_yaml_or_templates_is_refused_whatever_the_manifest(tmp_path: Path, name: str) -> None:
    write_tree(tmp_path, {name: "id: forskola\n"})
    forge_manifest(tmp_path, {name: sha256_hex("id: forskola\n")})  # even the right digest
    with pytest.raises(OutputError) as caught:
        write_site_folder(tmp_path, {"index.html": "ny"})
    assert caught.value.message == (
        f"mappen '{tmp_path}' innehåller YAML-filer eller mallar ({name}), och i en sådan mapp skrivs "
        "webbplatsen aldrig; välj en egen mapp (till exempel -o site)"
    )
    assert (tmp_path / name).read_text(encoding="utf-8") == "id: forskola\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, MANIFEST])


def test_never_into_a_folder_the_tool_reads(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    for folder in (templates, templates / "ny", tmp_path / "lank"):
        if folder.name == "lank":
            folder.symlink_to(templates)
        with pytest.raises(OutputError) as caught:
            write_site_folder(folder, {"index.html": "ny"}, protected=[tmp_path / "missions", templates])
        assert caught.value.message == (
            f"'{folder}' är eller ligger i '{templates}', som uppdrag läser, och dit skrivs webbplatsen aldrig; "
            "välj en egen mapp (till exempel -o site)"
        )
    assert list(templates.iterdir()) == []


def test_a_dangling_link_is_named_in_swedish(tmp_path: Path) -> None:
    link = tmp_path / "site"
    link.symlink_to(tmp_path / "borta")
    with pytest.raises(OutputError) as caught:
        write_site_folder(link, {"index.html": "ny"})
    assert caught.value.message == (
        f"kan inte skriva webbplatsen till '{link}': det är en symbolisk länk till '{tmp_path / 'borta'}', som inte finns"
    )
    assert not (tmp_path / "borta").exists()


def test_a_build_cut_short_still_owns_the_old_and_the_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from uppdrag.output import site_folder

    folder = tmp_path / "site"
    write_site_folder(folder, {"a.html": "a1", "b.html": "b1"})
    real_write = site_folder.atomic_write

    def fail_on_b(path: Path, data: bytes | str, *args, **kwargs) -> None:
        if path.name == "b.html":
            raise OSError(28, "No space left on device")
        real_write(path, data, *args, **kwargs)

    monkeypatch.setattr(site_folder, "atomic_write", fail_on_b)
    with pytest.raises(OutputError) as caught:
        write_site_folder(folder, {"a.html": "a2", "b.html": "b2"})
    assert caught.value.message == f"kan inte skriva '{folder}': disken är full"
    monkeypatch.undo()
    assert (folder / "a.html").read_text() == "a2" and (folder / "b.html").read_text() == "b1"
    built = write_site_folder(folder, {"c.html": "c"})  # both old files, one new and one old, are the site's
    assert built.kept == [] and sorted(p.name for p in folder.iterdir()) == [MANIFEST, "c.html"]


def test_a_read_only_page_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    write_site_folder(folder, {"a.html": "a1", "b.html": "b1"})
    os.chmod(folder / "b.html", 0o444)
    before = (folder / MANIFEST).read_bytes()
    with pytest.raises(OutputError) as caught:
        write_site_folder(folder, {"a.html": "a2", "b.html": "b2"})
    assert caught.value.message == (
        f"kan inte skriva '{folder / 'b.html'}': filen är skrivskyddad; "
        "ta bort skrivskyddet (chmod u+w) om den ska skrivas över"
    )
    assert (folder / "a.html").read_text() == "a1" and (folder / MANIFEST).read_bytes() == before


def test_never_through_a_link_out_of_the_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, outside = tmp_path / "arbetsyta", tmp_path / "annat"
    workspace.mkdir()
    outside.mkdir()
    monkeypatch.chdir(workspace)
    Path("site").symlink_to(outside)
    for own_parts in (1, 0):  # the default site/, or -o site naming a link in the workspace
        with pytest.raises(OutputError) as caught:
            write_site_folder(Path("site"), {"index.html": "ny"}, workspace=workspace, own_parts=own_parts)
        assert caught.value.message == (
            f"'site' leder via en symbolisk länk till '{outside}', utanför arbetsytan '{workspace}'; uppdrag skriver "
            "bara genom länkar som stannar i arbetsytan; ersätt länken med en vanlig mapp eller ange den verkliga sökvägen"
        )
    assert list(outside.iterdir()) == []
    (workspace / "publicerat").mkdir()
    Path("inne").symlink_to("publicerat")
    built = write_site_folder(Path("inne"), {"index.html": "ny"}, workspace=workspace, own_parts=1)
    assert built.written == [Path("inne/index.html")]
    assert (workspace / "publicerat" / "index.html").read_text(encoding="utf-8") == "ny"
    built = write_site_folder(outside, {"index.html": "ny"}, workspace=workspace)  # named, no link: meant
    assert (outside / "index.html").read_text(encoding="utf-8") == "ny"
