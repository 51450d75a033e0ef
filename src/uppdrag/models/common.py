"""What the file models share: the Swedish vocabularies, the value types, small helpers, the base model."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from uppdrag.control_characters import CONTROL_CHARACTERS

# Skaraborg's municipalities: the organisation of a workspace without _organisation.yaml.
KOMMUNER: tuple[str, ...] = (
    "Essunga", "Falköping", "Grästorp", "Gullspång", "Götene", "Hjo", "Karlsborg", "Lidköping",
    "Mariestad", "Skara", "Skövde", "Tibro", "Tidaholm", "Töreboda", "Vara",
)  # fmt: skip
VECKODAGAR: tuple[str, ...] = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
ROLLER: tuple[str, ...] = ("ordförande", "sekreterare", "presidium", "skol- och utbildningschef")

Veckodag = Literal[VECKODAGAR]  # type: ignore[valid-type]
Rollslag = Literal[ROLLER]  # type: ignore[valid-type]
assert get_args(Rollslag) == ROLLER

# The workspace's municipalities come from its organisation, so they cannot be a Literal: the
# loader passes them as validation context, and schema.py puts them where this marker stands.
MUNICIPALITIES_CONTEXT = "kommuner"
# Where each of the organisation's municipalities is written ({name: (Location, index)}), so a
# finding can point at _organisation.yaml when the misspelling may be there.
MUNICIPALITY_PLACES_CONTEXT = "kommunernas platser"
MUNICIPALITY_SCHEMA_MARKER = "x-uppdrag-kommun"
UNKNOWN_MUNICIPALITY = "unknown_municipality"


def _known_municipality(value: str, info: ValidationInfo) -> str:
    # No context: Skaraborg's (tests, library callers). None: the organisation file is broken
    # and already reported, so no municipality is judged against a list that is not the user's.
    known = (info.context or {}).get(MUNICIPALITIES_CONTEXT, KOMMUNER)
    if known is not None and value not in known:
        places = (info.context or {}).get(MUNICIPALITY_PLACES_CONTEXT, {})
        raise PydanticCustomError(
            UNKNOWN_MUNICIPALITY, "okänd kommun {value}", {"value": value, "choices": tuple(known), "places": places}
        )
    return value


Kommun = Annotated[
    str,
    Strict(),
    AfterValidator(_known_municipality),
    WithJsonSchema({MUNICIPALITY_SCHEMA_MARKER: True}),
]

# For editors and check-jsonschema: some non-blank character, and no terminal control characters
# (validate says the same: blank text is too short, control characters are findings).
_CONTROL_CHARS = CONTROL_CHARACTERS
TEXT_PATTERN = rf"^[^{_CONTROL_CHARS}]*[^{_CONTROL_CHARS}\s][^{_CONTROL_CHARS}]*$"
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), Field(json_schema_extra={"pattern": TEXT_PATTERN})
]
# An address's shape, no more (whether it reaches anyone no file can say); the same in the schema.
# No control characters either, as in every text, so that check-jsonschema and validate agree.
EMAIL_PATTERN = rf"^[^@\s{_CONTROL_CHARS}]+@[^@\s{_CONTROL_CHARS}]+\.[^@\s{_CONTROL_CHARS}]+$"
EMAIL_HINT = "skriv en e-postadress, t.ex. anna.andersson@exempel.se"
Email = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=EMAIL_PATTERN),
    Field(description="E-postadress, t.ex. anna.andersson@exempel.se."),
]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_HINT = "använd små bokstäver a–z, siffror och bindestreck"
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="Id: små bokstäver a–z, siffror och bindestreck, t.ex. 'forskola'."),
]
Clock = Annotated[
    str,
    StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"),
    Field(description='Klockslag TT:MM, t.ex. "09:00".'),
]
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # as JSON Schema's format "date" reads it


def _iso_date(value: Any) -> Any:
    # YAML 1.2 (editors, check-jsonschema, and so the reader) has no dates: a date is text, read
    # here. Only the exact ISO form, as the schema's format "date"; anything else stays text,
    # which the strict date type refuses with a hint.
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"ogiltigt datum '{value}': den dagen finns inte i kalendern") from None
    return value


Date = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    Strict(),
    WithJsonSchema({"type": "string", "format": "date", "description": "Datum ÅÅÅÅ-MM-DD."}),
    Field(description="Datum ÅÅÅÅ-MM-DD."),
]


def _integral_float(value: Any) -> Any:
    # JSON Schema counts 4.0 as an integer; so does validate.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _real_month_day(text: str | None) -> str | None:
    if text is not None:
        month, day = (int(part) for part in text.split("-"))
        try:
            dt.date(2000, month, day)  # a leap year: 02-29 is a real day
        except ValueError:
            raise ValueError(f"'{text}' är ingen dag i året; skriv MM-DD, t.ex. 12-22") from None
    return text


# The days a year can have, for editors and check-jsonschema (validate says why in Swedish).
_MONTH_DAY_SCHEMA = r"^(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2\d)|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)$"
MonthDay = Annotated[
    str,
    StringConstraints(pattern=r"^\d{2}-\d{2}$"),
    AfterValidator(_real_month_day),
    Field(json_schema_extra={"pattern": _MONTH_DAY_SCHEMA}),
]


def make_id(text: str) -> str:
    """'Förskola' -> 'forskola'; 'Skolutveckling i Skaraborg' -> 'skolutveckling-i-skaraborg'."""
    folded = unicodedata.normalize("NFKD", text.strip().lower())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def is_control(character: str) -> bool:
    """A character that is no letter to read: a control, a format character (bidi override), a
    line or paragraph separator, a surrogate of bytes that were not UTF-8."""
    category = unicodedata.category(character)
    return category[0] == "C" or category in ("Zl", "Zp")


def escape_controls(text: str) -> str:
    """text with every control character (is_control) written as an escape, \\u000a: a message or
    a comment shows it, and it can neither end a line nor hide."""
    return "".join(f"\\u{ord(c):04x}" if is_control(c) else c for c in text)


def id_with_controls(text: str) -> str | None:
    """The refusal of an id typed with a control character (`--id "a<newline>b"`), or None: a
    slip of the keyboard or a pasted line, never to be made into some other id in silence."""
    if not any(is_control(c) for c in text):
        return None
    return (
        f"ogiltigt id '{escape_controls(text)}': det innehåller styrtecken (som en radbrytning eller tabb); {ID_HINT}"
    )


def is_valid_id(text: str) -> bool:
    return re.fullmatch(ID_PATTERN, text) is not None


def _int_to_str(value: Any) -> Any:
    # People write `mål: 2` and `period: 2021`; both are text, so "tillägg" and "kommande år" fit.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


GoalId = Annotated[
    str,
    BeforeValidator(_int_to_str),
    StringConstraints(min_length=1),
    WithJsonSchema(
        {"type": ["string", "integer"], "description": "Id för ett mål i styrdokumentet, t.ex. 2 eller 'tillägg'."}
    ),
]

_YEARS = re.compile(r"^(\d{4})(?:\s*[-–]\s*(\d{4}))?$")


def period_years(period: str) -> tuple[int, int] | None:
    """'2021' -> (2021, 2021); '2023–2026' -> (2023, 2026); 'kommande år' -> None."""
    match = _YEARS.match(period.strip())
    if not match:
        return None
    start = int(match.group(1))
    return start, int(match.group(2) or start)


def next_period(period: str, today: dt.date) -> str:
    """The period after this one, of the same length ('2023–2026' -> '2027–2030'); one long
    over ('2021' in 2026) moves on to next year instead, so the new file is not out of date."""
    years = period_years(period)
    if years is None:
        return period
    start, end = years
    length = end - start
    first = end + 1 if end + 1 + length >= today.year else today.year + 1
    return str(first) if length == 0 else f"{first}–{first + length}"


class Model(BaseModel):
    # Strict: no "8" for 8, no "yes" for true. JSON Schema (editors, check-jsonschema) is as
    # strict, and validate must say what it says.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, strict=True)


EasterRule = Literal["veckan före påsk", "veckan efter påsk"]
EASTER_RULES: tuple[EasterRule, ...] = get_args(EasterRule)
Municipalities = Annotated[
    list[Kommun],
    BeforeValidator(lambda value: [value] if isinstance(value, str) else value),
    WithJsonSchema(
        {
            "anyOf": [
                {MUNICIPALITY_SCHEMA_MARKER: True},
                {"type": "array", "items": {MUNICIPALITY_SCHEMA_MARKER: True}, "minItems": 1},
            ],
            "description": "En kommun eller en lista av kommuner; utelämnas när det gäller alla.",
        }
    ),
]


def weekday_plural(day: str) -> str:
    """'fredag' -> 'fredagar'."""
    return day + "ar"


def join_swedish(words: list[str], conjunction: str = "och") -> str:
    """'a, b och c'; with conjunction 'eller', alternatives: 'onsdagar eller torsdagar'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conjunction} " + words[-1]
