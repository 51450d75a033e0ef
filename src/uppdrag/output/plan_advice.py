"""The plan-meetings command suggested beside too few meetings, spelled as the user would type it;
or, where it could not plan them, why not."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shlex
from pathlib import Path

from uppdrag.check.meeting_plan import TooFewDays, plan_year
from uppdrag.check.meetings import TOO_FEW_CODES, YearCheck
from uppdrag.check.swedish_calendar import SchoolCalendar
from uppdrag.errors import PlanningError
from uppdrag.read.loading import LoadedMission


def plan_command(loaded: LoadedMission, year: int) -> str:
    """The exact command that proposes and writes the missing meetings."""
    words = ["uppdrag", "plan-meetings", loaded.mission.id, str(year), "--write"]
    folder = loaded.source.path.parent
    if folder != Path("missions"):
        words += ["-m", str(folder)]
    return shlex.join(words)


def plan_advice(loaded: LoadedMission, year: int, calendar: SchoolCalendar, today: dt.date) -> str:
    """The command that plans the missing meetings, when it can (it is tried, as plan-meetings
    would run it today); else why it cannot: too few good days left, a rule of weekends only."""
    try:
        plan_year(loaded, year, None, calendar, today)
    except TooFewDays as exc:
        return exc.reason
    except PlanningError as exc:
        return f"plan-meetings kan inte planera dem: {exc.message}"
    return f"föreslå fler med {plan_command(loaded, year)}"


def with_plan_advice(check: YearCheck, loaded: LoadedMission, calendar: SchoolCalendar, today: dt.date) -> YearCheck:
    """check with each too-few finding ending in the command that fixes it, while the year is
    still to come (plan-meetings plans only days after today), or in why no plan can; a past
    year's findings already say that no plan can help."""
    if not check.plannable or not any(p.code in TOO_FEW_CODES for p in check.problems):
        return check
    advice = f"; {plan_advice(loaded, check.year, calendar, today)}"
    problems = [
        dataclasses.replace(p, message=p.message + advice) if p.code in TOO_FEW_CODES else p for p in check.problems
    ]
    return dataclasses.replace(check, problems=problems)
