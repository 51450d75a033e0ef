"""Unfinished documents: render warns and marks HTML and PDF UTKAST; --strict refuses them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest

from uppdrag.check.validation import draft_warnings, open_workspace
from uppdrag.cli import app
from uppdrag.findings import Location, warning
from uppdrag.output.diagnostics import draft_notice

from .conftest import MINIMAL_MISSION, TODAY, write_tree

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
        "n är ett utkast (1 varning ovan); HTML och PDF märks UTKAST tills varningarna är åtgärdade"
    )
    assert draft_notice({"n": one, "ka": one + one}, strict=True) == (
        "n och ka är inte färdiga (3 varningar ovan) och --strict gör inga utkast; "
        "åtgärda varningarna, eller gör ett utkast utan --strict"
    )


def test_render_warns_and_marks_the_html(drafts: Path, runner) -> None:
    result = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY])
    assert result.exit_code == 0
    assert result.stderr == (
        "missions/n.yaml:15:16: varning: roller[0].personer[0].namn: ska fyllas i: FYLL I: ordförandens namn\n"
        "varning: n är ett utkast (1 varning ovan); HTML och PDF märks UTKAST tills varningarna är åtgärdade\n"
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
        "missions/n.yaml:15:16: varning: roller[0].personer[0].namn: ska fyllas i: FYLL I: ordförandens namn\n"
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
        "missions/ka.yaml:27:11: varning: uppdrag.period: uppdragsperioden 2021 har löpt ut\nfel: ka är inte färdigt"
    )


def test_pdf_draft_mark_on_every_page(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["render", "ka", "skis", "--pdf", "-o", "pdf", "--today", TODAY])
    assert result.exit_code == 0, result.output
    for network, draft in (("ka", True), ("skis", False)):
        pages = pypdf.PdfReader(shipped / "pdf" / f"{network}.pdf").pages
        assert len(pages) == 2
        assert [page.extract_text().count("UTKAST") for page in pages] == ([3, 2] if draft else [0, 0])
