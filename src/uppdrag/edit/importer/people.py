"""People as the documents list them: "Namn, Kommun" per line, a comma-separated list with role
notes in parentheses, or "Ordförande: Namn, Kommun"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from uppdrag.edit.importer.headings import normalise, role_kinds
from uppdrag.models import KOMMUNER
from uppdrag.read.schema_errors import suggest

_NAME = re.compile(r"^[A-ZÅÄÖÉ][\w'’.-]*(?:\s+(?:af\s+|von\s+|de\s+)?[A-ZÅÄÖÉ][\w'’.-]*){1,3}$")
MAX_PEOPLE_LINE = 3000  # 15 municipalities with two members each, names and notes, fit in 1,500
_PLACE = re.compile(r"^([A-ZÅÄÖa-zåäöé][\wåäöÅÄÖé-]*)\s*(?:\(([^)]*)\))?\.?$")


@dataclass(frozen=True)
class Person:
    name: str
    written: str  # the municipality as the document writes it
    municipality: str | None  # one of the organisation's, or None when nothing is close
    roles: tuple[str, ...] = ()  # from a note in parentheses: "(ordförande)"

    @property
    def guessed(self) -> bool:
        return self.municipality is not None and self.municipality.casefold() != self.written.casefold()


@dataclass(frozen=True)
class PeopleLine:
    roles: tuple[str, ...]  # from a "Presidium:" in front; empty when the line has none
    people: list[Person]


# The workspace's municipalities during one import. Ambient, not a parameter: the readers ask
# "is this line a list of people?" deep inside, long before a workspace is in reach.
_MUNICIPALITIES: ContextVar[tuple[str, ...]] = ContextVar("municipalities", default=KOMMUNER)


@contextmanager
def municipalities_of(names: Sequence[str]) -> Iterator[None]:
    """People are matched against names (the organisation's) inside the block."""
    token = _MUNICIPALITIES.set(tuple(names))
    try:
        yield
    finally:
        _MUNICIPALITIES.reset(token)


def known_municipalities() -> tuple[str, ...]:
    return _MUNICIPALITIES.get()


def municipality(word: str) -> str | None:
    """One of the organisation's municipalities, with the suggestion validate makes for a misspelt one."""
    return suggest(word, _MUNICIPALITIES.get())


def parse_people(text: str) -> PeopleLine | None:
    """The people a line names, or None when it is not a list of people."""
    if len(text) > MAX_PEOPLE_LINE:
        return None  # prose; the readers ask this of every paragraph as it grows, line by line
    roles: tuple[str, ...] = ()
    body = text.strip()
    prefix = re.match(r"^([^:,]{3,60}):\s*(.+)$", body)
    if prefix:
        kinds = role_kinds(normalise(prefix.group(1)))
        if not kinds:
            return None
        roles, body = kinds, prefix.group(2)
    # (?<!\s): a run of spaces is tried once, from its start, not again from each space in it
    parts = [p.strip() for p in re.split(r",|;|(?<!\s)\s+(?:och|samt)\s+", body.rstrip(".")) if p.strip()]
    if len(parts) < 2 or len(parts) % 2:
        return None
    people: list[Person] = []
    for name, place in zip(parts[0::2], parts[1::2]):
        place_match = _PLACE.match(place)
        if not _NAME.match(name) or not place_match:
            return None
        written, note = place_match.group(1), place_match.group(2)
        found = municipality(written)
        if found is None and not prefix and len(people) == 0:
            return None  # "Utbildning Skaraborg, Skövde" may be prose: only a known place makes a list
        note_roles = role_kinds(normalise(note)) if note else None
        people.append(Person(name, written, found, note_roles or ()))
    return PeopleLine(roles, people)


_TABLE_COLUMNS = {"namn": "namn", "kommun": "kommun", "roll": "roll", "uppdrag": "roll", "funktion": "roll"}


def table_columns(cells: tuple[str, ...]) -> dict[int, str] | None:
    """Column index -> 'namn' | 'kommun' | 'roll' for a member table's header row, else None."""
    columns = {i: _TABLE_COLUMNS[normalise(c)] for i, c in enumerate(cells) if normalise(c) in _TABLE_COLUMNS}
    return columns if {"namn", "kommun"} <= set(columns.values()) else None


def person_from_row(cells: tuple[str, ...], columns: dict[int, str]) -> Person | None:
    """A person from a member table's row: | Karin Holm | Skara | ordförande |."""
    values = {key: cells[i].strip() for i, key in columns.items() if i < len(cells)}
    if not values.get("namn") or not values.get("kommun"):
        return None
    role = role_kinds(normalise(values.get("roll", ""))) or ()
    return Person(values["namn"], values["kommun"], municipality(values["kommun"]), role)
