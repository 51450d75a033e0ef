"""The document view and the templates that follow it: layout from the data, defaults as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from uppdrag.check.validation import open_workspace
from uppdrag.cli import app
from uppdrag.views.document import SectionView, build_document

from .conftest import MINIMAL_MISSION, TODAY, write_tree

STRUCTURED = (
    MINIMAL_MISSION.format(id="n")
    .replace(
        "syfte:\n  text: [Ett syfte.]\n",
        "bakgrund_tillägg: [Ett eget stycke.]\n"
        "syfte:\n  text: [Ett syfte.]\n  numrerad: true\n"
        "  mål:\n    - mål: 2\n    - {mål: 3, rubrik: Kvalitet}\n",
    )
    .replace("  period: kommande år\n", "  period: kommande år\n  inledning: Uppdragen för året.\n")
    .replace("    - punkter: [Ett uppdrag.]\n", "    - {mål: 2, rubrik: Egen rubrik, punkter: [Ett uppdrag.]}\n")
    + "avsnitt:\n"
    "  - {del: bakgrund, rubrik: BAKGRUNDEN}\n"
    "  - {del: syfte, rubrik: Syfte/ uppdrag}\n"
    "  - {del: roller}\n"
    "  - {del: uppdrag, rubrik: Uppdrag}\n"
    "  - {del: möten, rubrik: Möten}\n"
    "möten:\n  träffar:\n"
    "    - {datum: 2026-02-06, start: '09:00', slut: '12:00', plats: Skövde, närvarande: [Skara, Vara]}\n"
    "    - {datum: 2026-03-06}\n"
)


def document(mission_id: str):
    workspace, result = open_workspace(Path("missions"), dt.date(2026, 11, 22))
    assert result.errors == 0, result.findings
    return build_document(workspace.mission(mission_id), workspace)


def test_default_layout_for_a_new_network(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n")})
    doc = document("n")
    assert doc.sections == [
        SectionView("bakgrund", "bakgrund", "Bakgrund"),
        SectionView("syfte", "syfte", "Syfte/uppdrag"),
        SectionView("uppdrag", "uppdrag", "Uppdrag"),
        SectionView("roller", "roller", "Roller och ansvar"),
        SectionView("möten", "moten", "Möten"),
    ]
    assert doc.assignment_intro == "Skolchefsnätverket ger följande uppdrag för kommande år:"
    markdown = runner.invoke(app, ["render", "n", "-o", "-", "--today", TODAY]).stdout
    assert [line for line in markdown.splitlines() if line.startswith("#")] == [
        "# Uppdragsbeskrivning för nätverket Testnätverket",
        "## Bakgrund",
        "## Syfte/uppdrag",
        "## Uppdrag",
        "## Roller och ansvar",
        "### Ordförande",
    ]
    assert markdown.endswith("---\n\n*Uppdraget gäller för kommande år.*\n")


def test_markdown_follows_the_documents_structure(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": STRUCTURED})
    markdown = runner.invoke(app, ["render", "n", "-o", "-", "--today", TODAY]).stdout
    start = markdown.index("Ett eget stycke.")
    assert markdown[start:] == (
        "Ett eget stycke.\n\n"
        "## Syfte/ uppdrag\n\n"
        "Ett syfte.\n\n"
        "1. Höjd utbildningsnivå\n"
        "   - En större andel av eleverna fullföljer sin utbildning.\n"
        "   - En större andel av befolkningen går vidare till högre utbildning.\n"
        "2. Kvalitet\n"
        "   - Alla elever får rätt förutsättningar att nå kunskap och måluppfyllelse.\n"
        "   - All utbildning vilar på vetenskaplig grund och beprövad erfarenhet.\n\n"
        "### Ordförande\n\n"
        "Leder möten.\n\n"
        "## Uppdrag\n\n"
        "Uppdragen för året.\n\n"
        "### Egen rubrik\n\n"
        "- Ett uppdrag.\n\n"
        "## Möten\n\n"
        "| Datum | Tid | Plats | Närvarande |\n"
        "| --- | --- | --- | --- |\n"
        "| 6 februari 2026 | 09:00–12:00 | Skövde | Skara, Vara |\n"
        "| 6 mars 2026 |  |  |  |\n\n"
        "---\n\n"
        "*Uppdraget gäller för kommande år.*\n"
    )
    assert "## BAKGRUNDEN\n\n" in markdown


def test_html_follows_the_documents_structure(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": STRUCTURED})
    html = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY]).stdout
    assert '<h2 id="bakgrund">BAKGRUNDEN</h2>' in html
    assert "<p>Ett eget stycke.</p>\n</section>" in html
    assert '<ol class="goals">\n  <li>Höjd utbildningsnivå\n<ul>' in html
    assert '<section class="part-roller">\n<div class="role">\n<h3>Ordförande</h3>' in html  # no heading
    assert html.index('class="part-roller"') < html.index('class="part-uppdrag"')
    assert '<p class="intro">Uppdragen för året.</p>' in html
    assert "<h3>Egen rubrik</h3>" in html


def test_meetings_table_has_no_repeated_caption_and_shows_attendance(workspace: Path, runner) -> None:
    write_tree(workspace, {"missions/n.yaml": STRUCTURED})
    html = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY]).stdout
    assert "<caption>" not in html
    assert '<table class="meetings" aria-labelledby="moten">' in html
    assert '<th scope="col">Närvarande</th>' in html
    assert "<td>Skövde</td><td>Skara, Vara</td>" in html
    assert "<td>6 mars 2026</td><td></td><td></td><td></td>" in html


def test_no_attendance_column_when_none_is_entered(workspace: Path, runner) -> None:
    text = STRUCTURED.replace(", närvarande: [Skara, Vara]", "")
    write_tree(workspace, {"missions/n.yaml": text})
    html = runner.invoke(app, ["render", "n", "--html", "-o", "-", "--today", TODAY]).stdout
    assert "Närvarande" not in html
    markdown = runner.invoke(app, ["render", "n", "-o", "-", "--today", TODAY]).stdout
    assert "| Datum | Tid | Plats |\n| --- | --- | --- |\n| 6 februari 2026 | 09:00–12:00 | Skövde |\n" in markdown
