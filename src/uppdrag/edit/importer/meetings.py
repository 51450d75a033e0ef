"""The Möten section: the rule sentence ("Minst 4 möten per år på fredagar."), all municipalities,
the minutes sentence, and the meetings as dates or as the table `render --docx` writes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from uppdrag.edit.importer.headings import normalise
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.people import known_municipalities, municipality
from uppdrag.edit.importer.wording import sentences
from uppdrag.models import VECKODAGAR
from uppdrag.read.yamlsource import KeyPath
from uppdrag.swedish_dates import MONTHS
from uppdrag.views.document import MEETING_COLUMNS

# A header cell's words -> the meeting's key: the headers render --docx writes, and the words
# other documents head the same columns with
_COLUMNS = {normalise(header): key for key, header in MEETING_COLUMNS.items()} | {
    "klockan": "tid",
    "protokoll": "minnesanteckningar",
}
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*[–-]\s*(\d{1,2})[:.](\d{2}))?")


def parse_date(text: str) -> dt.date | None:
    """'2026-02-06' or '6 februari 2026' (a weekday in front is fine)."""
    iso = re.search(r"\b(20\d\d)-([01]\d)-([0-3]\d)\b", text)
    written = re.search(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(20\d\d)\b", text.casefold())
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if written:
            return dt.date(int(written.group(3)), MONTHS.index(written.group(2)) + 1, int(written.group(1)))
    except ValueError:
        return None
    return None


def header_columns(cells: tuple[str, ...]) -> dict[int, str] | None:
    """Column index -> key for a header row that names a 'Datum' column, else None."""
    columns = {i: _COLUMNS[normalise(c)] for i, c in enumerate(cells) if normalise(c) in _COLUMNS}
    return columns if "datum" in columns.values() else None


def meeting_from_row(cells: tuple[str, ...], columns: dict[int, str]) -> tuple[dict[str, Any], list[str]] | None:
    """A meeting (the YAML's keys) from a table row, and what was read with a guess."""
    values = {key: cells[i] for i, key in columns.items() if i < len(cells) and cells[i]}
    date = parse_date(values.get("datum", ""))
    if date is None:
        return None
    meeting: dict[str, Any] = {"datum": date}
    guesses: list[str] = []
    time = _TIME.search(values.get("tid", ""))
    if time:
        meeting["start"] = f"{int(time.group(1)):02d}:{time.group(2)}"
        if time.group(3):
            meeting["slut"] = f"{int(time.group(3)):02d}:{time.group(4)}"
    if values.get("plats"):
        meeting["plats"] = values["plats"]
    present = []
    for part in re.split(r",|(?<!\s)\s+och\s+", values.get("närvarande", "")):
        written = part.strip()
        if not written:
            continue
        found = municipality(written)
        if found is None:
            count = len(known_municipalities())
            guesses.append(f"'{written}' bland de närvarande är ingen av de {count} kommunerna och är inte med")
            continue
        if found.casefold() != written.casefold():
            guesses.append(f"'{written}' läst som {found}")
        present.append(found)
    if present:
        meeting["närvarande"] = present
    if values.get("minnesanteckningar"):
        meeting["minnesanteckningar"] = values["minnesanteckningar"]
    return meeting, guesses


NUMBER_WORDS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
                 "nio": 9, "tio": 10, "elva": 11, "tolv": 12}  # fmt: skip
_RULE = re.compile(
    r"\b(?:minst\s+|träffas\s+|ses\s+|har\s+)(\d+|\w+)\s+(?:fysiska\s+|digitala\s+)?"
    r"(?:möten|möte|träffar|träff|nätverksträffar|gånger|ggr)\s+(?:per|om|varje|/|i)\s*(?:år|läsår|termin)",
    re.IGNORECASE,
)
# every rule in a sentence: "fyra gånger per läsår, två gånger per termin"
_RULES = re.compile(
    r"(\d+|[a-zåäö]+)\s+(?:fysiska\s+|digitala\s+)?(?:möten|möte|träffar|träff|nätverksträffar|gånger|ggr)"
    r"\s+(?:per|om|varje|/|i)\s*(läsår|år|termin)",
    re.IGNORECASE,
)
_RULE_KEYS = {"år": "minst_per_år", "läsår": "minst_per_läsår", "termin": "minst_per_termin"}
_EVERY_OTHER_MONTH = re.compile(r"\bvarannan\s+månad\b", re.IGNORECASE)
_DATES = re.compile(r"\b20\d\d-[01]\d-[0-3]\d\b|\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+20\d\d\b", re.IGNORECASE)


