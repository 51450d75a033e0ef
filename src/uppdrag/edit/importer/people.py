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
    title: str | None = None  # "rektor", "förvaltningschef"
    email: str | None = None

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
    if prefix and parts and all(_NAME.match(p) and municipality(p) is None for p in parts):
        # "Sammankallande: Karin Holm och Erik Sund": people named without their municipality
        return PeopleLine(roles, [Person(name, "", None) for name in parts])
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


_TABLE_COLUMNS = {
    "namn": "namn",
    "kommun": "kommun",
    "roll": "roll",
    "uppdrag": "roll",
    "funktion": "roll",
    "e post": "e-post",
    "epost": "e-post",
    "mejl": "e-post",
    "mail": "e-post",
    "e postadress": "e-post",
    "titel": "titel",
    "befattning": "titel",
}


def table_columns(cells: tuple[str, ...]) -> dict[int, str] | None:
    """Column index -> 'namn' | 'kommun' | 'roll' | 'e-post' | 'titel' for a people table's header
    row (a 'Namn' column and one more, in any order), else None."""
    columns = {i: _TABLE_COLUMNS[normalise(c)] for i, c in enumerate(cells) if normalise(c) in _TABLE_COLUMNS}
    return columns if "namn" in columns.values() and len(columns) >= 2 else None


def person_from_row(cells: tuple[str, ...], columns: dict[int, str]) -> Person | None:
    """A person from a member table's row: | Karin Holm | Skara | ordförande |."""
    values = {key: cells[i].strip() for i, key in columns.items() if i < len(cells)}
    if not values.get("namn") or table_columns(cells) is not None:  # the header, repeated on a new page
        return None
    role = role_kinds(normalise(values.get("roll", ""))) or ()
    written = values.get("kommun", "")
    email = _EMAIL.search(values.get("e-post", ""))
    return Person(
        values["namn"],
        written,
        municipality(written) if written else None,
        role,
        values.get("titel") or None,
        email.group(0) if email else None,
    )


_EMAIL = re.compile(r"[^@\s,;:()<>]{1,64}@[^@\s,;:()<>]{1,120}\.[a-zA-Z]{2,10}")
_PERSON_PARTS = re.compile(r"\s+[–—-]\s+|[,;()]")


def parse_person(text: str, alone: bool = False, any_place: bool = False) -> Person | None:
    """One person on a line: "Namn, Kommun", "Namn (Kommun)", "Namn – Kommun", "Namn, titel,
    Kommun", "Kommun: Namn", each with or without an e-mail address; with alone, a name by
    itself too (in a members section); with any_place, a place that is none of the organisation's
    too ("Karin Holm, Borås" under a role's heading), unless the line ends as a sentence. None
    when the line is not one person."""
    sentence = text.strip().endswith(".")
    body = text.strip().rstrip(".")
    if len(body) > 300:
        return None
    email_match = _EMAIL.search(body)
    email = email_match.group(0) if email_match else None
    if email_match:
        body = f"{body[: email_match.start()]} {body[email_match.end() :]}".strip(" ,;–—-<>")
        body = re.sub(r"\(\s*\)|<\s*>", "", body).strip(" ,;–—-")
    prefix = re.match(r"^([A-ZÅÄÖ][\wåäö-]{1,30}):\s*(.+)$", body)
    if prefix and municipality(prefix.group(1)) and _NAME.match(prefix.group(2).strip()):
        place = prefix.group(1)
        return Person(prefix.group(2).strip(), place, municipality(place), email=email)
    parts = [p.strip() for p in _PERSON_PARTS.split(body) if p.strip()]
    if not parts or not _NAME.match(parts[0]) or len(parts) > 4:
        return None
    if any(normalise(word) in _TABLE_COLUMNS for word in re.split(r"\s+", body)):
        return None  # "Namn Kommun E-post": a table's header, never a person
    name, rest = parts[0], parts[1:]
    written = ""
    roles: tuple[str, ...] = ()
    titles: list[str] = []
    for part in rest:
        kinds = role_kinds(normalise(part))
        if kinds:
            roles += kinds
        elif part[:1].isupper() and " " not in part and not written:
            written = part
        elif part[:1].islower() and len(part) <= 60:
            titles.append(part)
        else:
            return None
    found = municipality(written) if written else None
    elsewhere = any_place and bool(written) and not sentence  # "Karin Holm, Borås": a place, not prose
    if not (found or email or elsewhere or (alone and (written or not rest or titles))):
        return None  # "Utbildning Skaraborg, Skövde" reads as prose unless a known place makes it a person
    return Person(name, written, found, roles, ", ".join(titles) or None, email)


_MEMBERS_PREFIX = re.compile(
    r"^(?:kommunrepresentanter|medlemmar|deltagare|nätverkets medlemmar)\s*:\s*(.+)$", re.IGNORECASE
)


def members_line(text: str) -> list[Person] | None:
    """The people of "Kommunrepresentanter: Lena Ström, Hjo; Ola Berg, Skara", or None."""
    match = _MEMBERS_PREFIX.match(text.strip())
    if not match or len(text) > MAX_PEOPLE_LINE:
        return None
    listed = parse_people(match.group(1))
    if listed is not None:
        return listed.people
    people = [parse_person(part, alone=True) for part in re.split(r";", match.group(1))]
    return [p for p in people if p is not None] if all(people) else None
