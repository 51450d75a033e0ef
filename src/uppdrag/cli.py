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


def _open_workspace(missions: Path, today: dt.date):
    """The workspace, or the findings that must be mended first (exit 1)."""
    from .loading import UsageError
    from .report import finding_line, summary
    from .validation import open_workspace

    try:
        workspace, result = open_workspace(missions, today)
    except UsageError as exc:
        fail(str(exc))
    if result.errors:
        for findings in result.by_file().values():
            for finding in findings:
                if finding.is_error:
                    print_line(finding_line(finding), stderr)
        fail(f"{summary(result)} Rätta felen först (se uppdrag validate).", EXIT_FINDINGS)
    return workspace


def _select(workspace, ids: list[str] | None, all_: bool) -> list:
    """The missions named (in the order named), or all of them with --all."""
    import re

    known = sorted(m.mission.id for m in workspace.missions)
    if all_ and ids:
        fail("ange antingen id eller --all, inte båda")
    if all_:
        return sorted(workspace.missions, key=lambda m: m.mission.id)
    if not ids:
        fail(f"ange ett id eller --all; kända id: {', '.join(known)}")
    chosen = []
    for mission_id in ids:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", mission_id):
            fail(f"ogiltigt id '{mission_id}': använd små bokstäver a–z, siffror och bindestreck")
        loaded = workspace.mission(mission_id)
        if loaded is None:
            fail(f"okänt id '{mission_id}'; kända id: {', '.join(known)}")
        chosen.append(loaded)
    return chosen


class PdfVariant(str, Enum):
    ua1 = "pdf/ua-1"
    a3b = "pdf/a-3b"
    a2b = "pdf/a-2b"
    a3u = "pdf/a-3u"


@app.command()
def render(
    ids: Annotated[Optional[list[str]], typer.Argument(help="Nätverkens id, t.ex. forskola.", show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help="Alla nätverk.")] = False,
    md: Annotated[bool, typer.Option("--md", help="Markdown (standard).")] = False,
    html: Annotated[bool, typer.Option("--html", help="En fristående HTML-sida.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="PDF (tillgänglig, PDF/UA-1).")] = False,
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", help="Fil (ett id) eller mapp (flera id, --all); '-' skriver till stdout."),
    ] = None,
    templates: Annotated[
        Optional[Path], typer.Option("--templates", help="Egen mallmapp som söks först.", file_okay=False)
    ] = None,
    pdf_variant: Annotated[PdfVariant, typer.Option("--pdf-variant", help="PDF/UA för publicering, PDF/A för arkiv.")] = PdfVariant.ua1,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Gör en uppdragsbeskrivning som Markdown, HTML eller PDF.

    Utan -o hamnar filerna i build/: [bold]uppdrag render forskola --pdf[/bold] skriver
    build/forskola.pdf. Mallarna söks i --templates, sedan i arbetsytans templates/,
    sist i de inbyggda.

    Exempel: [bold]uppdrag render --all --pdf[/bold]
    """
    from .document import build_document
    from .files import atomic_write, inside
    from .render import RenderError, Renderer, render_output, search_path

    chosen_formats = [name for name, on in (("md", md), ("html", html), ("pdf", pdf)) if on]
    if len(chosen_formats) > 1:
        fail("välj ett format: --md, --html eller --pdf")
    fmt = chosen_formats[0] if chosen_formats else "md"
    if templates is not None and not templates.is_dir():
        fail(f"mallmappen '{templates}' finns inte")
    workspace = _open_workspace(missions, parse_today(today))
    chosen = _select(workspace, ids, all_)
    if output == "-" and (fmt == "pdf" or len(chosen) > 1):
        fail("-o - skriver ett dokument i Markdown eller HTML till stdout")
    if output not in (None, "-") and len(chosen) == 1 and not Path(output).is_dir():
        targets = [Path(output)]
    else:
        folder = Path(output) if output not in (None, "-") else Path("build")
        targets = [inside(folder, f"{m.mission.id}.{fmt}") for m in chosen]
    renderer = Renderer(search_path(templates, missions.parent / "templates"))

    def produce(loaded, target: Path) -> None:
        try:
            data = render_output(renderer, build_document(loaded, workspace), fmt, pdf_variant.value)
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
        if output == "-":
            sys.stdout.write(data.decode("utf-8"))
        else:
            atomic_write(target, data)
            stdout.print(str(target), markup=False)

    pairs = list(zip(chosen, targets))
    if len(pairs) > 1 and stderr.is_terminal:
        from rich.progress import track

        for loaded, target in track(pairs, description="Skapar dokument", console=stderr, transient=True):
            produce(loaded, target)
    else:
        for loaded, target in pairs:
            produce(loaded, target)


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
