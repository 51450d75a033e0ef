"""Findings: what the checks say about a file, located like a compiler diagnostic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def swedish(self) -> str:
        return "fel" if self is Severity.ERROR else "varning"


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Finding:
    location: Location
    severity: Severity
    code: str  # stable, English, for machines: "unknown-key", "reference", …
    message: str  # Swedish, for people
    key_path: str = ""  # "möten.träffar[0].datum"; empty for a whole-file finding
    date: dt.date | None = None  # the day a meeting problem is about

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[Location, bool, str]:
        return (self.location, self.severity is not Severity.ERROR, self.code)


def format_key_path(path: tuple[str | int, ...]) -> str:
    """('möten', 'träffar', 0, 'datum') -> 'möten.träffar[0].datum'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def error(location: Location, code: str, message: str, key_path: str = "") -> Finding:
    return Finding(location, Severity.ERROR, code, message, key_path)


def warning(location: Location, code: str, message: str, key_path: str = "") -> Finding:
    return Finding(location, Severity.WARNING, code, message, key_path)


@dataclass
class CheckResult:
    """What one run of the checks found, over all files it read."""

    files: list[str]
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    def by_file(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for finding in sorted(self.findings, key=Finding.sort_key):
            grouped.setdefault(finding.location.file, []).append(finding)
        return grouped
