"""The meetings table of a Word file (as `render --docx` writes it): date, time, place, present."""

from __future__ import annotations

import datetime as dt
import re

from uppdrag.edit.importer.headings import normalise
from uppdrag.edit.importer.people import municipality

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")  # fmt: skip
_COLUMNS = {"datum": "datum", "tid": "tid", "klockan": "tid", "plats": "plats", "narvarande": "närvarande"}
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


def meeting_from_row(cells: tuple[str, ...], columns: dict[int, str]) -> tuple[dict, list[str]] | None:
    """A meeting (the YAML's keys) from a table row, and what was read with a guess."""
    values = {key: cells[i] for i, key in columns.items() if i < len(cells) and cells[i]}
    date = parse_date(values.get("datum", ""))
    if date is None:
        return None
    meeting: dict = {"datum": date}
    guesses: list[str] = []
    time = _TIME.search(values.get("tid", ""))
    if time:
        meeting["start"] = f"{int(time.group(1)):02d}:{time.group(2)}"
        if time.group(3):
            meeting["slut"] = f"{int(time.group(3)):02d}:{time.group(4)}"
    if values.get("plats"):
        meeting["plats"] = values["plats"]
    present = []
    for written in re.split(r",|\s+och\s+", values.get("närvarande", "")):
        written = written.strip()
        if not written:
            continue
        found = municipality(written)
        if found is None:
            guesses.append(f"'{written}' bland de närvarande är ingen av de 15 kommunerna och är inte med")
            continue
        if found.casefold() != written.casefold():
            guesses.append(f"'{written}' läst som {found}")
        present.append(found)
    if present:
        meeting["närvarande"] = present
    return meeting, guesses
