"""People in the forms the documents use, with municipalities checked as validate does."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("line", "person"),
    [
        ("Emma Friman, Lidköping", ("Emma Friman", "Lidköping", None, None)),
        ("Amira Hassan (Lidköping)", ("Amira Hassan", "Lidköping", None, None)),
        ("Karin Holm – Skara", ("Karin Holm", "Skara", None, None)),
        ("Per Ek, rektor, Hjo", ("Per Ek", "Hjo", "rektor", None)),
        ("Tibro: Lena Ström", ("Lena Ström", "Tibro", None, None)),
        ("Lena Ström, Tibro, lena.strom@tibro.se", ("Lena Ström", "Tibro", None, "lena.strom@tibro.se")),
    ],
)
def test_one_person_as_offices_write_them(line: str, person: tuple[str, str, str | None, str | None]) -> None:
    from uppdrag.edit.importer.people import parse_person

    found = parse_person(line)
    assert found is not None
    assert (found.name, found.municipality, found.title, found.email) == person


def test_a_name_alone_only_in_a_members_section_and_a_header_never() -> None:
    from uppdrag.edit.importer.people import parse_person

    assert parse_person("Ola Berg") is None
    assert parse_person("Ola Berg", alone=True) is not None
    assert parse_person("Kommun Namn E-post", alone=True) is None
    assert parse_person("Leda nätverket, Skövde") is None


def test_a_place_outside_the_organisation_is_a_person_only_under_a_role() -> None:
    from uppdrag.edit.importer.people import parse_person

    assert parse_person("Karin Holm, Borås", any_place=True) == Person("Karin Holm", "Borås", None)
    assert parse_person("Karin Holm – Borås", any_place=True) == Person("Karin Holm", "Borås", None)
    assert parse_person("Karin Holm, Borås") is None  # elsewhere it may be prose
    assert parse_person("Utbildning Skaraborg, Falun.", any_place=True) is None  # a sentence