def read_meetings(
    paragraphs: list[Paragraph],
    record: Callable[[KeyPath, Any, str], None],
    check: Callable[[KeyPath, str], None],
    leave: Callable[[str, str], None],
    place: Callable[[str], None],
) -> dict[str, Any] | None:
    """The section's rule and meetings (the YAML's keys), or None when nothing could be read;
    record(path, value, where) notes each value, check(path, message) what a person must look at,
    leave(where, text) a sentence of a paragraph that has no place, place(where) a paragraph read
    without a value of its own (the table's header row)."""
    rule: dict[str, Any] = {}
    meetings: list[dict[str, Any]] = []
    columns: dict[int, str] | None = None
    for paragraph in paragraphs:
        if paragraph.cells:
            header = header_columns(paragraph.cells)
            if header is not None:
                columns = header
                place(paragraph.where)
                continue
            row = meeting_from_row(paragraph.cells, columns) if columns else None
            if row is not None:
                meeting, guesses = row
                meetings.append(meeting)
                record(("möten", "träffar", len(meetings) - 1, "datum"), meeting["datum"], paragraph.where)
                for guess in guesses:
                    check(("möten", "träffar", len(meetings) - 1), guess)
            continue
        dates = [d for d in map(parse_date, _DATES.findall(paragraph.text)) if d]
        words_besides = re.sub(r"[\W\d_]+", "", _DATES.sub("", paragraph.text))
        if dates and len(words_besides) <= 12:  # a list of dates ("Träffar: 2026-02-06, …"), not a sentence
            for date in dates:
                meetings.append({"datum": date})
                record(("möten", "träffar", len(meetings) - 1, "datum"), date, paragraph.where)
            continue
        for sentence in sentences(paragraph.text):
            match = _RULE.search(sentence) or _EVERY_OTHER_MONTH.search(sentence)
            folded = sentence.casefold()
            if match:
                _rule_of(sentence, paragraph.where, rule, record, check)
                days = [d for d in VECKODAGAR if re.search(rf"\b{d}(ar|en)?\b", folded)]
                if days:
                    rule["veckodagar"] = days
                    record(("möten", "veckodagar"), ", ".join(days), paragraph.where)
                    if re.search(r"\bföreträdesvis|\bhelst|\bi första hand", folded):
                        rule["företrädesvis"] = True
                        record(("möten", "företrädesvis"), True, paragraph.where)
            elif re.search(r"\b(samtliga|alla)\b.*\bkommuner", folded) and re.search(r"delta|företrädd", folded):
                rule["alla_kommuner"] = True
                record(("möten", "alla_kommuner"), True, paragraph.where)
            elif re.match(r"(revider|antagen|antaget|beslutad)", folded) and re.search(r"20\d\d", folded):
                continue  # the revision date, read by _dated
            elif re.search(r"minnesanteckningar|protokoll", folded):
                rule["minnesanteckningar"] = sentence
                record(("möten", "minnesanteckningar"), sentence, paragraph.where)
            else:
                check(("möten",), f"meningen '{sentence}' ({paragraph.where}) har ingen plats i mötesregeln")
                leave(paragraph.where, sentence)
    if meetings:
        rule["träffar"] = meetings
    if not rule:
        check(("möten",), "avsnittet om möten har ingen regel som gick att läsa")
        return None
    order = ("minst_per_år", "minst_per_läsår", "minst_per_termin", "veckodagar", "företrädesvis", "alla_kommuner",
             "minnesanteckningar", "träffar")  # fmt: skip
    return {key: rule[key] for key in order if key in rule}


def _rule_of(
    sentence: str,
    where: str,
    rule: dict[str, Any],
    record: Callable[[KeyPath, Any, str], None],
    check: Callable[[KeyPath, str], None],
) -> None:
    """Each 'N gånger per år/läsår/termin' of a sentence, in digits or words ('fyra', 'tolv');
    'varannan månad' is at least 6 a year, a reading the file marks."""
    for number, unit in _RULES.findall(sentence):
        minimum = int(number) if number.isdigit() else NUMBER_WORDS.get(number.casefold())
        if not minimum:
            continue
        key = _RULE_KEYS[unit.casefold()]
        rule[key] = minimum
        record(("möten", key), minimum, where)
    if _EVERY_OTHER_MONTH.search(sentence) and "minst_per_år" not in rule:
        rule["minst_per_år"] = 6
        record(("möten", "minst_per_år"), 6, where)
        check(("möten", "minst_per_år"), f"'varannan månad' ({where}) läst som minst 6 möten per år")
    if not rule.keys() & set(_RULE_KEYS.values()):
        check(("möten",), f"meningen '{sentence}' ({where}) nämner möten men inget antal som gick att läsa")
