"""check.meeting_plan: why a plan cannot be made, and a year outside the mission's period."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from uppdrag.check.meeting_plan import TooFewDays, outside_period, plan_year
from uppdrag.check.meetings import school_calendar
from uppdrag.check.validation import open_valid_workspace

TODAY = dt.date(2026, 11, 22)


def test_too_few_days_says_it_twice_the_same() -> None:
    short = TooFewDays("höstterminen 2026", 2, 3, dt.date(2026, 12, 5))
    assert short.message == "bara 2 möjliga dagar höstterminen 2026 efter 2026-12-05; kan inte planera 3 möten"
    assert short.reason == "för få möjliga dagar kvar höstterminen 2026 (2 för 3 möten)"
    assert TooFewDays("2027", 1, 4, None).reason == "för få möjliga dagar 2027 (1 för 4 möten)"
    again = pickle.loads(pickle.dumps(short))  # noqa: S301  # our own bytes: how a worker process sends it back
    assert (type(again), again.message, again.reason) == (TooFewDays, short.message, short.reason)


def test_plan_year_raises_too_few_days_in_december(shipped: Path) -> None:
    december = dt.date(2026, 12, 5)
    workspace = open_valid_workspace(Path("missions"), december)
    with pytest.raises(TooFewDays) as raised:
        plan_year(workspace.mission("forskola"), 2026, None, school_calendar(workspace), december)
    assert raised.value.reason == "för få möjliga dagar kvar 2026 (2 för 4 möten)"


@pytest.mark.parametrize(
    "network, year, remark",
    [
        ("forskola", 2026, None),
        ("forskola", 2023, None),
        ("forskola", 2027, "2027 ligger utanför uppdragsperioden 2023–2026 i missions/forskola.yaml; mötena planeras ändå"),
        ("grundskola", 2027, None),
        ("grundskola", 2026, "2026 ligger utanför uppdragsperioden kommande år (2027) i missions/grundskola.yaml; "
         "mötena planeras ändå"),
    ],
)  # fmt: skip
def test_a_year_outside_the_period_is_remarked(shipped: Path, network: str, year: int, remark: str | None) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    assert outside_period(workspace.mission(network), year, TODAY) == remark
