"""The typer app, the two consoles and what every command shares: failing, printing, writing."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
import typer.core
from rich.console import Console
from rich.text import Text

from uppdrag import __version__
from uppdrag.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_USAGE, UppdragError


class _Group(typer.core.TyperGroup):
    """Every command's UppdragError becomes its Swedish message and exit code, here, once."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except UppdragError as exc:
            from uppdrag.output.diagnostics import finding_line

            for finding in getattr(exc, "findings", []):  # what validate said of an unwritten change
                print_line(finding_line(finding), stderr)
            stderr.print(Text("fel: ", style="bold red") + Text(exc.message))
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    name="uppdrag",
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

stdout = Console(soft_wrap=True, highlight=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)
MIN_WIDTH = 40
for _console in (stdout, stderr):
    if _console.width < MIN_WIDTH:  # COLUMNS=0 or a tiny terminal: rich would print nothing useful
        _console.width = 80

STYLES = {
    "added": "green",
    "removed": "red",
    "reworded": "yellow",
    "changed": "yellow",
    "file": "bold",
    "location": "bold",
    "error": "bold red",
    "warning": "bold yellow",
    "key": "cyan",
    "ok": "bold green",
}


class _State:
    debug = False
    inputs: list[Path] = []  # files this run reads (missions, `_` files, templates): never an output


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


def emit(data: str | bytes, output: Path | str | None, make_folder: bool = False) -> None:
    """Write to the file chosen (atomically, then name it on stdout), or to stdout (None, '-')."""
    from uppdrag.files import write_output

    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.flush()
    else:
        write_output(output, data, _State.inputs, make_folder)
        stdout.print(str(output), markup=False)


def plain_text(renderable: object, width: int = 120) -> str:
    """What rich would print, as plain text for a file: no colours, a fixed width."""
    import io

    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, highlight=False, soft_wrap=False).print(renderable)
    return buffer.getvalue()


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
    _State.inputs = []


def _open_workspace(missions: Path, today: dt.date):
    """The workspace, or the findings that must be mended first (exit 1)."""
    from uppdrag.check.validation import open_workspace
    from uppdrag.output.diagnostics import finding_line, summary
    from uppdrag.read.loading import UsageError

    try:
        workspace, result = open_workspace(missions, today)
    except UsageError as exc:
        fail(str(exc))
    _State.inputs += [Path(p) for p in result.files]
    if result.errors:
        for findings in result.by_file().values():
            for finding in findings:
                if finding.is_error:
                    print_line(finding_line(finding), stderr)
        fail(f"{summary(result)} Rätta felen först (se uppdrag validate).", EXIT_FINDINGS)
    return workspace


def _select(workspace, ids: list[str] | None, all_: bool) -> list:
    """The missions named (in the order named), or all of them with --all."""
    from uppdrag.models import ID_HINT, is_valid_id

    known = sorted(m.mission.id for m in workspace.missions)
    if all_ and ids:
        fail("ange antingen id eller --all, inte båda")
    if all_:
        return sorted(workspace.missions, key=lambda m: m.mission.id)
    if not ids:
        fail(f"ange ett id eller --all; kända id: {', '.join(known)}")
    chosen = []
    for mission_id in ids:
        if not is_valid_id(mission_id):
            fail(f"ogiltigt id '{mission_id}': {ID_HINT}")
        loaded = workspace.mission(mission_id)
        if loaded is None:
            fail(
                f"okänt id '{mission_id}'; kända id: {', '.join(known) or f'inga (inga uppdragsfiler i {workspace.folder})'}"
            )
        chosen.append(loaded)
    return chosen


def _renderer(templates: Path | None, missions: Path):
    """Templates from --templates, then the workspace's templates/, then the built-in ones."""
    from uppdrag.output.templates import Renderer, search_path

    if templates is not None and not templates.is_dir():
        fail(f"mallmappen '{templates}' finns inte")
    folders = search_path(templates, missions.parent / "templates")
    _State.inputs += [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    return Renderer(folders)


def _swedish_help_frame() -> None:
    """Typer's own words around the help text, in Swedish. Only when help is asked for: the
    module that holds them is not worth importing on every start."""
    import typer.rich_utils as words

    words.ARGUMENTS_PANEL_TITLE = "Argument"
    words.OPTIONS_PANEL_TITLE = "Flaggor"
    words.COMMANDS_PANEL_TITLE = "Kommandon"
    words.DEFAULT_STRING = "[standard: {}]"
    words.REQUIRED_LONG_STRING = "[krävs]"


def main() -> None:
    """Entry point: user mistakes end with 1 or 2; anything unexpected with one line and 3."""
    if len(sys.argv) == 1 or {"-h", "--help"} & set(sys.argv[1:]):
        _swedish_help_frame()
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
