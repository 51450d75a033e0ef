"""uppdrag check-meetings, plan-meetings and calendar."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from uppdrag.cli.app import (
    EXIT_FINDINGS,
    STYLES,
    _open_workspace,
    _select,
    app,
    emit,
    fail,
    parse_today,
    stderr,
    stdout,
)
from uppdrag.cli.options import MissionsOption


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

    from uppdrag.check.meetings import check_year

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
    from uppdrag.check.meetings import PlanningError, plan_year
    from uppdrag.check.validation import write_checked
    from uppdrag.edit.yaml_writer import add_meetings

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    try:
        dates = plan_year(loaded, year, count, workspace.school_breaks)
    except PlanningError as exc:
        fail(exc.message, exc.exit_code)
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
    write_checked(path, lambda text: add_meetings(text, dates), dt.date.today())  # locked, validated
    stdout.print(f"{path}: {len(dates)} möten {year} tillagda", markup=False)


@app.command("calendar")
def calendar_export(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")],
    year: Annotated[
        Optional[int], typer.Argument(help="Bara detta år (standard: alla möten).", min=1900, max=2200)
    ] = None,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", help="Fil att skriva (.ics); standard och '-': stdout.")
    ] = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Skriv nätverkets möten som en iCalendar-fil att importera i en kalender.

    Tider i Europe/Stockholm; möten utan tid blir heldagshändelser. Samma möte får samma UID
    varje gång, så en ny import uppdaterar i stället för att dubblera.

    Exempel: [bold]uppdrag calendar forskola 2027 -o forskola.ics[/bold]
    """
    from uppdrag.output.ical import meetings_calendar

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    data = meetings_calendar(loaded.mission, year, dt.datetime.now(dt.timezone.utc))
    emit(data, output)
