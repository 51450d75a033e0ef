"""Options that several commands share, declared once, and the one --format vocabulary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.errors import UsageError

# One vocabulary: a format has the same name in every command that offers it, and each
# command's --format Enum lists its names in this order (tests/unit/cli/test_options.py).
FORMAT_NAMES = ("text", "json", "github", "csv", "md", "html")


FORMAT = typer.Option("--format", "-f", help="Utdataformat.")  # with Annotated[<command>Format, FORMAT]


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
