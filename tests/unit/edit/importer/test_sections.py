"""Paragraphs into sections; roles without a "Roller och ansvar" heading open a roles section."""

from __future__ import annotations

from uppdrag.edit.importer.sections import outline
from uppdrag.edit.importer.text_reader import read_text

MEASURE_STYLE = """\
UPPDRAGSBESKRIVNING för nätverket
KA

Bakgrund

Text.

Syfte/ uppdrag

Syftet.

Uppdrag ordförande:

Leder möten.

Uppdrag sekreterare:

Skriver protokoll.

Möten

Minst 5 möten per år
"""


def test_sections_and_roles() -> None:
    shape = outline(read_text(MEASURE_STYLE))
    assert [p.text for p in shape.title] == ["UPPDRAGSBESKRIVNING för nätverket", "KA"]
    assert [(s.part, s.heading.text if s.heading else None) for s in shape.sections] == [
        ("bakgrund", "Bakgrund"),
        ("syfte", "Syfte/ uppdrag"),
        ("roller", None),
        ("möten", "Möten"),
    ]
    roles = shape.section("roller").roles  # type: ignore[union-attr]
    assert [(r.kinds, [p.text for p in r.paragraphs]) for r in roles] == [
        (("ordförande",), ["Leder möten."]),
        (("sekreterare",), ["Skriver protokoll."]),
    ]


def test_a_list_item_is_never_a_heading() -> None:
    shape = outline(read_text("Bakgrund\n\n- Möten\n- Uppdrag\n\nUPPDRAG\n\nText.\n"))
    assert [(s.part, [p.text for p in s.paragraphs]) for s in shape.sections] == [
        ("bakgrund", ["Möten", "Uppdrag"]),
        ("uppdrag", ["Text."]),
    ]
