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

EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 3  # 0: all is well

app = typer.Typer(
    name="uppdrag",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

stdout = Console(soft_wrap=True, highlight=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)

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


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


MissionsOption = Annotated[
    Path,
    typer.Option("--missions", "-m", help="Mappen med uppdragsfilerna.", show_default=True),
]
TemplatesOption = Annotated[
    Optional[Path], typer.Option("--templates", help="Egen mallmapp som söks först.", file_okay=False)
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


def emit(data: str | bytes, output: Path | None) -> None:
    """Write to the file chosen (atomically, then name it on stdout), or to stdout itself."""
    from .files import atomic_write

    if output is None:
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.flush()
    else:
        atomic_write(output, data)
        stdout.print(str(output), markup=False)


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
        Optional[list[Path]],
        typer.Argument(help="Mappar och filer att kontrollera (standard: missions).", show_default=False),
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
    from .models import ID_HINT, is_valid_id

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
    from .render import Renderer, search_path

    if templates is not None and not templates.is_dir():
        fail(f"mallmappen '{templates}' finns inte")
    return Renderer(search_path(templates, missions.parent / "templates"))


class PdfVariant(str, Enum):
    ua1 = "pdf/ua-1"
    a3b = "pdf/a-3b"
    a2b = "pdf/a-2b"
    a3u = "pdf/a-3u"


@app.command()
def render(
    ids: Annotated[
        Optional[list[str]], typer.Argument(help="Nätverkens id, t.ex. forskola.", show_default=False)
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Alla nätverk.")] = False,
    md: Annotated[bool, typer.Option("--md", help="Markdown (standard).")] = False,
    html: Annotated[bool, typer.Option("--html", help="En fristående HTML-sida.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="PDF (tillgänglig, PDF/UA-1).")] = False,
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", help="Fil (ett id) eller mapp (flera id, --all); '-' skriver till stdout."),
    ] = None,
    templates: TemplatesOption = None,
    pdf_variant: Annotated[
        PdfVariant, typer.Option("--pdf-variant", help="PDF/UA för publicering, PDF/A för arkiv.")
    ] = PdfVariant.ua1,
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
    from .files import inside
    from .render import RenderError, render_output

    chosen_formats = [name for name, on in (("md", md), ("html", html), ("pdf", pdf)) if on]
    if len(chosen_formats) > 1:
        fail("välj ett format: --md, --html eller --pdf")
    fmt = chosen_formats[0] if chosen_formats else "md"
    workspace = _open_workspace(missions, parse_today(today))
    chosen = _select(workspace, ids, all_)
    if output == "-" and (fmt == "pdf" or len(chosen) > 1):
        fail("-o - skriver ett dokument i Markdown eller HTML till stdout")
    if output not in (None, "-") and len(chosen) == 1 and not Path(output).is_dir():
        targets = [Path(output)]
    else:
        folder = Path(output) if output not in (None, "-") else Path("build")
        targets = [inside(folder, f"{m.mission.id}.{fmt}") for m in chosen]
    renderer = _renderer(templates, missions)

    def produce(loaded, target: Path) -> None:
        try:
            data = render_output(renderer, build_document(loaded, workspace), fmt, pdf_variant.value)
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
        emit(data, None if output == "-" else target)

    pairs = list(zip(chosen, targets))
    if len(pairs) > 1 and stderr.is_terminal:
        from rich.progress import track

        for loaded, target in track(pairs, description="Skapar dokument", console=stderr, transient=True):
            produce(loaded, target)
    else:
        for loaded, target in pairs:
            produce(loaded, target)


class MeetingFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("check-meetings")
def check_meetings(
    year: Annotated[int, typer.Argument(help="Året som granskas, t.ex. 2024.", min=1900, max=2200)],
    ids: Annotated[
        Optional[list[str]], typer.Argument(help="Bara dessa nätverk (standard: alla).", show_default=False)
    ] = None,
    output_format: Annotated[MeetingFormat, typer.Option("--format", "-f", help="Utdataformat.")] = MeetingFormat.text,
    today: Annotated[
        Optional[str],
        typer.Option(
            "--today",
            metavar="ÅÅÅÅ-MM-DD",
            help="Varna för hållna möten före detta datum som saknar minnesanteckningar.",
        ),
    ] = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Granska årets möten mot varje nätverks regel och den svenska kalendern.

    Fel: för få möten, fel veckodag, helgdag eller ledig dag, samma datum två gånger.
    Varningar: klämdag, kommuner som inte deltagit, saknade minnesanteckningar (med --today).
    Slutkod 1 om något nätverk har fel.

    Exempel: [bold]uppdrag check-meetings 2024 forskola skis --format json[/bold]
    """
    import json

    from rich.table import Table

    from .meetings import check_year

    reference = parse_today(today) if today else None
    workspace = _open_workspace(missions, reference or dt.date.today())
    chosen = _select(workspace, ids, all_=not ids)
    checks = [(loaded, check_year(loaded, year, reference)) for loaded in chosen]
    if output_format is MeetingFormat.json:
        stdout.print(json.dumps([c.to_json() for _, c in checks], ensure_ascii=False, indent=2), markup=False)
    else:
        table = Table(title=f"Möten {year}", title_justify="left", header_style="bold")
        table.add_column("Nätverk", no_wrap=True)
        table.add_column("Namn", max_width=24)
        table.add_column(f"Möten {year}", justify="right")
        table.add_column("Minst", justify="right")
        table.add_column("Veckodag")
        table.add_column("Status", no_wrap=True)
        for _, check in checks:
            errors = sum(p.severity.value == "error" for p in check.problems)
            warnings = len(check.problems) - errors
            if errors:
                status = Text(f"{errors} fel", style="bold red")
            elif not check.has_rule:
                status = Text("ingen regel", style="dim")
            else:
                status = Text("ok", style="bold green")
            if warnings:
                status.append(f", {warnings} varn.", style="yellow")
            table.add_row(
                check.network,
                check.name,
                str(check.count) if check.valid == check.count else f"{check.count} ({check.valid} giltiga)",
                str(check.minimum) if check.minimum is not None else "–",
                ", ".join(check.weekdays) or "–",
                status,
            )
        stdout.print(table)
        for _, check in checks:
            if check.problems:
                stdout.print(Text(f"\n{check.network}", style="bold"))
            for problem in check.problems:
                line = Text("  ")
                line.append(f"{problem.severity.swedish}: ", style=STYLES[problem.severity.value])
                line.append(problem.message)
                if problem.location:
                    line.append(f"  ({problem.location})", style="dim")
                stdout.print(line)
    if not all(c.ok for _, c in checks):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("plan-meetings")
def plan_meetings(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")],
    year: Annotated[int, typer.Argument(help="Året som planeras.", min=1900, max=2200)],
    count: Annotated[
        Optional[int], typer.Option("--count", "-n", min=1, max=52, help="Antal möten (minst regelns).")
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="Lägg in datumen i uppdragsfilen.")] = False,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Föreslå mötesdatum som följer nätverkets regel, jämnt fördelade över terminerna.

    Aldrig på helgdagar, klämdagar eller under lov (sommarlov, sportlov, höstlov, jullov;
    lovveckorna kan ändras med [bold]lov:[/bold] i en _-fil). Skriver YAML att klistra in under
    träffar:, eller lägger med --write in datumen i filen och behåller dess kommentarer.

    Exempel: [bold]uppdrag plan-meetings forskola 2027 --write[/bold]
    """
    from .files import atomic_write
    from .meetings import PlanningError, plan_year
    from .validation import validate_replacement
    from .yaml_writer import add_meetings

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    try:
        dates = plan_year(loaded, year, count, workspace.school_breaks)
    except PlanningError as exc:
        fail(str(exc), EXIT_FINDINGS)
    rule = loaded.mission.meetings
    already = [m.date for m in (rule.meetings if rule else []) if m.date.year == year]
    if not write:
        stdout.print("  träffar:", markup=False)
        for day in dates:
            stdout.print(f"    - datum: {day.isoformat()}", markup=False)
        if already:
            stderr.print(f"obs: {loaded.source.display} har redan {len(already)} möten {year}", markup=False)
        return
    if already:
        fail(
            f"{loaded.source.display} har redan {len(already)} möten {year}; --write lägger inte till fler",
            EXIT_FINDINGS,
        )
    path = loaded.source.path
    text = add_meetings(path, dates)
    if validate_replacement(path, text, dt.date.today()).errors:  # never leave an invalid file
        fail("den ändrade filen skulle inte validera; inget skrevs", EXIT_INTERNAL)
    atomic_write(path, text)
    stdout.print(f"{path}: {len(dates)} möten {year} tillagda", markup=False)


@app.command("calendar")
def calendar_export(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")],
    year: Annotated[
        Optional[int], typer.Argument(help="Bara detta år (standard: alla möten).", min=1900, max=2200)
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Fil att skriva (.ics); standard: stdout.")
    ] = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Skriv nätverkets möten som en iCalendar-fil att importera i en kalender.

    Tider i Europe/Stockholm; möten utan tid blir heldagshändelser. Samma möte får samma UID
    varje gång, så en ny import uppdaterar i stället för att dubblera.

    Exempel: [bold]uppdrag calendar forskola 2027 -o forskola.ics[/bold]
    """
    from .ical import meetings_calendar

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    data = meetings_calendar(loaded.mission, year, dt.datetime.now(dt.timezone.utc))
    emit(data, output)


@app.command()
def schema(
    shared: Annotated[bool, typer.Option("--shared", help="Schemat för de delade _-filerna.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Fil att skriva; standard: stdout.")] = None,
) -> None:
    """Skriv JSON Schema för uppdragsfilerna, för redigerare med YAML-stöd.

    Med schemat kontrollerar och kompletterar redigeraren medan man skriver. Uppdragsfilerna
    pekar på det med en första rad som
    [bold]# yaml-language-server: $schema=../schemas/uppdrag.schema.json[/bold]

    Exempel: [bold]uppdrag schema -o schemas/uppdrag.schema.json[/bold]
    """
    from .schema import schema_text

    text = schema_text("shared" if shared else "mission")
    emit(text, output)


@app.command()
def new(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Det nya nätverkets id; å ä ö blir a a o.")],
    name: Annotated[Optional[str], typer.Option("--namn", help='Nätverkets namn, t.ex. "Fritidshem".')] = None,
    steering: Annotated[
        Optional[str], typer.Option("--styrdokument", help="Styrdokumentets id (standard: det nyaste).")
    ] = None,
    source: Annotated[
        Optional[str], typer.Option("--from", help="Börja från ett befintligt nätverk (årlig revidering).")
    ] = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Skapa en ny uppdragsfil, från standarden eller från ett befintligt nätverk.

    Utan --from: det nyaste styrdokumentet och dess bakgrund, standardrollerna och en
    mötesregel; det som ska skrivas är märkt FYLL I och validate varnar tills det är ifyllt.
    Med --from: nätverkets innehåll för nästa period, reviderad i dag, utan möten.
    Skriver aldrig över en befintlig fil.

    Exempel: [bold]uppdrag new fritidshem --namn Fritidshem[/bold]
    """
    from .files import atomic_write
    from .new_mission import (
        NewMissionError,
        make_id,
        rolled_over,
        standard_mission,
        target_path,
    )
    from .report import finding_line
    from .validation import validate_replacement

    today = dt.date.today()
    workspace = _open_workspace(missions, today)
    new_id = make_id(mission_id)
    if new_id != mission_id:
        stderr.print(f"id: {new_id}", markup=False)
    try:
        path = target_path(missions, new_id)
        if source is not None:
            [loaded] = _select(workspace, [source], all_=False)
            text = rolled_over(loaded, new_id, name, today)
        elif name is None:
            fail("ange --namn (eller --from ID)")
        else:
            text = standard_mission(workspace, new_id, name, steering)
    except NewMissionError as exc:
        fail(str(exc))
    result = validate_replacement(path, text, today)
    if result.errors:  # a bug in the generator, never the user's doing
        fail("den nya filen skulle inte validera; inget skrevs", EXIT_INTERNAL)
    atomic_write(path, text)
    for finding in sorted(result.findings, key=lambda f: f.sort_key()):
        print_line(finding_line(finding), stderr)  # the FYLL I placeholders still to write
    stdout.print(str(path), markup=False)


class OverviewFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    md = "md"


@app.command()
def overview(
    output_format: Annotated[
        OverviewFormat, typer.Option("--format", "-f", help="Utdataformat.")
    ] = OverviewFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Fil att skriva; standard: stdout.")] = None,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Visa alla nätverk i en tabell: mål, ordförande, sekreterare, mötesregel, revidering.

    CSV-formatet är UTF-8 med BOM och semikolon, som svenska Excel vill ha det.

    Exempel: [bold]uppdrag overview --format csv -o natverk.csv[/bold]
    """
    from rich.table import Table

    from .overview import overview_rows, to_csv, to_json, to_markdown

    reference = parse_today(today)
    rows = overview_rows(_open_workspace(missions, reference), reference)
    if output_format is OverviewFormat.text:
        table = Table(title=f"Nätverk ({len(rows)})", title_justify="left", header_style="bold")
        table.add_column("Id", no_wrap=True)
        table.add_column("Namn", max_width=20)
        table.add_column("Mål")
        table.add_column("Ordförande / sekreterare")
        table.add_column("Mötesregel")
        table.add_column("Reviderad", no_wrap=True)
        table.add_column("Period")
        for row in rows:
            if row.revised_age_days is None:
                revised = Text("saknas", style="yellow")
            else:
                revised = Text(
                    f"{row.revised} ({row.revised_age_days} d)", style="yellow" if row.revision_overdue else ""
                )
            table.add_row(
                row.id,
                row.name,
                f"{row.steering_id}: {row.goal_ids}",
                "\n".join(filter(None, (row.chair, row.secretary))) or "–",
                row.meeting_rule.removeprefix("Minst ").replace(" möten per år", "/år").replace(" möte per år", "/år"),
                revised,
                row.period,
            )
        stdout.print(table)
        return
    if output_format is OverviewFormat.csv:
        data = to_csv(rows)
    else:
        data = (to_json(rows) + "\n" if output_format is OverviewFormat.json else to_markdown(rows)).encode("utf-8")
    emit(data, output)


report_app = typer.Typer(
    help="Rapporter för skolcheferna.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(report_app, name="report")


class ReportFormat(str, Enum):
    text = "text"
    md = "md"
    html = "html"
    json = "json"


@report_app.command("mål")
def report_goals(
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Utdataformat.")] = ReportFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Fil att skriva; standard: stdout.")] = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Vilka nätverks uppdrag tjänar vilket mål: en matris mål × nätverk med antal uppdrag,
    och under den uppdragen per mål. Mål som inget nätverk arbetar med markeras.

    Exempel: [bold]uppdrag report mål --format html -o mal.html[/bold]
    """
    from rich.table import Table

    from .goals_report import goals_report, to_json

    workspace = _open_workspace(missions, dt.date.today())
    report = goals_report(workspace)
    names = {m.mission.id: m.mission.name for m in workspace.missions}
    if output_format is ReportFormat.text and output is None:
        for doc in report.documents:
            table = Table(title=doc.steering.name, title_justify="left", header_style="bold")
            table.add_column("Mål")
            for network, _ in doc.networks:
                table.add_column(network, justify="right")
            for row in doc.rows:
                label = doc.steering.goal_title(row.goal)
                cells = [
                    str(row.counts[n]) if row.counts[n] else ("F" if n in row.focus else "–") for n, _ in doc.networks
                ]
                style = "bold red" if row.uncovered else None
                table.add_row(label + (" (inget nätverk)" if row.uncovered else ""), *cells, style=style)
            stdout.print(table)
            stdout.print("F: målet i fokus utan egna uppdrag.", style="dim")
            for row in doc.rows:
                if row.assignments:
                    stdout.print(Text("\n" + doc.steering.goal_title(row.goal), style="bold"))
                    for network, text in row.assignments:
                        stdout.print(Text(f"  • {text} ", style=None) + Text(f"({names[network]})", style="dim"))
            stdout.print()
        if report.without_goal:
            stdout.print(Text("Uppdrag utan angivet mål", style="bold"))
            for _, name, text in report.without_goal:
                stdout.print(Text(f"  • {text} ") + Text(f"({name})", style="dim"))
        return
    if output_format is ReportFormat.json:
        text = to_json(report) + "\n"
    else:
        from .render import RenderError

        renderer = _renderer(None, missions)
        name = "mal.html.j2" if output_format is ReportFormat.html else "mal.md.j2"
        try:
            text = renderer.render_template(name, report=report, names=names, site=False)
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
    emit(text, output)


@app.command()
def site(
    output: Annotated[Path, typer.Option("--output", "-o", help="Mappen som webbplatsen skrivs till.")] = Path("site"),
    year: Annotated[
        Optional[int], typer.Option("--year", help="Året för mötesöversikten (standard: i år).", min=1900, max=2200)
    ] = None,
    templates: TemplatesOption = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Bygg en statisk webbplats: alla nätverk, varje nätverks sida och PDF, mål och möten.

    Bara relativa länkar, så mappen fungerar från en fil:// -adress och från vilken
    webbserver som helst. Ladda upp mappen som den är.

    Exempel: [bold]uppdrag site -o site/[/bold]
    """
    from .render import RenderError
    from .site import build_site

    today = dt.date.today()
    workspace = _open_workspace(missions, today)
    renderer = _renderer(templates, missions)
    try:
        if stderr.is_terminal:
            with stderr.status("Bygger webbplatsen …") as status:
                written = build_site(
                    workspace, renderer, output, year or today.year, today, lambda n: status.update(f"Bygger {n} …")
                )
        else:
            written = build_site(workspace, renderer, output, year or today.year, today)
    except RenderError as exc:
        fail(str(exc), EXIT_FINDINGS)
    stdout.print(str(written[0]), markup=False)
    stderr.print(f"{len(written)} filer i {output}", markup=False)


class DiffFormat(str, Enum):
    text = "text"
    md = "md"


@app.command()
def diff(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")],
    revision: Annotated[
        Optional[str],
        typer.Argument(metavar="REV", help="Git-revision (standard: senaste incheckningen som ändrade filen)."),
    ] = None,
    old_file: Annotated[
        Optional[Path], typer.Option("--file", help="Jämför med denna fil i stället för en revision.", dir_okay=False)
    ] = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Utdataformat.")] = DiffFormat.text,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Visa vad som ändrats i en uppdragsbeskrivning, på svenska, för den årliga revideringen.

    Jämför innehållet, inte raderna: uppdrag tillagda, borttagna eller omformulerade (ord för
    ord), mål, roller, ansvar, personer, mötesregel, period och revideringsdatum. Ändrad
    ordning på nycklar eller ny formatering är ingen ändring.

    Exempel: [bold]uppdrag diff forskola HEAD~1[/bold] eller [bold]uppdrag diff forskola --file gammal.yaml[/bold]
    """
    from .changes import compare, text_lines, to_markdown
    from .history import HistoryError, file_at, last_revision
    from .loading import parse_model
    from .models import Mission
    from .report import finding_line

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    if old_file is not None and revision is not None:
        fail("ange antingen REV eller --file, inte båda")
    try:
        if old_file is not None:
            if not old_file.is_file():
                fail(f"filen '{old_file}' finns inte")
            old_text, old_name = old_file.read_text(encoding="utf-8-sig"), str(old_file)
        else:
            revision = revision or last_revision(loaded.source.path)
            old_text, old_name = file_at(loaded.source.path, revision), f"{loaded.source.display}@{revision[:12]}"
    except HistoryError as exc:
        fail(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"kan inte läsa '{old_file}': {exc}")
    old, _, findings = parse_model(old_text, Path(old_name), Mission)
    if old is None:
        for finding in findings:
            print_line(finding_line(finding), stderr)
        fail(f"den gamla versionen ({old_name}) är inte en giltig uppdragsbeskrivning", EXIT_FINDINGS)
    steering = workspace.steering_documents[loaded.mission.steering_document]  # validated above

    def label(goal_id: str) -> str:
        goal = steering.goal(goal_id)  # an old version may name a goal the document no longer has
        return steering.goal_title(goal) if goal else f"mål {goal_id}"

    changes = compare(old, loaded.mission, label)
    title = f"Ändringar i {loaded.mission.name} sedan {old_name}"
    if output_format is DiffFormat.md:
        sys.stdout.write(to_markdown(changes, title))
        return
    stdout.print(Text(title, style="bold"))
    if not changes:
        stdout.print("Inga ändringar.")
        return
    stdout.print()
    for line in text_lines(changes):
        print_line(line)


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
