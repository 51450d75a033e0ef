"""uppdrag overview: all networks in one table."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import overview_text, print_overview
from uppdrag.cli.options import FORMAT, MissionsOption, OutputOption, TodayOption, output_path, parse_today


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
