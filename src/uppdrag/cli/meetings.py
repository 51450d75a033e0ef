"""uppdrag check-meetings, plan-meetings and calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import print_meeting_checks, print_plain, stderr, stdout
from uppdrag.cli.options import FORMAT, MissionsOption, OutputOption, formats, output_path, parse_today
from uppdrag.errors import EXIT_FINDINGS

MeetingFormat = formats("MeetingFormat", "text", "json")
Year = Annotated[int, typer.Argument(metavar="ÅR", help="Året, t.ex. 2024.", min=1900, max=2200)]
MissionId = Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")]


@app.command("check-meetings")
def check_meetings(
    year: Year,
    ids: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="ID", help="Bara dessa nätverk (standard: alla).", show_default=False),
    ] = None,
    output_format: Annotated[MeetingFormat, FORMAT] = MeetingFormat.text,  # type: ignore[valid-type]
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
    from uppdrag.check.meetings import check_year
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.output.meetings import to_json

    reference = parse_today(today) if today else None
    workspace = open_valid_workspace(missions, reference or parse_today(None), ids or None)
    checks = [check_year(loaded, year, reference) for loaded in workspace.select(ids, all_=not ids)]
    if output_format.value == "json":
        stdout.print(to_json(checks), markup=False)
    else:
        print_meeting_checks(checks, year)
    if not all(c.ok for c in checks):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("plan-meetings")
def plan_meetings(
    mission_id: MissionId,
    year: Year,
    count: Annotated[
        Optional[int],
        typer.Option("--count", "-n", metavar="ANTAL", min=1, max=52, help="Antal möten (minst regelns)."),
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
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.edit.planning import plan_meetings as make_plan
    from uppdrag.edit.planning import write_plan

    today = parse_today(None)
    workspace = open_valid_workspace(missions, today, [mission_id])
    [loaded] = workspace.select([mission_id])
    plan = make_plan(workspace, loaded, year, count)
    if write:
        write_plan(plan, today)
        print_plain(f"{loaded.source.path}: {len(plan.dates)} möten {year} tillagda")
        return
    print_plain("  träffar:\n" + "\n".join(f"    - datum: {day.isoformat()}" for day in plan.dates))
    if plan.already:
        print_plain(f"obs: {loaded.source.display} har redan {len(plan.already)} möten {year}", stderr)


@app.command("calendar")
def calendar_export(
    mission_id: MissionId,
    year: Annotated[
        Optional[int], typer.Argument(metavar="ÅR", help="Bara detta år (standard: alla möten).", min=1900, max=2200)
    ] = None,
    output: OutputOption = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Skriv nätverkets möten som en iCalendar-fil att importera i en kalender.

    Tider i Europe/Stockholm; möten utan tid blir heldagshändelser. Samma möte får samma UID
    varje gång, så en ny import uppdaterar i stället för att dubblera.

    Exempel: [bold]uppdrag calendar forskola 2027 -o forskola.ics[/bold]
    """
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.output.ical import meetings_calendar

    [loaded] = open_valid_workspace(missions, parse_today(None), [mission_id]).select([mission_id])
    emit(meetings_calendar(loaded.mission, year, dt.datetime.now(dt.timezone.utc)), output_path(output))
