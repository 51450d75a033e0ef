"""Plain text and Markdown into paragraphs: wrapped lines joined, lists and headings kept apart."""

from __future__ import annotations

from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.text_reader import read_text


def test_markdown_headings_lists_and_links() -> None:
    text = "## Rubrik\n\n**Mål 2**\n\n- en punkt med [länk](mailto:a@b.se)\n - en underpunkt\n1. numrerad\n"
    assert read_text(text) == [
        Paragraph("Rubrik", "rad 1", heading_level=1),
        Paragraph("Mål 2", "rad 3", bold=True),
        Paragraph("en punkt med länk", "rad 5", list_kind="bullet"),
        Paragraph("en underpunkt", "rad 6", list_kind="bullet", depth=1),
        Paragraph("numrerad", "rad 7", list_kind="number", number=1),
    ]


def test_wrapped_lines_join_until_a_sentence_or_heading_ends() -> None:
    text = (
        "Uppdrag sekreterare:\n"
        "Ansvarar för att förteckning skickas utbildning@skaraborg.se\n"
        "Protokoll skrivs av värden. Detta skickas in till\n"
        "utbildning@skaraborg.se\n"
        "Uppdrag skol-och utbildningschef\n"
    )
    assert [(p.text, p.where) for p in read_text(text)] == [
        ("Uppdrag sekreterare:", "rad 1"),
        ("Ansvarar för att förteckning skickas utbildning@skaraborg.se", "rad 2"),
        ("Protokoll skrivs av värden. Detta skickas in till utbildning@skaraborg.se", "rad 3"),
        ("Uppdrag skol-och utbildningschef", "rad 5"),
    ]


def test_ocr_bullets_and_people_lines() -> None:
    text = "e Sträva efter ett likvärdigt\nprogramutbud.\n= Synliggöra viktiga faktorer\nAnna Holm, Mariestad\nPer Dahl, Töreboda\n"
    assert [(p.text, p.list_kind) for p in read_text(text)] == [
        ("Sträva efter ett likvärdigt programutbud.", "bullet"),
        ("Synliggöra viktiga faktorer", "bullet"),
        ("Anna Holm, Mariestad", None),
        ("Per Dahl, Töreboda", None),
    ]


def test_a_markdown_table_is_rows_of_cells_without_its_rule() -> None:
    paragraphs = read_text("| Namn | Kommun |\n|---|:--|\n| Amira Hassan | Lidköping |\n")
    assert [(p.cells, p.where) for p in paragraphs] == [
        (("Namn", "Kommun"), "rad 1 (tabell)"),
        (("Amira Hassan", "Lidköping"), "rad 3 (tabell)"),
    ]


def test_a_numbered_section_heading_ends_at_its_line_whether_or_not_a_blank_line_follows() -> None:
    text = "1. Bakgrund\nSkaraborgs Kommunalförbund samordnar.\n2. Roller och ansvar:\nOrdförande\n3. samordna praoplatser\ni hela Skaraborg\n"
    assert [(p.text, p.where, p.list_kind) for p in read_text(text)] == [
        ("Bakgrund", "rad 1", "number"),
        ("Skaraborgs Kommunalförbund samordnar.", "rad 2", None),
        ("Roller och ansvar:", "rad 3", "number"),
        ("Ordförande", "rad 4", None),
        ("samordna praoplatser i hela Skaraborg", "rad 5", "number"),  # a list item still wraps
    ]


def test_tab_separated_lines_are_table_rows_header_included() -> None:
    text = (
        "4.\tMedlemmar\n"
        "Namn\tKommun\tE-post\n"
        "Berit Bo\tSkövde\tberit.bo@skovde.se\n"
        "Anna Holm\t\tanna@hjo.se\n"
        "Per Dahl\tTöreboda\t\n"
        "\tHjo\n"
        "•\tEn punkt\n"
    )
    assert [(p.text, p.where, p.cells) for p in read_text(text)] == [
        ("Medlemmar", "rad 1", ()),  # a tab after a list's number only sets the text in
        ("Namn · Kommun · E-post", "rad 2 (tabell)", ("Namn", "Kommun", "E-post")),
        ("Berit Bo · Skövde · berit.bo@skovde.se", "rad 3 (tabell)", ("Berit Bo", "Skövde", "berit.bo@skovde.se")),
        ("Anna Holm · anna@hjo.se", "rad 4 (tabell)", ("Anna Holm", "", "anna@hjo.se")),  # an empty cell kept
        # trailing tabs end the line as trailing spaces do: no empty cell after the last
        ("Per Dahl · Töreboda", "rad 5 (tabell)", ("Per Dahl", "Töreboda")),
        ("Hjo", "rad 6", ()),  # a tab only in front: indentation, not a row
        ("En punkt", "rad 7", ()),
    ]


def test_a_reporting_sentence_is_never_the_end_of_the_list_item_before_it() -> None:
    text = "- utbyta erfarenheter\nÅterrapportering sker till skolchefsnätverket i december.\n- samverka med\nSkaraborgs Kommunalförbund\n"
    assert [(p.text, p.list_kind) for p in read_text(text)] == [
        ("utbyta erfarenheter", "bullet"),
        ("Återrapportering sker till skolchefsnätverket i december.", None),
        ("samverka med Skaraborgs Kommunalförbund", "bullet"),  # a wrapped item still joins
    ]
