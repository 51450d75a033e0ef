"""Options that several commands share, declared once, and the one --format vocabulary."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from uppdrag.errors import UsageError

# One vocabulary: a format has the same name in every command that offers it.
FORMAT_NAMES = ("text", "json", "github", "csv", "md", "html")


def formats(name: str, *names: str) -> Any:
    """An Enum of the formats one command offers, in the shared vocabulary's order. Made at run
    time for typer, so mypy sees Any: a command's option is typed with it under an ignore."""
    unknown = set(names) - set(FORMAT_NAMES)
    if unknown:  # a programming mistake: every format must be in the one vocabulary
        raise ValueError(f"format outside the vocabulary: {sorted(unknown)}")
    return Enum(name, [(n, n) for n in FORMAT_NAMES if n in names], type=str)


FORMAT = typer.Option("--format", "-f", help="Utdataformat.")  # with Annotated[formats(...), FORMAT]


MissionsOption = Annotated[
    Path,
    typer.Option("--missions", "-m", metavar="MAPP", help="Mappen med uppdragsfilerna.", show_default=True),
]
TemplatesOption = Annotated[
    Optional[Path], typer.Option("--templates", help="Egen mallmapp som söks först.", file_okay=False)
]
TodayOption = Annotated[
    Optional[str],
    typer.Option("--today", metavar="ÅÅÅÅ-MM-DD", help="Räkna som om det vore detta datum (standard: i dag)."),
]
OutputOption = Annotated[
    Optional[str],
    typer.Option("--output", "-o", metavar="FIL", help="Fil att skriva; '-' eller utelämnad: stdout."),
]


def parse_today(value: str | None, option: str = "--today") -> dt.date:
    """A date option as a date (None: today); the clock is read here, at the edge, never in the library."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: ogiltigt datum '{value}'; skriv ÅÅÅÅ-MM-DD, t.ex. {option} 2025-01-01") from None


def output_path(value: str | None) -> str | None:
    """-o FIL as written (a trailing '/' names a folder); None and '-' mean stdout."""
    return None if value in (None, "-") else value
