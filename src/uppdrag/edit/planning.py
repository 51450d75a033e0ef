"""Planning a year's meetings for a network (check/meeting_plan) and writing them into its file."""

from __future__ import annotations

import datetime as dt

from uppdrag.check.meeting_plan import Plan, plan_year
from uppdrag.check.meetings import school_calendar
from uppdrag.edit.checked_write import write_checked
from uppdrag.edit.yaml_writer import add_meetings
from uppdrag.errors import PlanningError
from uppdrag.models import Mission
from uppdrag.read.loading import LoadedMission, Workspace, parse_model


def plan_meetings(
    workspace: Workspace, loaded: LoadedMission, year: int, count: int | None, today: dt.date | None = None
) -> Plan:
    """The meetings the year already has that count, and dates proposed for the missing ones
    (after today, when given: the past cannot be planned)."""
    return plan_year(loaded, year, count, school_calendar(workspace), today)


def write_plan(workspace: Workspace, loaded: LoadedMission, year: int, count: int | None, today: dt.date) -> Plan:
    """Add the year's missing meetings to the network's file and return the plan written.

    The plan is made again from the file as it is under write_checked's lock: a second run at
    the same time sees the first one's dates and adds only what is still missing (often nothing)."""
    path = loaded.source.path
    written: list[Plan] = []

    def change(text: str) -> str:
        fresh, source, _ = parse_model(text, path, Mission, workspace.validation_context)
        if fresh is None or source is None:
            raise PlanningError(f"{loaded.source.display} validerar inte längre; kör uppdrag validate")
        plan = plan_meetings(workspace, LoadedMission(fresh, source), year, count, today)
        written.append(plan)
        places = workspace.organisation.municipalities
        return add_meetings(text, plan.proposed, places) if plan.proposed else text

    write_checked(path, change, today)
    return written[-1]
