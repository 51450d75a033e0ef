"""output.plan_advice: the plan-meetings command beside too few meetings, as the user types it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MISSION, MISSIONS, write_tree
from uppdrag.check.meetings import check_year, school_calendar
from uppdrag.check.validation import open_valid_workspace, open_workspace
from uppdrag.findings import Finding, Location, Severity
from uppdrag.output.plan_advice import plan_advice, plan_command, with_plan_advice

TODAY = dt.date(2026, 11, 22)


def test_a_year_to_come_gets_the_command_that_plans_it(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    forskola = workspace.mission("forskola")
    check = check_year(forskola, 2027, None, school_calendar(workspace), TODAY)
    assert [p.message for p in check.problems] == ["inga möten inlagda för 2027; regeln kräver minst 4"]
    advised = with_plan_advice(check, forskola, school_calendar(workspace), TODAY)
    assert [p.message for p in advised.problems] == [
        "inga möten inlagda för 2027; regeln kräver minst 4; föreslå fler med uppdrag plan-meetings forskola 2027 --write"
    ]
    assert check.problems[0].message == "inga möten inlagda för 2027; regeln kräver minst 4"  # not changed in place


def test_a_past_year_says_it_has_been_and_gets_no_command(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    forskola = workspace.mission("forskola")
    check = check_year(forskola, 2025, None, school_calendar(workspace), TODAY)
    assert not check.plannable
    assert [p.message for p in with_plan_advice(check, forskola, school_calendar(workspace), TODAY).problems] == [
        "inga möten inlagda för 2025; regeln kräver minst 4; 2025 har redan varit"
    ]


def test_only_the_findings_more_meetings_fix_get_the_command(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    forskola = workspace.mission("forskola")
    check = check_year(forskola, 2027, None, school_calendar(workspace), TODAY)
    other = Finding(Location("missions/forskola.yaml", 3, 1), Severity.WARNING, "spread", "sprid dem", "möten")
    check.problems.append(other)
    assert with_plan_advice(check, forskola, school_calendar(workspace), TODAY).problems[1] == other


def test_a_folder_other_than_missions_is_named_and_quoted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MISSIONS, tmp_path / "mina uppdrag")
    forskola = open_valid_workspace(Path("mina uppdrag"), TODAY).mission("forskola")
    assert plan_command(forskola, 2027) == "uppdrag plan-meetings forskola 2027 --write -m 'mina uppdrag'"


def test_a_year_with_too_few_days_left_says_so_instead_of_the_command(shipped: Path) -> None:
    december = dt.date(2026, 12, 5)
    workspace = open_valid_workspace(Path("missions"), december)
    forskola, school = workspace.mission("forskola"), school_calendar(workspace)
    check = with_plan_advice(check_year(forskola, 2026, None, school, december), forskola, school, december)
    assert [p.message for p in check.problems] == [
        "inga möten inlagda för 2026; regeln kräver minst 4; för få möjliga dagar kvar 2026 (2 för 4 möten)"
    ]
    assert plan_advice(forskola, 2027, school, december) == "föreslå fler med uppdrag plan-meetings forskola 2027 --write"


def test_a_rule_of_weekends_only_says_why_no_plan_can_be_made(workspace: Path) -> None:
    text = MINIMAL_MISSION.format(id="n") + "möten:\n  minst_per_år: 2\n  veckodagar: [lördag]\n"
    write_tree(workspace, {"missions/n.yaml": text})
    opened, _ = open_workspace(Path("missions"), TODAY)
    loaded = opened.mission("n")
    assert plan_advice(loaded, 2027, school_calendar(opened), TODAY) == (
        "plan-meetings kan inte planera dem: n: regeln säger bara möten på helger; möten planeras på vardagar"
    )
