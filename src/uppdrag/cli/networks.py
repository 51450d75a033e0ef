"""uppdrag new, overview and report: starting a network, and all networks at once."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from uppdrag.cli.app import (
    _open_workspace,
    _renderer,
    _select,
    app,
    emit,
    fail,
    parse_today,
    plain_text,
    print_line,
    stderr,
    stdout,
)
from uppdrag.cli.options import MissionsOption, TodayOption


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
    from uppdrag.check.validation import write_checked
    from uppdrag.edit.new_mission import (
        NewMissionError,
        make_id,
        rolled_over,
        standard_mission,
        target_path,
    )
    from uppdrag.output.diagnostics import finding_line

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
    result = write_checked(path, lambda _: text, today, create=True)  # validated first, never over a file
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
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Fil att skriva; standard och '-': stdout.")] = None,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Visa alla nätverk i en tabell: mål, ordförande, sekreterare, mötesregel, revidering.

    CSV-formatet är UTF-8 med BOM och semikolon, som svenska Excel vill ha det.

    Exempel: [bold]uppdrag overview --format csv -o natverk.csv[/bold]
    """
    from rich.table import Table

    from uppdrag.views.overview import overview_rows, to_csv, to_json, to_markdown

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
        if output in (None, "-"):
            stdout.print(table)
        else:
            emit(plain_text(table), output)
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
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Fil att skriva; standard och '-': stdout.")] = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Vilka nätverks uppdrag tjänar vilket mål: en matris mål × nätverk med antal uppdrag,
    och under den uppdragen per mål. Mål som inget nätverk arbetar med markeras.

    Exempel: [bold]uppdrag report mål --format html -o mal.html[/bold]
    """
    from rich.table import Table

    from uppdrag.views.goals import goals_report, to_json

    workspace = _open_workspace(missions, dt.date.today())
    report = goals_report(workspace)
    names = {m.mission.id: m.mission.name for m in workspace.missions}
    if output_format is ReportFormat.text and output in (None, "-"):
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
        from uppdrag.errors import TemplateError as RenderError

        renderer = _renderer(None, missions)
        name = "mal.html.j2" if output_format is ReportFormat.html else "mal.md.j2"
        try:
            text = renderer.render_template(name, report=report, names=names, site=False)
        except RenderError as exc:
            fail(exc.message, exc.exit_code)
    emit(text, output)
