"""Planning a year's meetings for a network and writing them into its file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from uppdrag.check.meetings import plan_year
from uppdrag.check.validation import validate_replacement
from uppdrag.edit.yaml_writer import add_meetings
from uppdrag.errors import EXIT_INTERNAL, PlanningError, UppdragError
from uppdrag.files import atomic_write
from uppdrag.read.loading import LoadedMission, Workspace


@dataclass(frozen=True)
class MeetingPlan:
    loaded: LoadedMission
    year: int
    dates: list[dt.date]  # proposed
    already: list[dt.date]  # entered in the file for that year


def plan_meetings(workspace: Workspace, loaded: LoadedMission, year: int, count: int | None) -> MeetingPlan:
    dates = plan_year(loaded, year, count, workspace.school_breaks)
    rule = loaded.mission.meetings
    already = [m.date for m in (rule.meetings if rule else []) if m.date.year == year]
    return MeetingPlan(loaded, year, dates, already)


def write_plan(plan: MeetingPlan, today: dt.date) -> None:
    """Add the proposed dates to the network's file; it must still validate afterwards."""
    display = plan.loaded.source.display
    if plan.already:
        message = f"{display} har redan {len(plan.already)} möten {plan.year}; --write lägger inte till fler"
        raise PlanningError(message)
    path = plan.loaded.source.path
    text = add_meetings(path, plan.dates)
    if validate_replacement(path, text, today).errors:  # a bug in the writer, never the user's doing
        raise UppdragError("den ändrade filen skulle inte validera; inget skrevs", EXIT_INTERNAL)
    atomic_write(path, text)
