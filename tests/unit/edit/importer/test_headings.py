"""Headings are known by their words, whatever their case, accents or punctuation."""

from __future__ import annotations

import pytest

from uppdrag.edit.importer.headings import (
    Heading,
    classify,
    names_section,
    normalise,
    role_kinds,
    stands_alone,
    title_rest,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bakgrund", "bakgrund"),
        ("BAKGRUND", "bakgrund"),
        ("Syfte/ uppdrag", "syfte"),
        ("Syfte och uppdrag", "syfte"),
        ("UPPDRAG", "uppdrag"),
        ("ROLLER OCH ANSVAR", "roller"),
        ("MÖTEN", "möten"),
        ("MOTEN", "möten"),
        ("Möten:", "möten"),
    ],
)
def test_sections(text: str, kind: str) -> None:
    assert classify(text.rstrip(":")) == Heading(kind)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Uppdrag ordförande", ("ordförande",)),
        ("Uppdrag ordférande", ("ordförande",)),  # OCR reads ö as é
        ("Uppdrag Presidium", ("presidium",)),
        ("Uppdrag skol-och utbildningschef", ("skol- och utbildningschef",)),
        ("Skol-och utbildningschef", ("skol- och utbildningschef",)),
        ("Ordförande/Skol-och utbildningschefer", ("ordförande", "skol- och utbildningschef")),
        ("Sekreterare", ("sekreterare",)),
        ("Skolchefsrepresentant", ("skol- och utbildningschef",)),  # not "skolchef" with "srepresentant" left
        ("Skolchefer", ("skol- och utbildningschef",)),
    ],
)
def test_roles(text: str, kinds: tuple[str, ...]) -> None:
    assert classify(text) == Heading("roll", roles=kinds)


def test_goals_with_and_without_a_name() -> None:
    assert classify("Mål 2") == Heading("mål", goal="2", rest="")
    assert classify("Mål 1: Stärkt tillväxt") == Heading("mål", goal="1", rest="Stärkt tillväxt")
    assert classify("Prioriterat utvecklingsområde 1 – Fullföljd utbildning") == Heading(
        "mål", goal="1", rest="Fullföljd utbildning"
    )


def test_body_text_is_no_heading() -> None:
    assert classify("Samverkan lyfts särskilt fram som en framgångsfaktor") is None
    assert classify("Ordförande: Emma Friman, Lidköping") is None
    assert role_kinds("ordforande och kassor") is None


def test_titles() -> None:
    assert title_rest("UPPDRAGSBESKRIVNING FÖR NÄTVERKET FÖRSKOLA") == "FÖRSKOLA"
    assert title_rest("## UPPDRAGSBESKRIVNING för nätverket") == ""
    assert title_rest("UPPDRAGSBESKRIVNING for natverket") == ""
    assert title_rest("Uppdragsbeskrivning för professionsnätverket KA") == "KA"
    assert title_rest("Bakgrund") is None
    assert stands_alone("Uppdrag sekreterare:") and not stands_alone("Leda nätverksträffarna")


def test_normalise() -> None:
    assert normalise("Syfte/ uppdrag:") == "syfte uppdrag"
    assert normalise("Skol-och utbildningschef") == "skol och utbildningschef"


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("1. Bakgrund", Heading("bakgrund")),
        ("II. Möten", Heading("möten")),
        ("2.1 Ordförande", Heading("roll", roles=("ordförande",))),
        ("Möten och dokumentation", Heading("möten", loose=True)),
        ("Mötesfrekvens", Heading("möten", loose=True)),
        ("Uppdrag 2026", Heading("uppdrag", loose=True)),
        ("Rollfördelning (rollfördelning inom nätverket)", Heading("roller", loose=True)),
        ("Nätverkets sammansättning", Heading("medlemmar")),
        ("Kommunrepresentanter", Heading("medlemmar")),
        ("Sammankallande", Heading("roll", roles=("sammankallande",))),
        ("Kontaktperson på Skaraborgs Kommunalförbund", Heading("roll", roles=("kontaktperson",))),
        (
            "Ordförande/förvaltningschefrepresentant",
            Heading("roll", roles=("ordförande/förvaltningschefsrepresentant",)),
        ),
    ],
)
def test_headings_as_offices_write_them(text: str, heading: Heading) -> None:
    assert classify(text) == heading


def test_a_word_besides_a_headings_filler_makes_body_text() -> None:
    assert classify("Möten med rektorer") is None
    assert classify("Uppdrag att sprida goda exempel") is None
    assert classify("MÅL") is None


def test_a_styled_heading_is_known_by_one_section_word_among_any() -> None:
    from uppdrag.edit.importer.headings import styled_section

    assert styled_section("Roller, ansvar och kontaktvägar") == Heading("roller", loose=True)
    assert styled_section("2. Våra möten (digitala)") == Heading("möten", loose=True)
    assert styled_section("Roller och uppdrag i nätverket") == Heading("roller", loose=True)
    assert styled_section("Bakgrund och möten") is None  # two sections: unsure, so none
    assert styled_section("Kontaktvägar") is None
    assert styled_section("Mötesplanering") == Heading("möten", loose=True)  # a compound of a section's word
    assert styled_section("Rollbeskrivningar") == Heading("roller", loose=True)
    assert styled_section("Uppdrag " + "mycket " * 8) is None  # a sentence, not a heading


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Bakgrund", True),
        ("Roller och ansvar:", True),
        ("Uppdrag 2026", True),
        ("Ordförande", False),  # a role, not a section
        ("Bakgrund.", False),  # a sentence
        ("Möten med rektorer i alla kommuner", False),
    ],
)
def test_names_section(text: str, named: bool) -> None:
    assert names_section(text) is named
