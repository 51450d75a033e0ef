"""uppdrag new, overview and report: starting a network, and all networks at once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import overview_text, print_goals_report, print_line, print_overview, print_plain, stderr
from uppdrag.cli.options import FORMAT, MissionsOption, OutputOption, TodayOption, output_path, parse_today
from uppdrag.cli.swedish import SwedishTyper


@app.command()
def new(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Det nya nätverkets id; å ä ö blir a a o.")],
    name: Annotated[
        Optional[str], typer.Option("--namn", metavar="NAMN", help='Nätverkets namn, t.ex. "Fritidshem".')
    ] = None,
    steering: Annotated[
        Optional[str], typer.Option("--styrdokument", metavar="ID", help="Styrdokumentets id (standard: det nyaste).")
    ] = None,
    source: Annotated[
        Optional[str],
        typer.Option("--from", metavar="ID", help="Börja från ett befintligt nätverk (årlig revidering)."),
    ] = None,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Skapa en ny uppdragsfil, från standarden eller från ett befintligt nätverk.

    Utan --from: det nyaste styrdokumentet och dess bakgrund, standardrollerna och en
    mötesregel; det som ska skrivas är märkt FYLL I och validate varnar tills det är ifyllt.
    Perioden är styrdokumentets; i december, när det slutar i år, nästa år (nätverket börjar
    då). Med --from: nätverkets innehåll för nästa period, reviderad i dag, utan möten.
    Skriver aldrig över en befintlig fil.

    Exempel: [bold]uppdrag new fritidshem --namn Fritidshem[/bold]
    """
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.edit.new_mission import create_mission
    from uppdrag.output.diagnostics import finding_line

    day = parse_today(today)
    # The shared files, and the network started from: another network's errors are no concern of a new file.
    workspace = open_valid_workspace(missions, day, [source] if source is not None else [])
    created = create_mission(workspace, mission_id, name, steering, source, day)
    if created.path.stem != mission_id:
        print_plain(f"id: {created.path.stem}", stderr)
    print_plain(f"period: {created.period}", stderr)
    for finding in sorted(created.result.findings, key=lambda f: f.sort_key()):
        print_line(finding_line(finding), stderr)  # the FYLL I placeholders still to write
    print_plain(str(created.path))


class OverviewFormat(str, Enum):
    """`overview --format`, in the names and order of options.FORMAT_NAMES."""

    text = "text"
    json = "json"
    csv = "csv"
    md = "md"


@app.command()
def overview(
    output_format: Annotated[OverviewFormat, FORMAT] = OverviewFormat.text,
    output: OutputOption = None,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Visa alla nätverk i en tabell: mål, ordförande, sekreterare, mötesregel, revidering.

    CSV-formatet är UTF-8 med BOM och semikolon, som svenska Excel vill ha det.

    Exempel: [bold]uppdrag overview --format csv -o natverk.csv[/bold]
    """
    from uppdrag.check.validation import open_healthy_workspace, raise_if_skipped
    from uppdrag.output.reporters import REPORTER_BY_NAME
    from uppdrag.output.templates import workspace_inputs
    from uppdrag.views.overview import overview_rows

    day = parse_today(today)
    workspace, result = open_healthy_workspace(missions, day)
    rows = overview_rows(workspace, day)
    if output_format.value == "text" and output_path(output) is None:
        print_overview(rows)
    else:
        name = output_format.value
        exported = overview_text(rows) if name == "text" else REPORTER_BY_NAME[name].overview(rows)
        emit(exported, output_path(output), workspace_inputs(workspace))
    raise_if_skipped(workspace, result)


report_app = SwedishTyper(
    help="Rapporter för skolcheferna.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(report_app, name="report")


class ReportFormat(str, Enum):
    """`report mål --format`, in the names and order of options.FORMAT_NAMES."""

    text = "text"
    json = "json"
    md = "md"
    html = "html"


@report_app.command("mål")
def report_goals(
    output_format: Annotated[ReportFormat, FORMAT] = ReportFormat.text,
    output: OutputOption = None,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Vilka nätverks uppdrag tjänar vilket mål: en matris mål × nätverk med antal uppdrag,
    och under den uppdragen per mål. Mål som inget nätverk arbetar med markeras.

    Exempel: [bold]uppdrag report mål --format html -o mal.html[/bold]
    """
    from uppdrag.check.validation import open_healthy_workspace, raise_if_skipped
    from uppdrag.output.reporters import REPORTER_BY_NAME
    from uppdrag.output.templates import renderer_for, workspace_inputs
    from uppdrag.views.goals import goals_report

    workspace, result = open_healthy_workspace(missions, parse_today(today))
    report = goals_report(workspace)
    names = {m.mission.id: m.mission.name for m in workspace.missions}
    if output_format.value == "text" and output_path(output) is None:
        print_goals_report(report, names)
    else:
        reporter = REPORTER_BY_NAME["md" if output_format.value == "text" else output_format.value]  # text in a file: Markdown
        renderer = renderer_for(None, missions) if reporter.uses_templates else None
        page = reporter.goals(report, names, workspace.organisation, renderer)
        emit(page, output_path(output), workspace_inputs(workspace, renderer))
    raise_if_skipped(workspace, result)
