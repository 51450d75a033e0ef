"""The recorder every reading stage writes to: the mission's data, each value with the paragraph
it came from, what a person must check (KONTROLLERA), the report's notes, and which paragraphs
found a place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from uppdrag.findings import format_key_path
from uppdrag.read.yamlsource import KeyPath


@dataclass(frozen=True)
class ReportField:
    """One value the importer set, and the paragraph it came from."""

    path: str
    value: str
    where: str
    key: KeyPath = ()


@dataclass
class Imported:
    """The mission's data, what it came from, and what a person should check."""

    data: dict[str, Any]
    fields: list[ReportField] = field(default_factory=list)
    checks: dict[KeyPath, list[str]] = field(default_factory=dict)  # KONTROLLERA, by key path
    notes: list[str] = field(default_factory=list)  # what the report says besides the fields
    placed: set[str] = field(default_factory=set)  # where every placed paragraph stood ("rad 12")
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (where, text) of what has no field
    # where -> the parts of a placed paragraph that found no place ("Vi fikar alltid.")
    left: dict[str, list[str]] = field(default_factory=dict)
    words: tuple[int, int] = (0, 0)  # (placed, all) words of the document's paragraphs
    unplaced_parts: int = 0  # how many of unplaced are parts of a paragraph, not whole ones
    dropped_words: int = 0  # words of running headers, footers, page numbers: not the document's

    def set(self, path: KeyPath, value: Any, where: str) -> None:
        """A value was read from the paragraph at where: the report shows it, the paragraph is placed."""
        self.fields.append(ReportField(format_key_path(path), shown(value), where, path))
        self.placed.add(where)

    def check(self, path: KeyPath, message: str) -> None:
        """A KONTROLLERA at path: what the reader chose, or could not place."""
        self.checks.setdefault(path, []).append(message)

    def leave(self, where: str, text: str) -> None:
        """Part of the paragraph at where (text) has no place, though the rest of it has."""
        self.left.setdefault(where, []).append(text)

    def place(self, where: str) -> None:
        """The paragraph at where is in the file without a value of its own (a heading, a sub-goal)."""
        self.placed.add(where)


def shown(value: Any) -> str:
    """A value as the report prints it: 'ja' for true, else its text."""
    if value is True:
        return "ja"
    return str(value)
