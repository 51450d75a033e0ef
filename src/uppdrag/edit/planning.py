"""Planning a year's meetings for a network and writing the missing ones into its file."""

from __future__ import annotations

import datetime as dt

from uppdrag.check.meetings import Plan, plan_year, school_calendar
from uppdrag.check.validation import validate_replacement
from uppdrag.edit.yaml_writer import add_meetings
from uppdrag.errors import EXIT_INTERNAL, UppdragError
from uppdrag.files import atomic_write
from uppdrag.read.loading import LoadedMission, Workspace


def plan_meetings(workspace: Workspace, loaded: LoadedMission, year: int, count: int | None) -> Plan:
    """The meetings the year already has that count, and dates proposed for the missing ones."""
    return plan_year(loaded, year, count, school_calendar(workspace))


def write_plan(loaded: LoadedMission, plan: Plan, today: dt.date) -> None:
    """Add the proposed dates to the network's file; it must still validate afterwards."""
    path = loaded.source.path
    text = add_meetings(path, plan.proposed)
    if validate_replacement(path, text, today).errors:  # a bug in the writer, never the user's doing
        raise UppdragError("den ändrade filen skulle inte validera; inget skrevs", EXIT_INTERNAL)
    atomic_write(path, text)
