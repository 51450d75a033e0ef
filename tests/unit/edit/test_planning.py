"""edit.planning: a year's proposal for a network, and writing it into the network's file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from uppdrag.check.validation import open_valid_workspace
from uppdrag.edit import planning
from uppdrag.edit.planning import plan_meetings, write_plan
from uppdrag.errors import EXIT_FINDINGS, EXIT_INTERNAL, PlanningError, UppdragError
from uppdrag.read.loading import Workspace

TODAY = dt.date(2026, 11, 22)
FORSKOLA_2027 = [dt.date(2027, 2, 5), dt.date(2027, 5, 14), dt.date(2027, 9, 17), dt.date(2027, 11, 19)]


def opened() -> Workspace:
    return open_valid_workspace(Path("missions"), TODAY)


def test_the_rule_gives_four_fridays_outside_the_school_breaks(shipped: Path) -> None:
    workspace = opened()
    plan = plan_meetings(workspace, workspace.mission("forskola"), 2027, None)
    assert (plan.wanted, plan.proposed, plan.existing) == (4, FORSKOLA_2027, [])
    assert {day.isoweekday() for day in plan.proposed} == {5}


def test_a_count_below_the_rule_minimum_still_gives_the_minimum(shipped: Path) -> None:
    workspace = opened()
    assert plan_meetings(workspace, workspace.mission("forskola"), 2027, 2).proposed == FORSKOLA_2027


def test_a_network_without_a_rule_needs_a_count(shipped: Path) -> None:
    workspace = opened()
    sarskola = workspace.mission("sarskola")
    assert plan_meetings(workspace, sarskola, 2027, 2).proposed == [dt.date(2027, 4, 1), dt.date(2027, 10, 15)]
    with pytest.raises(PlanningError) as caught:
        plan_meetings(workspace, sarskola, 2027, None)
    assert (caught.value.message, caught.value.exit_code) == (
        "sarskola har ingen regel för antal möten; ange --count",
        EXIT_FINDINGS,
    )


def test_write_plan_adds_the_dates_and_the_file_still_validates(shipped: Path) -> None:
    path = shipped / "missions" / "forskola.yaml"
    before = path.read_text(encoding="utf-8")
    workspace = opened()
    written = write_plan(workspace, workspace.mission("forskola"), 2027, None, TODAY)
    assert written.proposed == FORSKOLA_2027
    added = "  träffar:\n" + "".join(f"    - datum: {day.isoformat()}\n" for day in FORSKOLA_2027)
    assert path.read_text(encoding="utf-8") == before + added
    again = opened()
    assert plan_meetings(again, again.mission("forskola"), 2027, None).existing == FORSKOLA_2027


def test_a_year_with_enough_meetings_proposes_nothing(shipped: Path) -> None:
    workspace = opened()
    write_plan(workspace, workspace.mission("forskola"), 2027, None, TODAY)
    again = opened()
    plan = plan_meetings(again, again.mission("forskola"), 2027, None)
    assert (plan.existing, plan.proposed) == (FORSKOLA_2027, [])


def test_a_second_writer_with_a_stale_view_plans_again_under_the_lock(shipped: Path) -> None:
    """Two runs opened the file before either wrote: the second adds nothing, it loses nothing."""
    path = shipped / "missions" / "forskola.yaml"
    first, second = opened(), opened()
    write_plan(first, first.mission("forskola"), 2027, None, TODAY)
    after_first = path.read_text(encoding="utf-8")
    plan = write_plan(second, second.mission("forskola"), 2027, None, TODAY)
    assert (plan.existing, plan.proposed) == (FORSKOLA_2027, [])
    assert path.read_text(encoding="utf-8") == after_first


def test_a_result_that_would_not_validate_is_never_written(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = shipped / "missions" / "forskola.yaml"
    before = path.read_text(encoding="utf-8")
    monkeypatch.setattr(planning, "add_meetings", lambda *args: before.replace("id: forskola", "id: Förskola"))
    workspace = opened()
    with pytest.raises(UppdragError) as caught:
        write_plan(workspace, workspace.mission("forskola"), 2027, None, TODAY)
    assert (caught.value.message, caught.value.exit_code) == (
        "den ändrade filen missions/forskola.yaml skulle inte validera; inget skrevs",
        EXIT_INTERNAL,
    )
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []
