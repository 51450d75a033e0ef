"""People in the forms the documents use, with municipalities checked as validate does."""

from __future__ import annotations

from uppdrag.edit.importer.people import PeopleLine, Person, parse_people


def test_comma_separated_with_role_notes() -> None:
    line = parse_people("Presidium: Karin Holm, Skara (ordförande), Erik Sund, Tibro (sekreterare), Eva Ek, Vara")
    assert line == PeopleLine(
        ("presidium",),
        [
            Person("Karin Holm", "Skara", "Skara", ("ordförande",)),
            Person("Erik Sund", "Tibro", "Tibro", ("sekreterare",)),
            Person("Eva Ek", "Vara", "Vara"),
        ],
    )


def test_one_per_line_and_role_prefix() -> None:
    assert parse_people("Emma Friman, Lidköping") == PeopleLine((), [Person("Emma Friman", "Lidköping", "Lidköping")])
    assert parse_people("Ordförande: Eva-Lena Svensson, Tidaholm") == PeopleLine(
        ("ordförande",), [Person("Eva-Lena Svensson", "Tidaholm", "Tidaholm")]
    )


def test_misspelt_municipality_gets_validates_suggestion() -> None:
    [person] = parse_people("Olle Berg, Lidkoping").people  # type: ignore[union-attr]
    assert (person.municipality, person.guessed) == ("Lidköping", True)


def test_prose_is_not_people() -> None:
    assert parse_people("Utbildning Skaraborg, som leds av skolcheferna, samverkar.") is None
    assert parse_people("Ansvarar för att återkoppla, samt informera.") is None
    assert parse_people("Minnesanteckningar: ska föras, och läggas ut") is None


def test_member_table_rows() -> None:
    from uppdrag.edit.importer.people import person_from_row, table_columns

    columns = table_columns(("Namn", "Kommun", "Uppdrag"))
    assert columns == {0: "namn", 1: "kommun", 2: "roll"}
    assert person_from_row(("Karin Holm", "Skara", "Ordförande"), columns) == Person(
        "Karin Holm", "Skara", "Skara", ("ordförande",)
    )
    assert person_from_row(("", "Skara", ""), columns) is None
    assert table_columns(("Datum", "Plats")) is None
