"""The plan-meetings command suggested beside too few meetings, spelled as the user would type it."""

from __future__ import annotations

import dataclasses
import shlex
from pathlib import Path

from uppdrag.check.meetings import TOO_FEW_CODES, YearCheck
from uppdrag.read.loading import LoadedMission


def plan_command(loaded: LoadedMission, year: int) -> str:
    """The exact command that proposes and writes the missing meetings."""
    words = ["uppdrag", "plan-meetings", loaded.mission.id, str(year), "--write"]
    folder = loaded.source.path.parent
    if folder != Path("missions"):
        words += ["-m", str(folder)]
    return shlex.join(words)


def with_plan_advice(check: YearCheck, loaded: LoadedMission) -> YearCheck:
    """check with each too-few finding ending in the command that fixes it, while the year is
    still to come (plan-meetings plans only days after today); a past year's findings already
    say that no plan can help."""
    if not check.plannable:
        return check
    advice = f"; föreslå fler med {plan_command(loaded, check.year)}"
    problems = [
        dataclasses.replace(p, message=p.message + advice) if p.code in TOO_FEW_CODES else p for p in check.problems
    ]
    return dataclasses.replace(check, problems=problems)
