"""Wrapped lines become one paragraph without losing a hyphen that belongs to the text."""

from __future__ import annotations

from uppdrag.edit.importer.paragraphs import Paragraph, join_lines


def test_join_lines_keeps_suspended_hyphens() -> None:
    assert join_lines("Vux-", "nätverket") == "Vux-nätverket"
    assert join_lines("Skaraborgs skol-", "och utbildningschefer") == "Skaraborgs skol- och utbildningschefer"
    assert join_lines("förvaltningar/-", "sektorer") == "förvaltningar/-sektorer"
    assert join_lines("i arbetet", "att utveckla") == "i arbetet att utveckla"


def test_with_text_keeps_the_layout() -> None:
    item = Paragraph("nätverkt", "rad 4", list_kind="bullet", depth=1)
    assert item.with_text("nätverket") == Paragraph("nätverket", "rad 4", list_kind="bullet", depth=1)


def test_the_typesetters_hyphens_are_rejoined() -> None:
    from uppdrag.edit.importer.paragraphs import unhyphenated

    assert join_lines("språkut\u2010", "vecklande") == "språkutvecklande"
    assert join_lines("legiti-", "merad") == "legitimerad"
    assert join_lines("utbildningskara-", "borg.se") == "utbildningskaraborg.se"
    assert join_lines("skol-", "och utbildningschefer") == "skol- och utbildningschefer"
    assert join_lines("Vux-", "nätverket") == "Vux-nätverket"
    assert unhyphenated("språkut\u2010 vecklande och le\u00adgitimerad") == "språkutvecklande och legitimerad"
