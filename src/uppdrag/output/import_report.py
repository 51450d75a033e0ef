"""The report of `uppdrag import`: each field with its value and source, what to check, and how
much of the document found a place ("312 av 315 ord placerade"), as text or as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from uppdrag.ellipsis import shortened


@dataclass(frozen=True)
class ReportLine:
    path: str  # "roller[0].personer[1]"
    value: str
    where: str  # "stycke 7", "sida 2, rad 5"


@dataclass(frozen=True)
class ImportReport:
    """What an import found, as plain data (the importer builds it; this module only formats it)."""

    source: str
    format: str
    mission_id: str
    target: str
    fields: list[ReportLine]
    checks: list[tuple[str, str]]  # (field, message): every KONTROLLERA in the file's order
    notes: list[str]
    warnings: list[tuple[str, str, str]]  # (location, field, message) from validate
    words: tuple[int, int]  # (placed, all) words of the document's own text
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    unplaced_parts: int = 0  # how many of unplaced are parts of a paragraph whose rest is placed
    dropped_words: int = 0  # words of running headers, footers and page numbers, not counted


def coverage_line(report: ImportReport) -> str:
    """'täckning: 312 av 315 ord placerade; 1 stycke och 1 del av ett stycke utan plats (se nedan);
    6 ord i sidhuvud, sidfot, sidnummer och vattenstämplar räknas inte'."""
    placed, total = report.words
    line = f"täckning: {placed} av {total} ord placerade"
    whole = len(report.unplaced) - report.unplaced_parts
    pieces = [f"{whole} {'stycke' if whole == 1 else 'stycken'}"] if whole else []
    if report.unplaced_parts:
        parts = report.unplaced_parts
        pieces.append(f"{parts} {'del av ett stycke' if parts == 1 else 'delar av stycken'}")
    if pieces:
        line += f"; {' och '.join(pieces)} utan plats (se nedan)"
    if report.dropped_words:
        line += f"; {report.dropped_words} ord i sidhuvud, sidfot, sidnummer och vattenstämplar räknas inte"
    return line


def report_text(report: ImportReport) -> list[str]:
    lines = [f"{report.source} ({report.format}) -> {report.target}"]
    width = max((len(f.path) for f in report.fields), default=0)
    for item in report.fields:
        value = shortened(item.value, 70, 69)
        source = f"  [{item.where}]" if item.where else ""
        lines.append(f"  {item.path.ljust(width)}  {value}{source}")
    lines.append(coverage_line(report))
    for where, text in report.unplaced:
        shown = shortened(text, 70, 69)
        lines.append(f"utan plats ({where}): {shown}")
    lines += [f"obs: {note}" for note in report.notes]
    lines += [f"KONTROLLERA {field_name}: {message}" for field_name, message in report.checks]
    lines += [f"{location}: varning: {key}: {message}" for location, key, message in report.warnings]
    return lines


def report_data(report: ImportReport, written: str | None) -> dict[str, Any]:
    """The report for programs, without the findings (output/reporters.py adds them and the
    old `warnings` list); written is the file written, None when nothing was."""
    placed, total = report.words
    return {
        "source": report.source,
        "format": report.format,
        "id": report.mission_id,
        "written": written,
        "fields": [{"field": f.path, "value": f.value, "source": f.where} for f in report.fields],
        "coverage": {
            "placed_words": placed,
            "words": total,
            "unplaced": len(report.unplaced),
            "unplaced_parts": report.unplaced_parts,
            "dropped_words": report.dropped_words,
        },
        "unplaced": [{"source": where, "text": text} for where, text in report.unplaced],
        "checks": [{"field": field_name, "message": message} for field_name, message in report.checks],
        "notes": report.notes,
    }
