"""Pydantic validation errors as located, Swedish findings."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Collection
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from uppdrag.ellipsis import shortened
from uppdrag.findings import Finding, Location, error, format_key_path, warning
from uppdrag.models import EMAIL_HINT, ID_HINT, ID_PATTERN, UNKNOWN_MUNICIPALITY, VECKODAGAR
from uppdrag.read.yamlsource import KeyPath, SourceMap

_CHOICE_NOUNS = {
    frozenset(VECKODAGAR): "okänd veckodag",
}
_PATTERN_HINTS = {
    ID_PATTERN: ID_HINT,
    "@": EMAIL_HINT,
    "[0-5]": 'skriv klockslaget som TT:MM, t.ex. "09:00"',
    r"\d{2}-\d{2}": "skriv MM-DD, t.ex. 12-22",
}
_TYPE_NAMES = {
    "string_type": "en text",
    "int_type": "ett heltal",
    "int_parsing": "ett heltal",
    "int_from_float": "ett heltal",
    "bool_type": "true eller false",
    "bool_parsing": "true eller false",
    "list_type": "en lista",
    "dict_type": "en mappning (nyckel: värde)",
    "model_type": "en mappning (nyckel: värde)",
    "model_attributes_type": "en mappning (nyckel: värde)",
    "date_type": "ett datum ÅÅÅÅ-MM-DD",
}


MAX_SUGGESTED_LENGTH = 100
MAX_FINDINGS_PER_FILE = 200


def suggest(word: str, choices: typing.Iterable[str]) -> str | None:
    """The closest choice to a misspelt word, or None ("Lidkoping" -> "Lidköping")."""
    choices = list(choices)
    folded = {c.casefold(): c for c in choices}
    if word.casefold() in folded:
        return folded[word.casefold()]
    if len(word) > MAX_SUGGESTED_LENGTH:  # no name is that long; comparing it would cost its square
        return None
    match = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance: the fewest letters inserted, removed or changed to turn one into the other."""
    previous = list(range(len(second) + 1))
    for i, letter in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


def near_miss(word: str, choices: typing.Iterable[str], most: int = 2) -> str | None:
    """The choice word is a typing slip of: equal but for case, or at most `most` letters apart
    ('ordförnde' -> 'ordförande'). Stricter than suggest(): a word that merely resembles a
    choice ('vice ordförande') is a word of its own."""
    folded = word.casefold()
    for choice in choices:
        # Only words of about the same length are compared, so the time stays bounded.
        if abs(len(choice) - len(folded)) <= most and edit_distance(folded, choice.casefold()) <= most:
            return choice
    return None


def _shown_value(value: Any) -> str:
    text = str(value)
    return f"'{shortened(text, 60)}'"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _model_at(model: type[BaseModel], loc: KeyPath) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        current = _model_in(field.annotation) if field else None
    return current


def allowed_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """The keys a mapping at loc may have, following the models down from model."""
    current = _model_at(model, loc)
    if current is None:
        return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _required_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    current = _model_at(model, loc)
    if current is None:
        return []
    return [f.alias or n for n, f in current.model_fields.items() if f.is_required()]


# What one item of a list is called in a hint: "skriv varje möte som …".
_ITEM_NOUNS = {"träffar": "möte", "personer": "person", "roller": "roll", "grupper": "grupp", "mål": "mål"}
_CLOCK_KEYS = ("start", "slut")
_MAPPING_KINDS = ("dict_type", "model_type", "model_attributes_type")


def _scalar(value: Any) -> str | None:
    return None if isinstance(value, (dict, list)) or value is None else str(value)


