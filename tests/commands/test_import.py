"""uppdrag import through the CLI: what it writes, prints and refuses, with exact messages."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from tests.commands.test_render_docx import MEETINGS, render
from tests.conftest import MISSIONS, REPO, TESTS, TODAY, write_tree
from tests.support.documents import to_docx
from tests.support.links import link_out_of_workspace, link_refusal
from tests.unit.edit.test_importer import NETWORKS, differences, imported
from uppdrag.cli import app
from uppdrag.edit.importer import comment_safe
from uppdrag.models import Mission

SEEDS = TESTS / "seeds"


def _import(runner, *args: str):
    return runner.invoke(app, ["import", *args, "--today", TODAY])


def test_writes_the_mission_and_reports(workspace: Path, runner) -> None:
    result = _import(runner, str(SEEDS / "forskola.txt"), "--id", "forskola")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "missions/forskola.yaml\n"
    written = (workspace / "missions" / "forskola.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schemas/uppdrag.schema.json\n")
    assert "  minst_per_år: 4\n  veckodagar: [fredag]\n" in written
    lines = result.stderr.splitlines()
    assert lines[0] == f"{SEEDS / 'forskola.txt'} (txt) -> missions/forskola.yaml"
    assert "  namn                           Förskola  [rad 3]" in lines
    assert lines[-1].startswith("obs: bakgrunden är den gemensamma texten 'strategi-2023-2026' (100 % lika)")
    assert runner.invoke(app, ["validate", "--today", TODAY]).exit_code == 0


def test_never_overwrites_without_force(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/forskola.yaml": "gammalt\n"})
    result = _import(runner, str(SEEDS / "forskola.txt"), "--id", "forskola")
    assert result.exit_code == 2
    assert result.stderr == (
        "fel: missions/forskola.yaml finns redan; använd --force för att skriva över eller --diff för att jämföra\n"
    )
    assert (workspace / "missions" / "forskola.yaml").read_text(encoding="utf-8") == "gammalt\n"
    forced = _import(runner, str(SEEDS / "forskola.txt"), "--id", "forskola", "--force")
    assert forced.exit_code == 0
    assert (workspace / "missions" / "forskola.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_dash_prints_the_yaml_and_writes_nothing(workspace: Path, runner) -> None:
    result = _import(runner, str(SEEDS / "ka.txt"), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2:4] == ["id: ka", "namn: KA"]
    assert sorted(p.name for p in (workspace / "missions").iterdir()) == [
        "_bakgrund.yaml",
        "_lov.yaml",
        "_styrdokument.yaml",
    ]


def test_json_report(workspace: Path, runner) -> None:
    result = _import(runner, str(SEEDS / "ka.txt"), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["written"] == "missions/ka.yaml" and report["format"] == "txt" and report["id"] == "ka"
    assert {"field": "möten.minst_per_år", "value": "5", "source": "rad 80"} in report["fields"]
    assert {"field": "uppdrag.period", "value": "2021", "source": "rad 36"} in report["fields"]


def test_diff_shows_the_document_changes_and_writes_nothing(shipped: Path, runner) -> None:
    edited = (SEEDS / "forskola.txt").read_text(encoding="utf-8")
    edited = edited.replace("Minst 4 möten per år på fredagar.", "Minst 6 möten per år på tisdagar.")
    edited = edited.replace("Emma Friman, Lidköping\n", "Karin Holm, Skara\n")
    write_tree(shipped, {"forskola-ny.txt": edited})
    before = (shipped / "missions" / "forskola.yaml").read_text(encoding="utf-8")
    result = _import(runner, "forskola-ny.txt", "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola enligt forskola-ny.txt",
        "",
        "Roller och ansvar",
        "  borttaget: person (ordförande): Emma Friman, Lidköping",
        "  tillagt: person (ordförande): Karin Holm, Skara",
        "",
        "Möten",
        "  ändrat: mötesregel: Minst 4 möten per år på fredagar. → Minst 6 möten per år på tisdagar.",
        "",
    ]
    assert (shipped / "missions" / "forskola.yaml").read_text(encoding="utf-8") == before
    same = _import(runner, str(SEEDS / "forskola.txt"), "--id", "forskola", "--diff")
    assert same.stdout == "Ändringar i Förskola enligt forskola.txt\nInga ändringar.\n"


def test_diff_needs_an_existing_file(workspace: Path, runner) -> None:
    result = _import(runner, str(SEEDS / "ka.txt"), "--diff")
    assert result.exit_code == 2
    assert result.stderr == (
        "fel: --diff: missions/ka.yaml finns inte (eller validerar inte); ange --id för ett befintligt nätverk (inga)\n"
    )


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _locked_pdf() -> bytes:
    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(595, 842)
    writer.encrypt("hemligt")
    writer.write(buffer)
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(595, 842)
    writer.write(buffer)
    return buffer.getvalue()


BAD = {
    "tom.txt": (b"", "fel: filen 'tom.txt' är tom"),
    "trasig.docx": (
        b"inte en zip",
        "fel: filen heter .docx men är ingen Word-fil (en .docx är en zip-fil; den här är inte det)",
    ),
    "arkiv.docx": (_zip({"a.txt": "x"}), "fel: filen är en zip-fil men inget Word-dokument (word/document.xml saknas)"),
    "brev.odt": (
        _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"}),
        "fel: filen är ett OpenDocument (.odt); spara den som .docx och försök igen",
    ),
    "trasig-xml.docx": (
        _zip({"word/document.xml": "<w:document", "[Content_Types].xml": "<Types/>"}),
        "fel: Word-filen är trasig och kan inte läsas",
    ),
    "trasig.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", "fel: PDF-filen är trasig och kan inte läsas"),
    "bild.pdf": (
        b"",
        "fel: PDF-filen har inget textlager (troligen inskannad: sidorna är bara bilder); gör den sökbar med OCR "
        "först, t.ex. 'ocrmypdf --language swe in.pdf ut.pdf', och importera den nya filen",
    ),
    "last.pdf": (b"", "fel: PDF-filen är lösenordsskyddad; spara den utan lösenord och försök igen"),
    "brev.txt": (
        "Hej!\n\nHär kommer protokollet från mötet i tisdags.\n\nHälsningar\nKarin\n".encode(),
        "fel: 'brev.txt' ser inte ut som en uppdragsbeskrivning: inga avsnitt som Bakgrund, Uppdrag, "
        "Roller och ansvar eller Möten hittades",
    ),
    "gammal.doc": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
        "fel: filen är i Words gamla format (.doc); spara den som .docx i Word och försök igen",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_documents_are_refused_with_a_reason(name: str, workspace: Path, runner) -> None:
    data, message = BAD[name]
    if name == "bild.pdf":
        data = _image_only_pdf()
    if name == "last.pdf":
        data = _locked_pdf()
    write_tree(workspace, {name: data})
    result = _import(runner, name)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert len(list((workspace / "missions").iterdir())) == 3  # nothing written


def test_missing_file(workspace: Path, runner) -> None:
    result = _import(runner, "finns-inte.docx")
    assert (result.exit_code, result.stderr) == (2, "fel: filen 'finns-inte.docx' finns inte\n")


def test_size_cap(workspace: Path, runner, monkeypatch: pytest.MonkeyPatch) -> None:
    from uppdrag.edit.importer import reading

    monkeypatch.setattr(reading, "MAX_DOCUMENT_BYTES", 1024 * 1024)
    write_tree(workspace, {"stor.txt": "x" * (2 * 1024 * 1024)})
    result = _import(runner, "stor.txt")
    assert (result.exit_code, result.stderr) == (2, "fel: filen 'stor.txt' är för stor (2,0 MB; högst 1 MB)\n")


def test_bad_id(workspace: Path, runner) -> None:
    result = _import(runner, str(SEEDS / "ka.txt"), "--id", "KA nätverk")
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: ogiltigt id 'KA nätverk': använd små bokstäver a–z, siffror och bindestreck\n",
    )


@pytest.mark.parametrize(("typed", "shown"), [("a\nb", "a\\u000ab"), ("ka\t", "ka\\u0009"), ("k\u202ea", "k\\u202ea")])
def test_an_id_with_a_control_character_is_refused_not_changed(workspace: Path, runner, typed: str, shown: str) -> None:
    result = _import(runner, str(SEEDS / "ka.txt"), "--id", typed)
    assert (result.exit_code, result.stderr) == (
        2,
        f"fel: ogiltigt id '{shown}': det innehåller styrtecken (som en radbrytning eller tabb); "
        "använd små bokstäver a–z, siffror och bindestreck\n",
    )
    assert sorted(p.name for p in (workspace / "missions").iterdir() if not p.name.startswith("_")) == []


def test_report_of_an_uncertain_import(workspace: Path, runner) -> None:
    from tests.unit.edit.test_importer import FRITIDSHEM

    write_tree(workspace, {"fritidshem.txt": FRITIDSHEM})
    result = _import(runner, "fritidshem.txt")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-6:] == [
        "KONTROLLERA bakgrund: bakgrunden liknar den gemensamma texten 'maldokument' bara till 32 %; "
        "dokumentets text är nätverkets egen version",
        "KONTROLLERA roller[1].personer[0]: 'Lidkoping' läst som Lidköping",
        "KONTROLLERA roller[2]: rollen presidium har ingen egen rubrik i dokumentet, bara en rad med personer (rad 30)",
        "KONTROLLERA roller[2].ansvar: dokumentet säger inte vad rollen ansvarar för",
        "KONTROLLERA roller[2].personer[1]: 'Lidkoping' läst som Lidköping",
        "missions/fritidshem.yaml:51:9: varning: roller[2].ansvar[0]: fyll i rollens ansvar",
    ]
    report = json.loads(_import(runner, "fritidshem.txt", "-o", "-", "--format", "json").stderr)
    assert report["written"] is None
    assert {"field": "roller[1].personer[0]", "message": "'Lidkoping' läst som Lidköping"} in report["checks"]
    assert report["warnings"] == [
        {
            "location": "missions/fritidshem.yaml:51:9",
            "field": "roller[2].ansvar[0]",
            "message": "fyll i rollens ansvar",
        }
    ]


def test_diff_of_a_chiefs_word_file_with_tracked_changes(shipped: Path, runner) -> None:
    """The yearly revision: a chief strikes 'fredagar', types 'tisdagar' and comments in Word."""
    from docx.oxml import OxmlElement


    path = to_docx((SEEDS / "forskola.txt").read_text(encoding="utf-8"), shipped / "forskola.docx")
    document = docx.Document(str(path))
    rule = next(p for p in document.paragraphs if p.text.startswith("Minst 4 möten"))
    for run in list(rule.runs):
        run._r.getparent().remove(run._r)
    rule.add_run("Minst 4 möten per år på ")
    for tag, text in (("w:del", "fredagar"), ("w:ins", "tisdagar")):
        change, run, content = (
            OxmlElement(tag),
            OxmlElement("w:r"),
            OxmlElement("w:delText" if tag == "w:del" else "w:t"),
        )
        change.set(qn("w:id"), "7" if tag == "w:del" else "8")
        change.set(qn("w:author"), "Skolchef")
        content.text = text
        run.append(content)
        change.append(run)
        rule._p.append(change)
    rule.add_run(". Minnesanteckningar ska föras och läggas ut på utbildningskaraborg.se.")
    comment = document.add_comment(rule.runs[0], text="Fredagar krockar med APT.", author="Skolchef")
    comment._comment_elm.set(qn("w:date"), "2027-03-03T09:00:00Z")
    document.save(str(path))
    result = _import(runner, "forskola.docx", "--id", "forskola", "--diff")
    assert result.exit_code == 0, result.stderr
    # the proposal is not a direct edit: the text without it is the current file's
    assert result.stdout == (
        "Ändringar i Förskola enligt forskola.docx\n"
        "Inga direkta ändringar; förslag och kommentarer:\n"
        "\n"
        "Möten\n"
        '  förslag av Skolchef: stryker i mötesregel: "fredagar"\n'
        '  förslag av Skolchef: lägger till i mötesregel: "tisdagar"\n'
        '  kommentar av Skolchef, 3 mars 2027 om "Minst 4 möten per år på" (mötesregel): Fredagar krockar med APT.\n'
        "\n"
    )
    counted = (
        "Word-filen har 2 förslag (spårade ändringar: 1 tillägg, 1 borttagning); importen läser dem som "
        "godkända (--avvisa-förslag läser dem som avvisade); --diff visar dem",
        "Word-filen har 1 kommentar; --diff visar den, de blir inte en del av uppdragsfilen",
    )
    assert result.stderr == f"obs: {counted[0]}\nobs: {counted[1]}\n"
    report = json.loads(_import(runner, "forskola.docx", "--id", "forskola", "-o", "-", "--format", "json").stderr)
    assert report["notes"][:2] == list(counted)
    assert {"field": "möten.veckodagar", "value": "tisdag", "source": "stycke 34"} in report["fields"]
    rejected = _import(runner, "forskola.docx", "--id", "forskola", "-o", "-", "--format", "json", "--avvisa-förslag")
    report = json.loads(rejected.stderr)
    assert report["notes"][0].endswith("importen läser dem som avvisade (--avvisa-förslag); --diff visar dem")
    assert {"field": "möten.veckodagar", "value": "fredag", "source": "stycke 34"} in report["fields"]


def test_output_file_is_where_the_report_and_its_warnings_point(workspace: Path, runner) -> None:
    result = _import(runner, str(SEEDS / "ka.txt"), "-o", "ut/ka-importerad.yaml")
    assert result.exit_code == 2  # the folder ut/ does not exist
    (workspace / "ut").mkdir()
    result = _import(runner, str(SEEDS / "ka.txt"), "-o", "ut/ka-importerad.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "ut/ka-importerad.yaml\n"
    lines = result.stderr.splitlines()
    assert lines[0] == f"{SEEDS / 'ka.txt'} (txt) -> ut/ka-importerad.yaml"
    warnings = [line for line in lines if ": varning: " in line]
    assert warnings[0] == (
        "ut/ka-importerad.yaml:27:11: varning: uppdrag.period: uppdragsperioden 2021 har löpt ut; "
        "börja nästa period med `uppdrag new ka-2027 --from ka`"
    )
    assert len(warnings) == 3 and all(w.startswith("ut/ka-importerad.yaml:") for w in warnings)
    assert not (workspace / "missions" / "ka.yaml").exists()
    report = json.loads(_import(runner, str(SEEDS / "ka.txt"), "-o", "ka2.yaml", "--format", "json").stdout)
    assert report["written"] == "ka2.yaml"
    assert [w["location"] for w in report["warnings"]] == ["ka2.yaml:27:11", "ka2.yaml:50:11", "ka2.yaml:56:11"]
    assert [f"{f['file']}:{f['line']}:{f['column']}" for f in report["findings"]] == [  # the same, as version 1
        w["location"] for w in report["warnings"]
    ]
    assert [f["key"] for f in report["findings"]] == [w["field"] for w in report["warnings"]]


@pytest.mark.parametrize("network", NETWORKS)
def test_import_gives_back_the_same_mission(network: str, shipped: Path, runner) -> None:
    """The round trip a chief's Word file takes: render --docx, then import, every field equal."""
    path = render(runner, network)
    result = runner.invoke(app, ["import", str(path), "--id", network, "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.output
    imported = Mission.model_validate(yaml.safe_load(result.stdout))
    shipped_text = (shipped / "missions" / f"{network}.yaml").read_text(encoding="utf-8")
    original = Mission.model_validate(yaml.safe_load(shipped_text))
    for name in Mission.model_fields:
        assert getattr(imported, name) == getattr(original, name), name
    assert imported == original
    header, body = result.stdout.split("\nid: ", 1)  # the opening comment names the marks only when there are some
    marks = " Se efter det som är märkt KONTROLLERA och FYLL I." if network == "sarskola" else ""
    assert header.endswith(f"# Importerad från {network}.docx.{marks}")
    assert "FYLL I" not in body
    # Särskolan's own intro says "följande år", which the importer reads as the period "kommande år"
    # and asks to check: the Word file's body states the period nowhere else (only its page footer).
    expected = (
        ["# KONTROLLERA: dokumentet säger 'följande år'; läst som 'kommande år'"] if network == "sarskola" else []
    )
    assert [line.strip() for line in body.splitlines() if "KONTROLLERA" in line] == expected
    # Nothing was written: the shipped file is untouched.
    assert (shipped / "missions" / f"{network}.yaml").read_text(encoding="utf-8") == shipped_text


def test_import_gives_back_meetings_and_revision(shipped: Path, runner) -> None:
    path = shipped / "missions/forskola.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  minnesanteckningar:", MEETINGS + "  minnesanteckningar:", 1) + "reviderad: 2026-06-14\n"
    path.write_text(text, encoding="utf-8")
    render(runner, "forskola")
    result = runner.invoke(app, ["import", "ut/forskola.docx", "--id", "forskola", "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.output
    imported = Mission.model_validate(yaml.safe_load(result.stdout))
    assert imported == Mission.model_validate(yaml.safe_load(text))
    assert len(imported.meetings.meetings) == 2 and imported.revised.isoformat() == "2026-06-14"


SEEDS = TESTS / "seeds"


def test_an_import_with_escapes_and_bidi_overrides_validates_and_says_so(workspace: Path, runner) -> None:
    text = (SEEDS / "forskola.txt").read_text(encoding="utf-8")
    text = text.replace("NÄTVERKET FÖRSKOLA", "NÄTVERKET\x1b[2J FÖRSKOLA").replace(
        "Minnesanteckningar", "Minnes\u202eanteckningar"
    )
    (workspace / "hostile.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["import", "hostile.txt", "--id", "forskola", "--today", TODAY])
    assert result.exit_code == 0, result.stderr
    written = (workspace / "missions" / "forskola.yaml").read_text(encoding="utf-8")
    assert not re.search("[\x1b\u202e]", written)
    assert (
        "obs: 2 styrtecken togs bort ur texten (första: ESC på rad 3); en uppdragsfil kan inte ha dem" in result.stderr
    )
    assert runner.invoke(app, ["validate", "--today", TODAY]).exit_code == 0


def test_a_file_name_cannot_add_keys_through_the_header_comment(workspace: Path, runner) -> None:
    name = "ka\nstyrdokument: kapat\u2028x\x85.txt"
    (workspace / name).write_bytes((SEEDS / "forskola.txt").read_bytes())
    result = runner.invoke(app, ["import", name, "--id", "forskola", "-o", "-", "--today", TODAY])
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[1]
    assert header == ("# Importerad från ka\\u000astyrdokument: kapat\\u2028x\\u0085.txt.")
    assert yaml.safe_load(result.stdout)["styrdokument"] != "kapat"
    assert comment_safe("vanligt namn – å.docx") == "vanligt namn – å.docx"


def test_a_file_named_like_a_flag_gets_a_hint(workspace: Path, runner) -> None:
    (workspace / "-x.txt").write_bytes((SEEDS / "forskola.txt").read_bytes())
    result = runner.invoke(app, ["import", "-x.txt", "--today", TODAY])
    assert result.exit_code == 2
    assert "okänd flagga -x; menade du filen '-x.txt'? Skriv då ./-x.txt" in result.stderr
    assert runner.invoke(app, ["import", "./-x.txt", "--id", "forskola", "--today", TODAY]).exit_code == 0


@pytest.mark.parametrize("network", NETWORKS)
def test_our_own_pdf_imports_back(network: str, shipped: Path, runner) -> None:
    """A PDF from `uppdrag render --pdf` (letterhead, running footer, page breaks) comes back."""
    from uppdrag.cli import app

    rendered = runner.invoke(app, ["render", network, "--pdf", "-o", f"{network}.pdf"])
    assert rendered.exit_code == 0, rendered.stderr
    expected = yaml.safe_load((MISSIONS / f"{network}.yaml").read_text(encoding="utf-8"))
    assert differences(imported(shipped / f"{network}.pdf", network), expected) == []


def test_import_force_never_writes_through_a_link_out_of_the_workspace(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    target, before = link_out_of_workspace(shipped, shipped.parent / f"{shipped.name}-utanfor")
    source = shipped / "forskola.txt"
    shutil.copy(REPO / "tests" / "seeds" / "forskola.txt", source)
    result = runner.invoke(app, ["import", str(source), "--id", "forskola", "--force", "--today", "2026-11-22"])
    assert result.exit_code == 2
    assert result.stderr == "fel: " + link_refusal("missions/forskola.yaml", target, shipped) + "\n"
    assert target.read_bytes() == before


# A coordinator's own text file (issue 23): headings numbered by hand with the text on the next
# line, a background that keeps one shared paragraph and adds its own, a reporting sentence after
# the assignments, and the members as a table saved as text (tab-separated).
OWN_TEXT = (
    "Uppdragsbeskrivning för nätverket Studie- och yrkesvägledning\n"
    "1. Bakgrund\n"
    "Skaraborgs Kommunalförbund har, baserat på sin förbundsordning, ett ansvar att samordna utveckling genom "
    "tillitsfull samverkan med kommunerna och andra aktörer. Samverkan kring genomförandet av denna strategi bygger "
    "på ömsesidig förståelse och respekt mellan olika aktörer med avseende på roller och mandat.\n"
    "Vägledarna i Skaraborg har länge samarbetat kring prao.\n"
    "2. Uppdrag\n"
    "Skolchefsnätverket ger följande uppdrag för 2026:\n"
    "- Samordna praoplatserna i Skaraborg.\n"
    "- Utbyta erfarenheter om vägledning.\n"
    "Återrapportering sker till skolchefsnätverket i december.\n"
    "3. Roller och ansvar\n"
    "Ordförande\n"
    "Leder mötena.\n"
    "Emma Friman, Lidköping\n"
    "4. Medlemmar\n"
    "Namn\tKommun\tE-post\n"
    "Berit Bo\tHerrljunga\tberit.bo@herrljunga.se\n"
    "Anna Holm\tMariestad\tanna.holm@mariestad.se\n"
    "5. Möten\n"
    "Minst 4 möten per år.\n"
)
OWN_TEXT_BACKGROUND = """\
# KONTROLLERA: bakgrunden liknar den gemensamma texten 'strategi-2023-2026' bara till 36 %; dokumentets text är nätverkets egen version
bakgrund: strategi-2023-2026
bakgrund_egen:
  stycken:
    - >-
      Skaraborgs Kommunalförbund har, baserat på sin förbundsordning, ett ansvar att samordna
      utveckling genom tillitsfull samverkan med kommunerna och andra aktörer. Samverkan kring
      genomförandet av denna strategi bygger på ömsesidig förståelse och respekt mellan olika
      aktörer med avseende på roller och mandat.

bakgrund_tillägg:
  - Vägledarna i Skaraborg har länge samarbetat kring prao.
"""


def test_a_coordinators_own_text_file_imports_as_written(workspace: Path, runner) -> None:
    write_tree(workspace, {"syv.txt": OWN_TEXT})
    result = _import(runner, "syv.txt", "--id", "syv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "missions/syv.yaml\n"
    assert (workspace / "missions" / "syv.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/uppdrag.schema.json\n"
        "# Importerad från syv.txt. Se efter det som är märkt KONTROLLERA och FYLL I.\n"
        "id: syv\n"
        "namn: Studie- och yrkesvägledning\n"
        "styrdokument: strategi-2023-2026\n"
        + OWN_TEXT_BACKGROUND
        + "\n"
        "avsnitt:\n"
        "  - {del: bakgrund, rubrik: Bakgrund}\n"
        "  - {del: syfte}\n"
        "  - {del: uppdrag, rubrik: Uppdrag}\n"
        "  - {del: roller, rubrik: Roller och ansvar}\n"
        "  - {del: medlemmar, rubrik: Medlemmar}\n"
        "  - {del: möten, rubrik: Möten}\n"
        "\n"
        "# KONTROLLERA: dokumentet säger inget om syftet\n"
        "syfte:\n"
        "  text:\n"
        '    - "FYLL I: vad nätverket fokuserar på och varför."\n'
        "\n"
        "uppdrag:\n"
        '  period: "2026"\n'
        "  grupper:\n"
        "    - återrapportering: till skolchefsnätverket i december\n"
        "      punkter:\n"
        "        - Samordna praoplatserna i Skaraborg.\n"
        "        - Utbyta erfarenheter om vägledning.\n"
        "\n"
        "roller:\n"
        "  - roll: ordförande\n"
        "    ansvar:\n"
        "      - Leder mötena.\n"
        "    personer:\n"
        "      - {namn: Emma Friman, kommun: Lidköping}\n"
        "medlemmar:\n"
        "  # KONTROLLERA: kommunen 'Herrljunga' finns inte i organisationen (Utbildning Skaraborg); Berit Bo är med "
        "utan kommun\n"
        "  - namn: Berit Bo\n"
        "    e-post: berit.bo@herrljunga.se\n"
        "  - namn: Anna Holm\n"
        "    kommun: Mariestad\n"
        "    e-post: anna.holm@mariestad.se\n"
        "\n"
        "möten:\n"
        "  minst_per_år: 4\n"
    )
    lines = result.stderr.splitlines()
    assert "  avsnitt[2]                           Uppdrag  [rad 5]" in lines
    assert "  uppdrag.grupper[0].återrapportering  till skolchefsnätverket i december  [rad 9]" in lines
    assert "  medlemmar[0]                         Berit Bo, berit.bo@herrljunga.se  [rad 16 (tabell)]" in lines
    assert "täckning: 110 av 110 ord placerade" in lines


def test_a_paragraph_after_the_assignments_is_never_made_one_unsaid(workspace: Path, runner) -> None:
    text = OWN_TEXT.replace(
        "Återrapportering sker till skolchefsnätverket i december.\n",
        "Återrapportering sker till skolchefsnätverket i december.\nVi fikar alltid efter mötet.\n",
    )
    write_tree(workspace, {"syv.txt": text})
    result = _import(runner, "syv.txt", "--id", "syv", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert (
        "  grupper:\n"
        "    # KONTROLLERA: texten 'Vi fikar alltid efter mötet.' (rad 10) står efter uppdragens punkter men är ingen "
        "punkt; den har ingen plats i filen\n"
        "    - återrapportering: till skolchefsnätverket i december\n"
        "      punkter:\n"
        "        - Samordna praoplatserna i Skaraborg.\n"
        "        - Utbyta erfarenheter om vägledning.\n"
        "\n"
    ) in result.stdout
    assert "utan plats (rad 10): Vi fikar alltid efter mötet." in result.stderr.splitlines()


@pytest.mark.parametrize(
    "background",
    [
        None,  # the first shared paragraph and one of the network's own: the other shared paragraphs struck
        "Vägledarna i Skaraborg har länge samarbetat kring prao.\n",  # no shared text: the network's words only
    ],
    ids=["struck", "own-only"],
)
def test_force_writes_the_documents_background_and_the_diff_then_settles(
    background: str | None, workspace: Path, runner
) -> None:
    text = OWN_TEXT
    if background is not None:
        start, end = text.index("1. Bakgrund\n") + len("1. Bakgrund\n"), text.index("2. Uppdrag\n")
        text = text[:start] + background + text[end:]
    write_tree(workspace, {"syv.txt": text})
    assert _import(runner, "syv.txt", "--id", "syv").exit_code == 0
    path = workspace / "missions" / "syv.yaml"
    written = path.read_text(encoding="utf-8")
    assert "bakgrund_egen:\n" in written
    # the file as an import that referred to the shared text wrote it
    old = re.sub(r"bakgrund_egen:\n(?:  .*\n)+\n?", "", written)
    if background is not None:
        old = old.replace("bakgrund: strategi-2023-2026\n", "bakgrund: strategi-2023-2026\n\nbakgrund_tillägg:\n"
                          "  - Vägledarna i Skaraborg har länge samarbetat kring prao.\n")  # fmt: skip
    path.write_text(old, encoding="utf-8")
    before = _import(runner, "syv.txt", "--id", "syv", "--diff")
    assert before.exit_code == 0 and "Inga ändringar" not in before.stdout
    forced = _import(runner, "syv.txt", "--id", "syv", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "skrivs inte in" not in forced.stderr
    after = _import(runner, "syv.txt", "--id", "syv", "--diff")
    assert after.exit_code == 0, after.stderr
    assert after.stdout == "Ändringar i Studie- och yrkesvägledning enligt syv.txt\nInga ändringar.\n"
    shown = runner.invoke(app, ["render", "syv", "-o", "-", "--today", TODAY])
    assert shown.exit_code == 0, shown.stderr
    # the background as the document has it, nothing struck and nothing added; then the purpose,
    # which has no heading of its own here
    section = shown.stdout.split("## Bakgrund\n\n", 1)[1].split("\n\n## ", 1)[0]
    own = text[text.index("1. Bakgrund\n") + len("1. Bakgrund\n") : text.index("2. Uppdrag\n")]
    assert section.split("\n\n") == [*own.splitlines(), "FYLL I: vad nätverket fokuserar på och varför."]


def test_a_lead_in_line_before_the_assignments_is_their_inledning_not_one_of_them(workspace: Path, runner) -> None:
    text = OWN_TEXT.replace("Skolchefsnätverket ger följande uppdrag för 2026:\n", "Nätverket ska under 2026:\n")
    write_tree(workspace, {"syv.txt": text})
    result = _import(runner, "syv.txt", "--id", "syv", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert (
        "uppdrag:\n"
        '  period: "2026"\n'
        '  inledning: "Nätverket ska under 2026:"\n'
        "  grupper:\n"
        "    - återrapportering: till skolchefsnätverket i december\n"
        "      punkter:\n"
        "        - Samordna praoplatserna i Skaraborg.\n"
        "        - Utbyta erfarenheter om vägledning.\n"
    ) in result.stdout
