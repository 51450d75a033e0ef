"""Planning a year's meetings for a network and writing the missing ones into its file."""

from __future__ import annotations

import datetime as dt

from uppdrag.check.meetings import Plan, plan_year, school_calendar
from uppdrag.check.validation import write_checked
from uppdrag.edit.yaml_writer import add_meetings
from uppdrag.read.loading import LoadedMission, Workspace


def plan_meetings(workspace: Workspace, loaded: LoadedMission, year: int, count: int | None) -> Plan:
    """The meetings the year already has that count, and dates proposed for the missing ones."""
    return plan_year(loaded, year, count, school_calendar(workspace))


def write_plan(loaded: LoadedMission, plan: Plan, today: dt.date) -> None:
    """Add the proposed dates to the network's file: locked, re-read, validated, then written."""
    rule = loaded.mission.meetings
    years = {day.year for day in plan.proposed}
    seen = {m.date for m in (rule.meetings if rule else []) if m.date.year in years}
    write_checked(loaded.source.path, lambda text: add_meetings(text, plan.proposed, seen), today)
