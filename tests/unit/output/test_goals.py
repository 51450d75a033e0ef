"""output.goals: the goals report as JSON and as a Markdown or HTML page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import write_tree
from uppdrag.check.validation import open_valid_workspace
from uppdrag.output.goals import goals_page, to_json
from uppdrag.output.templates import renderer_for
from uppdrag.views.goals import GoalsReport, goals_report

MISSION = """\
id: test
namn: Test <b>nätverket</b>
styrdokument: maldokument
bakgrund: maldokument
syfte:
  text: [Ett syfte.]
  fokus: [3]
uppdrag:
  period: kommande år
  grupper:
    - mål: 2
      punkter: [Ett *uppdrag* för mål 2.]
    - punkter: [Ett uppdrag utan mål.]
roller:
  - roll: ordförande
    ansvar: [Leder möten.]
"""
NAMES = {"test": "Test <b>nätverket</b>"}


@pytest.fixture
def report(workspace: Path) -> GoalsReport:
    write_tree(workspace, {"missions/test.yaml": MISSION})
    return goals_report(open_valid_workspace(Path("missions"), dt.date(2026, 11, 22)))


def test_json_has_a_row_per_goal_with_counts_focus_and_coverage(report: GoalsReport) -> None:
    data = json.loads(to_json(report))
    maldokument, strategi = data["styrdokument"]
    assert (maldokument["id"], maldokument["namn"], maldokument["nätverk"]) == (
        "maldokument",
        "Måldokument Utbildning Skaraborg",
        ["test"],
    )
    assert [(g["id"], g["uppdrag_per_nätverk"], g["fokus"], g["utan_nätverk"]) for g in maldokument["mål"]] == [
        ("1", {"test": 0}, [], True),
        ("2", {"test": 1}, [], False),
        ("3", {"test": 0}, ["test"], False),
        ("tillägg", {"test": 0}, [], True),
    ]
    assert maldokument["mål"][1]["uppdrag"] == [{"nätverk": "test", "text": "Ett *uppdrag* för mål 2."}]
    assert (strategi["nätverk"], [g["utan_nätverk"] for g in strategi["mål"]]) == ([], [True, True])
    assert data["uppdrag_utan_mål"] == [{"nätverk": "test", "text": "Ett uppdrag utan mål."}]


def test_markdown_page_escapes_data_and_marks_uncovered_goals(report: GoalsReport) -> None:
    page = goals_page(report, NAMES, renderer_for(None, Path("missions")), "md")
    assert page == (
        "# Mål och uppdrag\n\n"
        "Antal uppdrag per mål och nätverk. F: målet är i fokus utan egna uppdrag. "
        "Mål som inget nätverk arbetar med är markerade.\n\n"
        "## Måldokument Utbildning Skaraborg\n\n"
        "| Mål | Test \\<b\\>nätverket\\</b\\> |\n"
        "| --- | ---: |\n"
        "| **Mål 1: Stärkt tillväxt och kompetensförsörjning (inget nätverk)** | – |\n"
        "| Mål 2: Höjd utbildningsnivå | 1 |\n"
        "| Mål 3: Ökad kvalitet | F |\n"
        "| **Tillägg till Måldokument Utbildning Skaraborg (inget nätverk)** | – |\n\n"
        "### Mål 2: Höjd utbildningsnivå\n\n"
        "- Ett \\*uppdrag\\* för mål 2. (Test \\<b\\>nätverket\\</b\\>)\n\n"
        "## Strategi för Utbildning Skaraborg 2023–2026\n\n"
        "Inget nätverk arbetar utifrån detta styrdokument.\n\n"
        "## Uppdrag utan angivet mål\n\n"
        "- Ett uppdrag utan mål. (Test \\<b\\>nätverket\\</b\\>)\n"
    )


def test_html_page_escapes_data(report: GoalsReport) -> None:
    page = goals_page(report, NAMES, renderer_for(None, Path("missions")), "html")
    assert "<title>Mål och uppdrag – Utbildning Skaraborg</title>" in page
    assert (
        '  <li>Ett uppdrag utan mål. <span class="description">(Test &lt;b&gt;nätverket&lt;/b&gt;)</span></li>' in page
    )
    assert "<b>nätverket</b>" not in page
