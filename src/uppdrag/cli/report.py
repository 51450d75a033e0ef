"""uppdrag report: reports over all networks for the school chiefs."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import print_goals_report
from uppdrag.cli.options import FORMAT, MissionsOption, OutputOption, TodayOption, output_path, parse_today
from uppdrag.cli.swedish import SwedishTyper

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