def _clock(value: Any) -> str:
    """9.3 (YAML's reading of 9.30) -> '09:30'; 12 -> '12:00'; anything else -> '09:00'."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "09:00"
    hours, _, minutes = str(value).partition(".")
    return f"{int(hours):02d}:{minutes.ljust(2, '0')[:2]}"


_DATE_AND_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]([0-9]{2}:[0-9]{2})")


def _shape_hint(kind: str, loc: KeyPath, value: Any, model: type[BaseModel], written: str) -> str | None:
    """A message that shows the shape the schema wants, with a one-line example; None if
    there is nothing better to say than the plain type error."""
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    shown = _scalar(value)
    if kind in _MAPPING_KINDS and loc and isinstance(loc[-1], int):
        required = _required_keys(model, loc) or allowed_keys(model, loc)[:1]
        if not required:
            return None
        first = f"{required[0]}: {shown if shown is not None else '…'}"
        example = f"- {first}" if len(required) == 1 else f"- {{{first}, {', '.join(k + ': …' for k in required[1:])}}}"
        return f"skriv varje {_ITEM_NOUNS.get(key, 'post')} som `{example}`"
    if kind in _MAPPING_KINDS:
        keys = allowed_keys(model, loc)
        if not keys:
            return None
        return (
            f"måste vara en mappning, inte {written}: skriv nycklarna ({', '.join(keys[:4])}) "
            f"indragna på egna rader under `{key}:`, t.ex. `  {keys[0]}: …`"
        )
    if kind == "list_type":
        if isinstance(value, dict) and value:
            return f"måste vara en lista: skriv `- ` före den första nyckeln, t.ex. `- {next(iter(value))}: …`"
        return f"måste vara en lista, t.ex. `{key}: [{shown or '…'}]`"
    if kind == "date_type" and not hasattr(value, "hour"):
        clock = _DATE_AND_TIME.match(str(value))
        if clock and "träffar" in loc:  # a meeting's time has keys of its own
            return f'skriv datumet som ÅÅÅÅ-MM-DD och klockslaget för sig, t.ex. `{key}: {clock.group(1)}` och `start: "{clock.group(2)}"`; du skrev {written}'
        return f"skriv datumet som ÅÅÅÅ-MM-DD, t.ex. `{key}: 2025-03-12`; du skrev {written}"
    if kind == "string_type" and key in _CLOCK_KEYS and isinstance(value, (int, float)):
        return f'skriv klockslaget som TT:MM inom citattecken, t.ex. `{key}: "{_clock(value)}"`; du skrev {written}'
    if kind == "string_type" and isinstance(value, (int, float)) and len(written) <= 62:  # a number, a yes
        text = written[1:-1].replace('"', '\\"')
        example = f'- "{text}"' if isinstance(loc[-1], int) else f'{key}: "{text}"'
        number = "" if isinstance(value, bool) else "talet "
        return f"måste vara en text, inte {number}{written}: skriv texten inom citattecken, t.ex. `{example}`"
    return None


def _message(err: ErrorDetails, model: type[BaseModel], written: str | None = None) -> tuple[str, str]:
    """(code, Swedish message) for one pydantic error; written is the value as the file has it
    (`slut: 12.00` is shown as '12.00', not as the float 12.0 it was read as)."""
    kind, loc, value, ctx = err["type"], err["loc"], err.get("input"), err.get("ctx") or {}
    _shown = _shown_value if written is None else lambda _: _shown_value(written)
    if kind == "missing":
        return "missing-key", f"nyckeln '{loc[-1]}' saknas"
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, loc[:-1])
        close = suggest(str(loc[-1]), allowed)
        hint = f" (menade du '{close}'?)" if close else f"; tillåtna nycklar: {', '.join(allowed)}"
        return "unknown-key", f"okänd nyckel '{loc[-1]}'{hint}"
    if kind in ("literal_error", "enum"):
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        noun = _CHOICE_NOUNS.get(frozenset(choices), "ogiltigt värde")
        close = suggest(str(value), choices) if isinstance(value, str) else None
        hint = f" (menade du '{close}'?)" if close else f"; tillåtna: {', '.join(choices)}"
        return "unknown-value", f"{noun} {_shown(value)}{hint}"
    if kind == UNKNOWN_MUNICIPALITY:  # the organisation's municipalities, from the validation context
        choices = list(ctx["choices"])
        close = suggest(str(value), choices)
        place = (ctx.get("places") or {}).get(close)
        if close and place:  # the misspelling may as well be in the organisation's list: say where it is
            hint = f" (menade du '{close}'? så står den i organisationens lista, {place[0]})"
        else:
            hint = f" (menade du '{close}'?)" if close else f"; tillåtna: {', '.join(choices)}"
        return "unknown-value", f"okänd kommun {_shown(value)}{hint}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        hint = next((h for key, h in _PATTERN_HINTS.items() if key in pattern), "fel format")
        return "format", f"ogiltigt värde {_shown(value)}: {hint}"
    if kind == "string_too_short":
        return "empty", "får inte vara tom"
    if kind == "too_short":
        return "empty", "listan får inte vara tom"
    if kind == "greater_than_equal":
        return "range", f"måste vara minst {ctx.get('ge')}, inte {_shown(value)}"
    if kind == "less_than_equal":
        return "range", f"får vara högst {ctx.get('le')}, inte {_shown(value)}"
    if kind == "value_error":
        return "invalid", str(err["msg"]).removeprefix("Value error, ")
    shape = _shape_hint(kind, loc, value, model, _shown(value))
    if shape is not None:
        return "type", shape
    if kind in _TYPE_NAMES:
        if kind == "date_type" and hasattr(value, "hour"):
            return "type", "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)"
        shapes = {list: "en lista", dict: "en mappning", type(None): "ingenting"}
        received = shapes.get(type(value)) or _shown(value)
        return "type", f"måste vara {_TYPE_NAMES[kind]}, inte {received}"
    return "invalid", f"ogiltigt värde: {err['msg']}"


def _misspelt(missing: KeyPath, errors: list[ErrorDetails], model: type[BaseModel]) -> bool:
    """Whether an unknown key beside the missing one is a misspelling of it."""
    parent, key = missing[:-1], missing[-1]
    for err in errors:
        loc = tuple(err["loc"])
        if (
            err["type"] == "extra_forbidden"
            and loc[:-1] == parent
            and suggest(str(loc[-1]), allowed_keys(model, parent)) == key
        ):
            return True
    return False


def schema_findings(
    exc: ValidationError,
    model: type[BaseModel],
    source_map: SourceMap,
    file: str,
    already_reported: Collection[KeyPath] = frozenset(),
) -> list[Finding]:
    errors = exc.errors(include_url=False)
    findings: list[Finding] = []
    for number, err in enumerate(errors):
        if len(findings) == MAX_FINDINGS_PER_FILE:  # each costs a lookup and a suggestion; nobody reads more
            position = source_map.value_position(tuple(err["loc"]))  # where the first one not told is
            rest = len(errors) - number
            message = f"och {rest} fel till i filen; rätta felen ovan först och kör igen"
            findings.append(error(Location(file, position.line, position.column), "more", message))
            break
        loc: KeyPath = tuple(err["loc"])
        if any(loc[: len(p)] == p for p in already_reported):
            continue  # the YAML layer already said what is wrong here (a tag that does not fit)
        if err["type"] == "missing" and _misspelt(loc, errors, model):
            continue  # `namm:` for `namn:`: the unknown key's "menade du 'namn'?" says it all
        code, message = _message(err, model, source_map.written.get(loc))
        if code == "unknown-key":
            position = source_map.key_position(loc)
        else:
            position = source_map.value_position(loc)
        here = Location(file, position.line, position.column)
        findings.append(error(here, code, message, format_key_path(loc)))
        if err["type"] == UNKNOWN_MUNICIPALITY:
            findings += _near_municipality(err, here)
    return findings


def _near_municipality(err: ErrorDetails, used_at: Location) -> list[Finding]:
    """A warning at the organisation's own entry when a file writes a municipality close to it:
    'Skövd' in _organisation.yaml is as likely the misspelling as 'Skövde' in the mission."""
    ctx = err.get("ctx") or {}
    value = err.get("input")
    close = suggest(str(value), list(ctx["choices"])) if isinstance(value, str) else None
    place = (ctx.get("places") or {}).get(close)
    if not close or not place:
        return []
    where, index = place
    message = f"kommunen '{close}' liknar '{value}' i {used_at}; är det här den är felstavad, rätta den här"
    return [warning(where, "municipality-spelling", message, f"organisation.kommuner[{index}]")]
