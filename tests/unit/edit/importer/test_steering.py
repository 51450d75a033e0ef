"""The steering document, chosen from the text, the period and the layout together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.conftest import MISSIONS
from uppdrag.edit.importer import import_document
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.sections import outline
from uppdrag.edit.importer.steering import layout_generation

DAY = dt.date(2026, 12, 5)


def _document(background: str, assignments_heading: str, intro: str, roles_heading: str = "Roller och ansvar") -> str:
    return f"""\
Uppdragsbeskrivning för nätverket Test

Bakgrund

{background}

{assignments_heading}

{intro}

- Sprida goda exempel mellan kommunerna.

{roles_heading}

Ordförande

Leder nätverkets möten.

Karin Holm, Skara

Möten

Minst fyra möten per år.
"""


def _imported(tmp_path: Path, text: str) -> tuple[dict[str, object], list[tuple[str, str]]]:
    path = tmp_path / "test.txt"
    path.write_text(text, encoding="utf-8")
    result = import_document(path, MISSIONS, DAY)
    return yaml.safe_load(result.text), result.checks


OWN_BACKGROUND = "Nätverket samlar rektorerna i Skaraborg."


@pytest.mark.parametrize(
    ("intro", "steering", "check"),
    [
        (
            "Skolchefsnätverket ger följande uppdrag för 2024–2025:",
            "strategi-2023-2026",
            "styrdokumentet är valt utifrån perioden 2024–2025 (inom 2023–2026): "
            "Strategi för Utbildning Skaraborg 2023–2026",
        ),
        (
            "Skolchefsnätverket ger följande uppdrag för läsåret 2023/24:",
            "strategi-2023-2026",
            "styrdokumentet är valt utifrån perioden 2023–2024 (inom 2023–2026): "
            "Strategi för Utbildning Skaraborg 2023–2026",
        ),
        (
            "Skolchefsnätverket ger följande uppdrag för 2021:",
            "maldokument",
            "styrdokumentet är valt utifrån perioden 2021 (utanför strategi-2023-2026 (2023–2026)): "
            "Måldokument Utbildning Skaraborg",
        ),
    ],
)
def test_only_the_period_tells(tmp_path: Path, intro: str, steering: str, check: str) -> None:
    data, checks = _imported(tmp_path, _document(OWN_BACKGROUND, "Uppdrag", intro))
    assert data["styrdokument"] == steering
    assert ("styrdokument", check) in checks


def test_period_and_layout_disagree(tmp_path: Path) -> None:
    intro = "Skolchefsnätverket ger följande uppdrag för 2024–2025:"
    data, checks = _imported(tmp_path, _document(OWN_BACKGROUND, "Uppdrag", intro, roles_heading="Rollfördelning"))
    assert data["styrdokument"] == "strategi-2023-2026"
    assert [m for f, m in checks if f == "styrdokument"] == [
        "den äldre layouten (Rollfördelning, MÅL) talar för maldokument",
        "styrdokumentet är valt utifrån perioden 2024–2025 (inom 2023–2026): Strategi för Utbildning Skaraborg 2023–2026",
    ]


def test_text_and_period_disagree(tmp_path: Path) -> None:
    """The text names the strategy and its priority area, the period lies after it: the tie goes
    to the first steering document, and both readings are said."""
    background = "Nätverket arbetar efter Strategi för Utbildning Skaraborg 2023–2026, prioriterat utvecklingsområde 1."
    data, checks = _imported(
        tmp_path, _document(background, "Uppdrag", "Skolchefsnätverket ger följande uppdrag för 2028:")
    )
    assert data["styrdokument"] == "maldokument"
    assert (
        "styrdokument",
        "texten talar för strategi-2023-2026 men perioden för maldokument; maldokument är vald",
    ) in checks


def test_the_shared_background_outweighs_a_period_outside_but_says_so(tmp_path: Path) -> None:
    shared = yaml.safe_load((MISSIONS / "_bakgrund.yaml").read_text(encoding="utf-8"))
    strategy = next(b for b in shared["bakgrunder"] if b["id"] == "strategi-2023-2026")
    background = "\n\n".join(" ".join(s.split()) for s in strategy["stycken"] if isinstance(s, str))
    data, checks = _imported(
        tmp_path, _document(background, "Uppdrag", "Skolchefsnätverket ger följande uppdrag för kommande år:")
    )
    assert (data["styrdokument"], data["bakgrund"]) == ("strategi-2023-2026", "strategi-2023-2026")
    assert data["uppdrag"]["period"] == "kommande år"  # the file keeps the document's words
    assert ("styrdokument", "perioden kommande år (2027) ligger utanför strategi-2023-2026 (2023–2026)") in checks


def test_a_period_reaching_past_the_strategy_is_said(tmp_path: Path) -> None:
    background = "Nätverket arbetar med prioriterat område 2."
    data, checks = _imported(
        tmp_path, _document(background, "Uppdrag", "Skolchefsnätverket ger följande uppdrag för 2025–2028:")
    )
    assert data["styrdokument"] == "strategi-2023-2026"
    assert ("styrdokument", "perioden 2025–2028 sträcker sig utanför strategi-2023-2026 (2023–2026)") in checks


def test_the_old_layout_tips_a_document_that_says_nothing_else(tmp_path: Path) -> None:
    data, checks = _imported(
        tmp_path,
        _document(
            OWN_BACKGROUND, "Uppdrag", "Skolchefsnätverket ger följande uppdrag:", roles_heading="Rollfördelning"
        ),
    )
    assert data["styrdokument"] == "maldokument"
    assert ("styrdokument", "styrdokumentet är valt utifrån layouten: Måldokument Utbildning Skaraborg") in checks


def test_nothing_tells_and_that_is_said(tmp_path: Path) -> None:
    data, checks = _imported(tmp_path, _document(OWN_BACKGROUND, "Uppdrag", "Skolchefsnätverket ger följande uppdrag:"))
    assert data["styrdokument"] == "maldokument"  # the first in _styrdokument.yaml
    message = (
        "styrdokumentet är valt utifrån svaga tecken (inget i texten, perioden eller layouten pekar ut det): "
        "Måldokument Utbildning Skaraborg"
    )
    assert ("styrdokument", message) in checks


@pytest.mark.parametrize(
    ("headings", "generation"),
    [
        (["Bakgrund", "3. Rollfördelning (rollfördelning inom nätverket)", "Möten"], "mål"),
        (["Bakgrund", "Uppdrag", "MÅL", "Möten"], "mål"),
        (["Bakgrund", "Uppdrag", "Roller och ansvar", "Möten"], None),
    ],
)
def test_layout_generation(headings: list[str], generation: str | None) -> None:
    paragraphs = [Paragraph("Uppdragsbeskrivning för nätverket Test", "rad 1")]
    for number, heading in enumerate(headings, start=2):
        paragraphs += [Paragraph(heading, f"rad {number}", heading_level=2), Paragraph("Text.", f"rad {number}b")]
    assert layout_generation(outline(paragraphs)) == generation
