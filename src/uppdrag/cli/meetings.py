"""uppdrag check-meetings, plan-meetings and calendar."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import print_meeting_checks, print_plain, stderr
from uppdrag.cli.options import FORMAT, MissionsOption, OutputOption, TodayOption, output_path, parse_today
from uppdrag.errors import EXIT_FINDINGS, UsageError


class MeetingFormat(str, Enum):
    """`check-meetings --format`, in the names and order of options.FORMAT_NAMES."""

    text = "text"
    json = "json"


CheckedYear = Annotated[int, typer.Argument(metavar="ÅR", help="Året som granskas, med fyra siffror.", min=1900, max=2200)]
PlannedYear = Annotated[int, typer.Argument(metavar="ÅR", help="Året som planeras, med fyra siffror.", min=1900, max=2200)]
MissionId = Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")]


@app.command("check-meetings")
def check_meetings(
    year: CheckedYear,
    ids: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="ID", help="Bara dessa nätverk (standard: alla).", show_default=False),
    ] = None,
    output_format: Annotated[MeetingFormat, FORMAT] = MeetingFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Varningar ger också slutkod 1.")] = False,
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
    """Granska årets möten mot varje nätverks regel och skolåret i organisationens kommuner.

    Fel: för få möten, fel veckodag, helg, helgdag eller ledig dag, skollov i alla kommuner,
    samma datum två gånger. Varningar: lov i en del av kommunerna, klämdag, afton, en termin
    utan möten, kommuner som inte deltagit, saknade minnesanteckningar (med --today).
    Slutkod 1 om något nätverk har fel (med --strict även vid varningar).

    Exempel: [bold]uppdrag check-meetings 2027 forskola skis --format json[/bold]
    """
    from uppdrag.check.meetings import check_year, school_calendar
    from uppdrag.check.validation import open_networks, raise_if_skipped
    from uppdrag.output.plan_advice import with_plan_advice
    from uppdrag.output.reporters import REPORTER_BY_NAME

    reference = parse_today(today) if today else None
    workspace, result = open_networks(missions, reference or parse_today(None), ids or None)
    calendar = school_calendar(workspace)
    now = reference or parse_today(None)
    checks = [
        with_plan_advice(check_year(loaded, year, reference, calendar, now), loaded, calendar, now)
        for loaded in workspace.select(ids, all_=not ids)
    ]
    if output_format.value == "text":
        print_meeting_checks(checks, year)
    else:
        emit(REPORTER_BY_NAME[output_format.value].meetings(checks, year), None)  # as written: no rich between
    raise_if_skipped(workspace, result)
    if not all(c.ok for c in checks) or (strict and any(c.warnings for c in checks)):
        raise typer.Exit(EXIT_FINDINGS)


@app.command("plan-meetings")
def plan_meetings(
    mission_id: MissionId,
    year: PlannedYear,
    count: Annotated[
        Optional[int],
        typer.Option("--count", "-n", metavar="ANTAL", min=1, max=52, help="Antal möten (minst regelns)."),
    ] = None,
    write: Annotated[bool, typer.Option("--write", help="Lägg in datumen i uppdragsfilen.")] = False,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Föreslå de mötesdatum som fattas, jämnt fördelade över vår- och hösttermin.

    Bara dagar som check-meetings godtar: regelns veckodagar, aldrig helg, helgdag, klämdag,
    afton eller lov i någon kommun (loven står i [bold]_lov.yaml[/bold]). Möten som redan ligger
    inne för året behålls och räknas med. Skriver YAML att klistra in under träffar:, eller
    lägger med --write in de nya datumen i filen och behåller dess kommentarer.

    Exempel: [bold]uppdrag plan-meetings forskola 2027 --write[/bold]
    """
    from uppdrag.check.meeting_plan import outside_period
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.edit.planning import plan_meetings as make_plan
    from uppdrag.edit.planning import write_plan

    day = parse_today(today)
    workspace = open_valid_workspace(missions, day, [mission_id])
    [loaded] = workspace.select([mission_id])
    plan = write_plan(workspace, loaded, year, count, day) if write else make_plan(workspace, loaded, year, count, day)
    remark = outside_period(loaded, year, day)
    if remark is not None:
        print_plain(f"obs: {remark}", stderr)
    display = loaded.source.display
    if not plan.proposed:
        message = (
            f"{display} har redan {len(plan.existing)} giltiga möten {year} (minst {plan.wanted}); inget att lägga till"
        )
        print_plain(message, stderr)
        return
    if plan.existing:
        print_plain(f"obs: {display} har redan {len(plan.existing)} giltiga möten {year}; de behålls", stderr)
    if write:
        print_plain(f"{loaded.source.path}: {len(plan.proposed)} möten {year} tillagda")
    else:
        print_plain("  träffar:\n" + "\n".join(f"    - datum: {day.isoformat()}" for day in plan.proposed))


@app.command("calendar")
def calendar_export(
    mission_id: Annotated[
        Optional[str], typer.Argument(metavar="ID", help="Nätverkets id (eller --all).", show_default=False)
    ] = None,
    year: Annotated[
        Optional[int], typer.Argument(metavar="ÅR", help="Bara detta år (standard: alla möten).", min=1900, max=2200)
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Alla nätverks möten i en fil.")] = False,
    output: OutputOption = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Skriv nätverkets möten som en iCalendar-fil att importera i en kalender.

    Tider i Europe/Stockholm; möten utan tid blir heldagshändelser. Samma möte får samma UID
    varje gång, så en ny import uppdaterar i stället för att dubblera. Med --all hamnar alla
    nätverks möten i en fil, samma som alla-moten.ics på webbplatsen.

    Exempel: [bold]uppdrag calendar forskola 2027 -o forskola.ics[/bold],
    [bold]uppdrag calendar --all 2027 -o alla-moten.ics[/bold]
    """
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.output.ical import combined_calendar, meetings_calendar
    from uppdrag.output.templates import workspace_inputs

    if all_ and mission_id is not None and year is None and mission_id.isascii() and mission_id.isdigit():
        # `calendar --all 2027`: the one argument is the year, held to ÅR's range
        if not 1900 <= int(mission_id) <= 2200:
            raise UsageError(f"ÅR ska vara ett år från 1900 till 2200 — du skrev '{mission_id}'")
        year, mission_id = int(mission_id), None
    ids = [mission_id] if mission_id is not None else None
    workspace = open_valid_workspace(missions, parse_today(None), None if all_ else ids)
    chosen = workspace.select(ids, all_)
    stamp = dt.datetime.now(dt.UTC)
    if all_:
        data = combined_calendar([loaded.mission for loaded in chosen], year, stamp, workspace.organisation)
    else:
        data = meetings_calendar(chosen[0].mission, year, stamp, workspace.organisation)
    emit(data, output_path(output), workspace_inputs(workspace))
