"""output.plan_advice: the plan-meetings command beside too few meetings, as the user types it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import MISSIONS
from uppdrag.check.meetings import check_year, school_calendar
from uppdrag.check.validation import open_valid_workspace
from uppdrag.findings import Finding, Location, Severity
from uppdrag.output.plan_advice import plan_command, with_plan_advice

TODAY = dt.date(2026, 11, 22)


def test_a_year_to_come_gets_the_command_that_plans_it(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    forskola = workspace.mission("forskola")
    check = check_year(forskola, 2027, None, school_calendar(workspace), TODAY)
    assert [p.message for p in check.problems] == ["inga möten inlagda för 2027; regeln kräver minst 4"]
    advised = with_plan_advice(check, forskola)
    assert [p.message for p in advised.problems] == [
        "inga möten inlagda för 2027; regeln kräver minst 4; föreslå fler med uppdrag plan-meetings forskola 2027 --write"
    ]
    assert check.problems[0].message == "inga möten inlagda för 2027; regeln kräver minst 4"  # not changed in place


def test_a_past_year_says_it_has_been_and_gets_no_command(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    forskola = workspace.mission("forskola")
    check = check_year(forskola, 2025, None, school_calendar(workspace), TODAY)
    assert not check.plannable
    assert [p.message for p in with_plan_advice(check, forskola).problems] == [
        "inga möten inlagda för 2025; regeln kräver minst 4; 2025 har redan varit"
    ]


def test_only_the_findings_more_meetings_fix_get_the_command(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    forskola = workspace.mission("forskola")
    check = check_year(forskola, 2027, None, school_calendar(workspace), TODAY)
    other = Finding(Location("missions/forskola.yaml", 3, 1), Severity.WARNING, "spread", "sprid dem", "möten")
    check.problems.append(other)
    assert with_plan_advice(check, forskola).problems[1] == other


def test_a_folder_other_than_missions_is_named_and_quoted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MISSIONS, tmp_path / "mina uppdrag")
    forskola = open_valid_workspace(Path("mina uppdrag"), TODAY).mission("forskola")
    assert plan_command(forskola, 2027) == "uppdrag plan-meetings forskola 2027 --write -m 'mina uppdrag'"
