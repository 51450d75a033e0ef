"""The command line: parse arguments, call the library, print with rich, set the exit code.

Heavy modules (Jinja, WeasyPrint, even pydantic models) are imported inside the commands, so
`uppdrag --help` and `uppdrag validate` pay only for what they use.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.console import Console
from rich.text import Text

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="uppdrag",
    help="Uppdragsbeskrivningar för Utbildning Skaraborgs nätverk som validerad data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

stdout = Console(soft_wrap=True, highlight=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)

STYLES = {
    "file": "bold",
    "location": "bold",
    "error": "bold red",
    "warning": "bold yellow",
    "key": "cyan",
    "ok": "bold green",
}


class _State:
    debug = False


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


MissionsOption = Annotated[
    Path,
    typer.Option("--missions", "-m", help="Mappen med uppdragsfilerna.", show_default=True),
]
TodayOption = Annotated[
    Optional[str],
    typer.Option("--today", metavar="ÅÅÅÅ-MM-DD", help="Räkna som om det vore detta datum (standard: i dag)."),
]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    stderr.print(Text("fel: ", style="bold red") + Text(message))
    raise typer.Exit(code)


def parse_today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--today: ogiltigt datum '{value}'; skriv ÅÅÅÅ-MM-DD")


def print_line(segments: list[tuple[str, str | None]], console: Console = stdout) -> None:
    text = Text()
    for part, style in segments:
        text.append(part, style=STYLES.get(style or "", None))
    console.print(text)


def _version(value: bool) -> None:
    if value:
        stdout.print(f"uppdrag {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen och avsluta.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Visa hela felspårningen vid interna fel.")] = False,
) -> None:
    """Uppdragsbeskrivningar för Utbildning Skaraborgs nätverk som validerad data.

    Varje kommando arbetar på mappen ./missions om inget annat anges.
    Slutkoder: 0 allt i ordning, 1 fel hittades, 2 felaktig användning, 3 internt fel.
    """
    _State.debug = debug


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Mappar och filer att kontrollera (standard: missions).", show_default=False)
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Utdataformat.")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Varningar ger också slutkod 1.")] = False,
    today: TodayOption = None,
) -> None:
    """Kontrollera uppdragsfilerna mot schemat och mot varandra.

    Varje fynd pekar ut fil, rad och kolumn. Slutkod 0 om inga fel finns
    (varningar tillåts utom med --strict), annars 1.

    Exempel: [bold]uppdrag validate missions/[/bold]
    """
    from .loading import UsageError
    from .report import text_lines, to_github, to_json
    from .validation import validate_paths

    try:
        result = validate_paths(paths or [Path("missions")], parse_today(today))
    except UsageError as exc:
        fail(str(exc))
    if not result.files:
        fail(f"inga YAML-filer att kontrollera i {', '.join(str(p) for p in paths or ['missions'])}")
    if output_format is Format.json:
        stdout.print(to_json(result), markup=False)
    elif output_format is Format.github:
        stdout.print(to_github(result), markup=False)
    else:
        for line in text_lines(result):
            print_line(line)
    if result.errors or (strict and result.warnings):
        raise typer.Exit(EXIT_FINDINGS)


def main() -> None:
    """Entry point: user mistakes end with 1 or 2; anything unexpected with one line and 3."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        stderr.print("avbrutet")
        sys.exit(130)
    except Exception as exc:  # a bug, or a failure outside the user's files
        if _State.debug or "--debug" in sys.argv:
            raise
        message = f"internt fel: {type(exc).__name__}: {exc}".splitlines()[0]
        stderr.print(f"{message} (kör med --debug för detaljer)", markup=False)
        sys.exit(EXIT_INTERNAL)
