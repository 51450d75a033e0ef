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


def _styled(text: str, level: int | None = None, where: str = ""):
    from uppdrag.edit.importer.paragraphs import Paragraph

    return Paragraph(text, where or text, heading_level=level)


def test_a_styled_heading_keeps_the_section_its_words_name() -> None:
    shape = outline(
        [
            _styled("Uppdragsbeskrivning för nätverket Förskola", 1),
            _styled("Uppdrag 2027", 2),
            _styled("Nätverket delar erfarenheter."),
            _styled("Roller, ansvar och kontaktvägar", 2),
            _styled("Ordförande", 3),
            _styled("Leder mötena."),
            _styled("Möten och dokumentation", 2),
            _styled("Minst 4 möten per år på fredagar."),
        ]
    )
    assert [(s.part, s.heading.text if s.heading else None) for s in shape.sections] == [
        ("uppdrag", "Uppdrag 2027"),
        ("roller", "Roller, ansvar och kontaktvägar"),
        ("möten", "Möten och dokumentation"),
    ]
    assert shape.unknown_headings == []
    # unstyled, the same words are body text: "kontaktvägar" is no heading's word
    assert outline([_styled("Möten", 2), _styled("Roller, ansvar och kontaktvägar")]).sections[0].paragraphs == [
        _styled("Roller, ansvar och kontaktvägar")
    ]


def test_text_under_a_sibling_heading_that_names_no_part_has_no_place() -> None:
    shape = outline(
        [
            _styled("Uppdrag", 2),
            _styled("Nätverket delar erfarenheter."),
            _styled("Övrigt", 2),
            _styled("Nätverket bjuder in gäster."),
            _styled("Kontaktvägar", 3),  # under the stray heading: still without a place
            _styled("Ring kansliet."),
            _styled("Roller och ansvar", 2),
            _styled("Ordförande", 3),
            _styled("Leder mötena."),
        ]
    )
    assert [(s.part, [p.text for p in s.paragraphs]) for s in shape.sections] == [
        ("uppdrag", ["Nätverket delar erfarenheter."]),
        ("roller", []),
    ]
    assert [(part, p.text) for part, p in shape.unknown_headings] == [
        ("uppdrag", "Övrigt"),
        ("uppdrag", "Nätverket bjuder in gäster."),
        ("uppdrag", "Kontaktvägar"),
        ("uppdrag", "Ring kansliet."),
    ]
    # a lower heading that names no part stays within its section ("Fokusområden" under "Uppdrag")
    inside = outline([_styled("Uppdrag", 2), _styled("Fokusområden", 3), _styled("Läsning.")])
    assert [p.text for p in inside.sections[0].paragraphs] == ["Fokusområden", "Läsning."]
