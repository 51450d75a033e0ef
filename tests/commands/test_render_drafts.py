"""Unfinished documents: render warns and marks HTML and PDF UTKAST; --strict refuses them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, NumberObject

from tests.conftest import MINIMAL_MISSION, REPO, TODAY, system_tool, write_tree
from uppdrag.check.validation import draft_warnings, open_workspace
from uppdrag.cli import app
from uppdrag.findings import Location, warning
from uppdrag.output.diagnostics import draft_notice

UNFINISHED = (
    MINIMAL_MISSION.format(id="n") + "    personer:\n      - {namn: 'FYLL I: ordförandens namn', kommun: Skara}\n"
)
FINISHED = MINIMAL_MISSION.format(id="klar")


@pytest.fixture
def drafts(workspace: Path) -> Path:
    write_tree(workspace, {"missions/n.yaml": UNFINISHED, "missions/klar.yaml": FINISHED})
    return workspace


def test_draft_warnings_are_each_missions_own(drafts: Path) -> None:
    workspace, _ = open_workspace(Path("missions"), dt.date(2026, 11, 22))
    warnings = draft_warnings(workspace, dt.date(2026, 11, 22))
    assert warnings["klar"] == []
    assert [(str(f.location), f.code) for f in warnings["n"]] == [("missions/n.yaml:15:16", "placeholder")]


def test_draft_notice_wording() -> None:
    one = [warning(Location("missions/n.yaml", 1, 1), "placeholder", "x")]
    assert draft_notice({"n": one}, strict=False) == (
        "n är ett utkast (1 varning ovan); HTML, PDF och Word märks UTKAST tills varningarna är åtgärdade"
    )
    assert draft_notice({"n": one, "ka": one + one}, strict=True) == (
        "n och ka är inte färdiga (3 varningar ovan) och --strict gör inga utkast; "
        "åtgärda varningarna, eller gör ett utkast utan --strict"
    )


def test_render_warns_and_marks_the_html(drafts: Path, runner) -> None:
    result = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY])
    assert result.exit_code == 0
    assert result.stderr == (
        "missions/n.yaml:15:16: varning: roller[0].personer[0].namn: fyll i ordförandens namn\n"
        "varning: n är ett utkast (1 varning ovan); HTML, PDF och Word märks UTKAST tills varningarna är åtgärdade\n"
    )
    assert '<p class="draft-mark">UTKAST</p>' in result.stdout


def test_finished_document_has_no_mark(drafts: Path, runner) -> None:
    result = runner.invoke(app, ["render", "klar", "--html", "-o", "-", "--today", TODAY])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "UTKAST" not in result.stdout


def test_strict_refuses_and_writes_nothing(drafts: Path, runner) -> None:
    result = runner.invoke(app, ["render", "klar", "n", "--strict", "--today", TODAY])
    assert result.exit_code == 1
    assert result.stderr == (
        "missions/n.yaml:15:16: varning: roller[0].personer[0].namn: fyll i ordförandens namn\n"
        "fel: n är inte färdigt (1 varning ovan) och --strict gör inga utkast; "
        "åtgärda varningarna, eller gör ett utkast utan --strict\n"
    )
    assert not (drafts / "build").exists()


def test_strict_renders_a_finished_document(drafts: Path, runner) -> None:
    result = runner.invoke(app, ["render", "klar", "--strict", "--today", TODAY])
    assert (result.exit_code, result.stdout) == (0, "build/klar.md\n")


def test_an_ended_period_is_a_draft_too(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "--strict", "--today", TODAY])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "missions/ka.yaml:27:11: varning: uppdrag.period: uppdragsperioden 2021 har löpt ut; "
        "börja nästa period med `uppdrag new ka-2027 --from ka`\n"
    )
    assert result.stderr.endswith(
        "fel: ka är inte färdigt (3 varningar ovan) och --strict gör inga utkast; "
        "åtgärda varningarna, eller gör ett utkast utan --strict\n"
    )


def test_pdf_draft_mark_on_every_page(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "forskola", "--pdf", "-o", "pdf", "--today", TODAY])
    assert result.exit_code == 0, result.output
    for network, draft in (("ka", True), ("forskola", False)):  # forskola names its chair and secretary
        pages = pypdf.PdfReader(shipped / "pdf" / f"{network}.pdf").pages
        assert len(pages) == 2
        # In words: the running header on each page, and above the title; the diagonal mark is no text.
        assert [page.extract_text().count("UTKAST") for page in pages] == ([2, 1] if draft else [0, 0])


def _marked_text(page: pypdf.PageObject) -> dict[int | str | None, str]:
    """The page's text by the marked-content section it is drawn in: an MCID, '/Artifact', or
    None outside any section."""
    stack: list[int | str] = []
    texts: dict[int | str | None, str] = {}

    def before(operator: bytes, operands: list, cm: object, tm: object) -> None:
        if operator == b"BDC":
            properties = operands[1]
            mcid = properties.get("/MCID") if isinstance(properties, DictionaryObject) else None
            stack.append(int(mcid) if mcid is not None else str(operands[0]))
        elif operator == b"BMC":
            stack.append(str(operands[0]))
        elif operator == b"EMC":
            stack.pop()

    def text(found: str, *args: object) -> None:
        if found.strip():
            key = stack[-1] if stack else None
            texts[key] = texts.get(key, "") + found

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def _text_in_structure_order(reader: pypdf.PdfReader) -> list[str]:
    """The text a screen reader reads: the marked content of the structure tree, in its order."""
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    marked = [_marked_text(page) for page in reader.pages]
    found: list[str] = []

    def walk(node: object, page: int | None) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, NumberObject):
            found.append(marked[page].get(int(node), ""))  # type: ignore[index]
        elif isinstance(node, ArrayObject):
            for kid in node:
                walk(kid, page)
        elif isinstance(node, DictionaryObject):
            if "/Pg" in node:
                page = pages[node.raw_get("/Pg").idnum]
            if node.get("/Type") == "/MCR":
                found.append(marked[page].get(int(node["/MCID"]), ""))  # type: ignore[index]
            elif "/K" in node:
                walk(node["/K"], page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"], None)
    return [text for text in found if text]


def _painted_in(page: pypdf.PageObject) -> list[tuple[str, list[str]]]:
    """Each XObject the page paints, with the marked-content sections it is painted in."""
    stack: list[str] = []
    painted = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator in (b"BDC", b"BMC"):
            stack.append(str(operands[0]))
        elif operator == b"EMC":
            stack.pop()
        elif operator == b"Do":
            painted.append((str(operands[0]), list(stack)))
    return painted


def _draws_text(xobject: DictionaryObject) -> bool:
    """Whether a form XObject, or one it paints, shows text."""
    if any(op in (b"Tj", b"TJ", b"'", b'"') for _, op in ContentStream(xobject, None).operations):
        return True
    inner = xobject.get("/Resources", {}).get("/XObject", {})
    return any(_draws_text(inner[name].get_object()) for name in inner)


def test_the_diagonal_mark_is_an_artifact_and_no_text(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "forskola", "--pdf", "-o", "pdf", "--today", TODAY])
    assert result.exit_code == 0, result.output
    draft, finished = (pypdf.PdfReader(shipped / "pdf" / f"{n}.pdf") for n in ("ka", "forskola"))
    for page in draft.pages:  # the page's background: painted first, as an artifact, and drawn as outlines
        [(name, sections), *_] = _painted_in(page)
        assert sections == ["/Artifact"]
        mark = page["/Resources"]["/XObject"][name].get_object()
        assert not _draws_text(mark)
        assert b"/a0.09 gs" in mark.get_data()  # faint: the text stays readable over it
    assert [_painted_in(page) for page in finished.pages] == [[], []]
    # A screen reader reads UTKAST once, between the organisation and the title, and nowhere else.
    order = _text_in_structure_order(draft)
    assert [text for text in order if "U" in text and set(text) <= set("UTKAS ")] == ["UTKAST"]
    assert order[:3] == ["UTBILDNING SKARABORG", "UTKAST", "Uppdragsbeskrivning för nätverket "]
    assert "UTKAST" not in _text_in_structure_order(finished)


def test_pdftotext_reads_utkast_only_where_it_is_written(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "--pdf", "-o", "ka.pdf", "--today", TODAY])
    assert result.exit_code == 0, result.output
    pages = subprocess.run(
        [system_tool("pdftotext"), "-layout", "ka.pdf", "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split("\f")[:2]
    first, second = ([" ".join(line.split()) for line in page.splitlines() if line.strip()] for page in pages)
    assert first[:4] == ["UTKAST", "UTBILDNING SKARABORG", "UTKAST", "Uppdragsbeskrivning för nätverket KA"]
    assert second[0] == "UTKAST Utbildning Skaraborg"
    assert (" ".join(first).count("UTKAST"), " ".join(second).count("UTKAST")) == (2, 1)
    for line in first + second:  # no letter of the diagonal word mixed into the text
        assert not (set(line.replace(" ", "")) <= set("UTKAS") and line != "UTKAST"), line


def test_the_mark_is_what_the_script_makes(tmp_path: Path) -> None:
    script = REPO / "tools/make_utkast.py"
    subprocess.run([sys.executable, str(script), str(tmp_path / "utkast.svg")], check=True, timeout=60)
    made = (tmp_path / "utkast.svg").read_text(encoding="utf-8")
    assert (REPO / "templates/utkast.svg").read_text(encoding="utf-8") == made
    assert "<text" not in made and made.count("<path ") == 1


def test_a_kontrollera_comment_makes_a_draft_until_removed(workspace: Path, runner) -> None:
    marked = FINISHED.replace("namn: Testnätverket\n", "# KONTROLLERA: namnet stod bara i sidhuvudet\nnamn: Testnätverket\n")
    write_tree(workspace, {"missions/klar.yaml": marked})
    result = runner.invoke(app, ["render", "klar", "--html", "-o", "-", "--today", TODAY])
    assert result.exit_code == 0
    assert result.stderr == (
        "missions/klar.yaml:2:1: varning: märkt KONTROLLERA: 'namnet stod bara i sidhuvudet'; "
        "se efter att det stämmer och ta sedan bort kommentaren\n"
        "varning: klar är ett utkast (1 varning ovan); HTML, PDF och Word märks UTKAST tills varningarna är åtgärdade\n"
    )
    assert '<p class="draft-mark">UTKAST</p>' in result.stdout
    assert runner.invoke(app, ["render", "klar", "--pdf", "--strict", "--today", TODAY]).exit_code == 1

    write_tree(workspace, {"missions/klar.yaml": FINISHED})
    result = runner.invoke(app, ["render", "klar", "--html", "-o", "-", "--strict", "--today", TODAY])
    assert (result.exit_code, result.stderr) == (0, "")
    assert "UTKAST" not in result.stdout
