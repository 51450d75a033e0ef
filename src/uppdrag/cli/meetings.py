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
    EXIT_INTERNAL,
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
    strict: Annotated[bool, typer.Option("--strict", help="Varningar ger också slutkod 1.")] = False,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Granska årets möten mot varje nätverks regel och skolåret i Skaraborg.

    Fel: för få möten, fel veckodag, helg, helgdag eller ledig dag, skollov i alla kommuner,
    samma datum två gånger. Varningar: lov i en del av kommunerna, klämdag, afton, en termin
    utan möten, kommuner som inte deltagit, saknade minnesanteckningar (med --today).
    Slutkod 1 om något nätverk har fel (med --strict även vid varningar).

    Exempel: [bold]uppdrag check-meetings 2024 forskola skis --format json[/bold]
    """
    import json

    from rich.table import Table

    from uppdrag.check.meetings import check_year, school_calendar

    reference = parse_today(today) if today else None
    workspace = _open_workspace(missions, reference or dt.date.today())
    chosen = _select(workspace, ids, all_=not ids)
    calendar = school_calendar(workspace)
    checks = [(loaded, check_year(loaded, year, reference, calendar)) for loaded in chosen]
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
    if not all(c.ok for _, c in checks) or (strict and any(c.warnings for _, c in checks)):
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
    """Föreslå de mötesdatum som fattas, jämnt fördelade över vår- och hösttermin.

    Bara dagar som check-meetings godtar: regelns veckodagar, aldrig helg, helgdag, klämdag,
    afton eller lov i någon kommun (loven står i [bold]_lov.yaml[/bold]). Möten som redan ligger
    inne för året behålls och räknas med. Skriver YAML att klistra in under träffar:, eller
    lägger med --write in de nya datumen i filen och behåller dess kommentarer.

    Exempel: [bold]uppdrag plan-meetings forskola 2027 --write[/bold]
    """
    from uppdrag.check.meetings import plan_year, school_calendar
    from uppdrag.check.validation import validate_replacement
    from uppdrag.edit.yaml_writer import add_meetings
    from uppdrag.files import atomic_write

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    plan = plan_year(loaded, year, count, school_calendar(workspace))
    display = loaded.source.display
    if not plan.proposed:
        stderr.print(
            f"{display} har redan {len(plan.existing)} giltiga möten {year} (minst {plan.wanted}); inget att lägga till",
            markup=False,
        )
        return
    if plan.existing:
        stderr.print(f"obs: {display} har redan {len(plan.existing)} giltiga möten {year}; de behålls", markup=False)
    if not write:
        stdout.print("  träffar:", markup=False)
        for day in plan.proposed:
            stdout.print(f"    - datum: {day.isoformat()}", markup=False)
        return
    path = loaded.source.path
    text = add_meetings(path, plan.proposed)
    if validate_replacement(path, text, dt.date.today()).errors:  # never leave an invalid file
        fail("den ändrade filen skulle inte validera; inget skrevs", EXIT_INTERNAL)
    atomic_write(path, text)
    stdout.print(f"{path}: {len(plan.proposed)} möten {year} tillagda", markup=False)


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
    from uppdrag.output.ical import meetings_calendar

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    data = meetings_calendar(loaded.mission, year, dt.datetime.now(dt.timezone.utc))
    emit(data, output)
