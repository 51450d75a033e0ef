"""The overview's rows as CSV for Excel, JSON and Markdown."""

from __future__ import annotations

import csv
import io
import json

from uppdrag.output.escape import markdown_cell
from uppdrag.views.overview import COLUMNS, OverviewRow

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A text cell that Excel would read as a formula ('=HYPERLINK(…)', '+1', '@SUM') gets a
    leading apostrophe, as OWASP's CSV injection guidance says; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[OverviewRow]) -> bytes:
    """UTF-8 with BOM and ';' between fields: what a Swedish Excel opens with å ä ö intact."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS.values())
    for row in rows:
        writer.writerow(["" if v is None else csv_cell(v) for v in row.exported().values()])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(rows: list[OverviewRow]) -> str:
    return json.dumps([r.exported() for r in rows], ensure_ascii=False, indent=2)


def to_markdown(rows: list[OverviewRow]) -> str:
    lines = ["| " + " | ".join(COLUMNS.values()) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(markdown_cell(v) for v in row.exported().values()) + " |" for row in rows]
    return "\n".join(lines) + "\n"
