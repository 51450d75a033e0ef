"""The meetings table of a Word file back into meetings."""

from __future__ import annotations

import datetime as dt

from uppdrag.edit.importer.meetings import header_columns, meeting_from_row, parse_date


def test_dates_in_both_spellings() -> None:
    assert parse_date("2026-02-06") == dt.date(2026, 2, 6)
    assert parse_date("fredag 6 februari 2026") == dt.date(2026, 2, 6)
    assert parse_date("30 februari 2026") is None
    assert parse_date("Datum") is None


def test_a_row_under_its_header() -> None:
    columns = header_columns(("Datum", "Tid", "Plats", "Närvarande"))
    assert columns == {0: "datum", 1: "tid", 2: "plats", 3: "närvarande"}
    assert meeting_from_row(
        ("6 februari 2026", "9.00–12.00", "Skövde, Kulturhuset", "Skövde, Vara och Hjo"), columns
    ) == (
        {
            "datum": dt.date(2026, 2, 6),
            "start": "09:00",
            "slut": "12:00",
            "plats": "Skövde, Kulturhuset",
            "närvarande": ["Skövde", "Vara", "Hjo"],
        },
        [],
    )
    assert meeting_from_row(("24 april 2026", "", "", "Skovde, Oslo"), columns) == (
        {"datum": dt.date(2026, 4, 24), "närvarande": ["Skövde"]},
        ["'Skovde' läst som Skövde", "'Oslo' bland de närvarande är ingen av de 15 kommunerna och är inte med"],
    )
    assert header_columns(("Namn", "Kommun")) is None


def test_the_section_read_as_a_rule() -> None:
    from uppdrag.edit.importer.meetings import read_meetings
    from uppdrag.edit.importer.paragraphs import Paragraph

    fields, checks, left = [], [], []
    rule = read_meetings(
        [
            Paragraph("Minst fyra möten per år på måndagar och fredagar. Samtliga kommuner ska delta.", "rad 2"),
            Paragraph("Minnesanteckningar läggs ut på utbildningskaraborg.se. Vi bjuder på fika.", "rad 3"),
            Paragraph("Träffar: 2027-02-01, 2027-05-03", "rad 4"),
        ],
        lambda path, value, where: fields.append((path, value, where)),
        lambda path, message: checks.append((path, message)),
        lambda where, text: left.append((where, text)),
        lambda where: None,
    )
    assert rule == {
        "minst_per_år": 4,
        "veckodagar": ["måndag", "fredag"],
        "alla_kommuner": True,
        "minnesanteckningar": "Minnesanteckningar läggs ut på utbildningskaraborg.se.",
        "träffar": [{"datum": dt.date(2027, 2, 1)}, {"datum": dt.date(2027, 5, 3)}],
    }
    assert (("möten", "minst_per_år"), 4, "rad 2") in fields
    assert checks == [(("möten",), "meningen 'Vi bjuder på fika.' (rad 3) har ingen plats i mötesregeln")]
    assert left == [("rad 3", "Vi bjuder på fika.")]  # the rest of rad 3 is placed


def _rule(text: str) -> tuple[dict[str, object] | None, list[str]]:
    from uppdrag.edit.importer.meetings import read_meetings
    from uppdrag.edit.importer.paragraphs import Paragraph

    checks: list[str] = []
    rule = read_meetings(
        [Paragraph(text, "rad 1")],
        lambda *_: None,
        lambda _, message: checks.append(message),
        lambda *_: None,
        lambda where: None,
    )
    return rule, checks


def test_rules_per_school_year_and_term_in_words() -> None:
    assert _rule("Nätverket träffas fyra gånger per läsår, två gånger per termin, på torsdagar.") == (
        {"minst_per_läsår": 4, "minst_per_termin": 2, "veckodagar": ["torsdag"]},
        [],
    )


def test_weekdays_as_a_preference_are_alternatives() -> None:
    assert _rule("Nätverket har minst sex möten per år, företrädesvis på måndagar eller tisdagar.") == (
        {"minst_per_år": 6, "veckodagar": ["måndag", "tisdag"], "företrädesvis": True},
        [],
    )


def test_every_other_month_is_a_marked_reading() -> None:
    assert _rule("Nätverket träffas varannan månad.") == (
        {"minst_per_år": 6},
        ["'varannan månad' (rad 1) läst som minst 6 möten per år"],
    )


def test_the_table_render_writes_is_read_back_in_every_column(shipped, runner) -> None:
    """The column names come from one place (views.document.MEETING_COLUMNS): render writes
    them, the importer reads them, so every cell of a meeting comes back."""
    from pathlib import Path

    from tests.conftest import TODAY
    from uppdrag.cli import app
    from uppdrag.edit.importer.docx_reader import read_docx
    from uppdrag.views.document import MEETING_COLUMNS

    path = shipped / "missions" / "forskola.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  träffar:\n"
        '    - {datum: 2026-02-06, start: "09:00", slut: "12:00", plats: Skövde, närvarande: [Lidköping, Vara],'
        " minnesanteckningar: https://utbildningskaraborg.se/forskola/2026-02-06}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["render", "forskola", "--docx", "-o", "forskola.docx", "--today", TODAY])
    assert result.exit_code == 0, result.stderr
    rows = [p.cells for p in read_docx(Path("forskola.docx").read_bytes()) if p.cells]
    assert rows[0] == tuple(MEETING_COLUMNS.values())
    columns = header_columns(rows[0])
    assert columns == dict(enumerate(MEETING_COLUMNS))
    assert meeting_from_row(rows[1], columns) == (
        {
            "datum": dt.date(2026, 2, 6),
            "start": "09:00",
            "slut": "12:00",
            "plats": "Skövde",
            "närvarande": ["Lidköping", "Vara"],
            "minnesanteckningar": "https://utbildningskaraborg.se/forskola/2026-02-06",
        },
        [],
    )
