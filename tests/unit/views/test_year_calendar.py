"""views.year_calendar: twelve months of ISO weeks with the meetings, days off and school breaks."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from tests.support.planned import TODAY, plan_2026
from uppdrag.check.meetings import school_calendar
from uppdrag.check.validation import open_workspace
from uppdrag.models import KOMMUNER
from uppdrag.views.year_calendar import (
    BreakPeriod,
    CalendarDay,
    network_meetings,
    next_meeting,
    shown_year,
    year_calendar,
)

D = dt.date


@pytest.fixture
def planned(shipped: Path):
    plan_2026(Path("missions"))
    workspace, result = open_workspace(Path("missions"), TODAY)
    assert result.errors == 0
    return workspace


@pytest.fixture
def calendar(planned):
    return year_calendar([m.mission for m in planned.missions], 2026, TODAY, school_calendar(planned))


def _days(calendar) -> dict[dt.date, CalendarDay]:
    return {d.date: d for m in calendar.months for w in m.weeks for d in w.days if d is not None}


def test_twelve_months_of_iso_weeks_monday_first(calendar) -> None:
    assert [m.name for m in calendar.months][:3] == ["januari", "februari", "mars"]
    assert len(calendar.months) == 12
    for month in calendar.months:
        shown = [d.date for w in month.weeks for d in w.days if d is not None]
        first = D(2026, month.number, 1)
        assert shown[0] == first and all(b - a == dt.timedelta(days=1) for a, b in itertools.pairwise(shown))
        assert shown[-1].month == month.number and (shown[-1] + dt.timedelta(days=1)).month != month.number
        for week in month.weeks:
            assert len(week.days) == 7
            for column, day in enumerate(week.days):
                if day is not None:
                    assert day.date.weekday() == column  # Monday first
                    assert day.date.isocalendar().week == week.number
    january, december = calendar.months[0], calendar.months[11]
    assert [w.number for w in january.weeks] == [1, 2, 3, 4, 5]
    assert january.weeks[0].days[:3] == (None, None, None)  # 1 January 2026 is a Thursday
    assert [w.number for w in december.weeks] == [49, 50, 51, 52, 53]  # 2026 has 53 ISO weeks
    assert [w.number for w in calendar.months[2].weeks] == [9, 10, 11, 12, 13, 14]


def test_meetings_on_their_days_numbered_by_network(calendar) -> None:
    assert [(n.mark, n.network, n.count) for n in calendar.networks] == [
        (1, "forskola", 4), (2, "grundskola", 4), (3, "ka", 5), (4, "sarskola", 0), (5, "skis", 4),
    ]  # fmt: skip
    day = _days(calendar)[D(2026, 2, 6)]
    assert [(m.mark, m.network, m.time) for m in day.meetings] == [(1, "forskola", ""), (5, "skis", "09:00–12:00")]
    assert day.descriptions == ("möte: Förskola", "möte: Skolutveckling i Skaraborg, SKIS kl. 09:00–12:00")
    assert len(calendar.meetings) == 17  # 2027's meeting is not in 2026
    assert [m.date for m in calendar.meetings] == sorted(m.date for m in calendar.meetings)


def test_days_off_and_breaks_as_text(calendar) -> None:
    days = _days(calendar)
    good_friday = days[D(2026, 4, 3)]
    assert (good_friday.holiday, good_friday.full_break) == ("långfredagen", True)
    assert good_friday.descriptions == ("långfredagen", "påsklov")
    assert days[D(2026, 2, 9)].descriptions == ("sportlov utom i Hjo",)
    assert days[D(2026, 2, 9)].partial_break and not days[D(2026, 2, 9)].full_break
    assert days[D(2026, 2, 16)].descriptions == ("sportlov i Hjo",)
    assert days[D(2026, 10, 26)].descriptions == ("höstlov",) and days[D(2026, 10, 26)].full_break
    assert days[D(2026, 6, 19)].descriptions == ("midsommarafton", "sommarlov")
    assert days[D(2026, 3, 10)].descriptions == () and not days[D(2026, 3, 10)].breaks
    assert (D(2026, 12, 25), "juldagen") in [(d.date, d.name) for d in calendar.holidays]
    assert calendar.holidays[0].weekday == "torsdag"  # nyårsdagen


def test_break_periods_with_their_municipalities(calendar) -> None:
    others = tuple(k for k in KOMMUNER if k != "Hjo")
    assert calendar.breaks[:4] == (
        BreakPeriod("jullov", D(2026, 1, 1), D(2026, 1, 7), ()),
        BreakPeriod("sportlov", D(2026, 2, 9), D(2026, 2, 15), others),
        BreakPeriod("sportlov", D(2026, 2, 16), D(2026, 2, 22), ("Hjo",)),
        BreakPeriod("påsklov", D(2026, 3, 30), D(2026, 4, 3), ()),
    )
    assert calendar.breaks[-1] == BreakPeriod("jullov", D(2026, 12, 22), D(2026, 12, 31), ())


def test_a_networks_meetings_of_the_year_held_or_planned(planned) -> None:
    skis = planned.mission("skis").mission
    meetings = network_meetings(skis, 2026, TODAY)
    assert [(m.weekday, m.date, m.time, m.place, m.held) for m in meetings] == [
        ("fredag", D(2026, 2, 6), "09:00–12:00", "Skövde, Kommunalförbundet", True),
        ("fredag", D(2026, 4, 24), "13:00", "Teams", True),
        ("fredag", D(2026, 9, 18), "", None, False),
        ("fredag", D(2026, 11, 20), "", None, False),
    ]
    assert meetings[0].minutes == "https://utbildningskaraborg.se/skis/2026-02-06"
    assert network_meetings(planned.mission("sarskola").mission, 2026, TODAY) == []
    assert [m.date for m in network_meetings(planned.mission("forskola").mission, 2027, TODAY)] == [D(2027, 2, 5)]


def test_break_periods_name_the_shorter_list_of_municipalities(calendar) -> None:
    assert [p.places for p in calendar.breaks[:4]] == [
        "alla kommuner", "alla kommuner utom Hjo", "Hjo", "alla kommuner",
    ]  # fmt: skip


def test_the_next_meeting_from_today_in_any_year(planned) -> None:
    skis = planned.mission("skis").mission
    assert next_meeting(skis, D(2026, 4, 24)).time == "13:00"  # today's meeting is still to come
    assert next_meeting(skis, D(2026, 4, 25)).date == D(2026, 9, 18)
    assert next_meeting(skis, D(2026, 11, 21)) is None
    assert next_meeting(planned.mission("forskola").mission, D(2026, 11, 21)).date == D(2027, 2, 5)
    assert next_meeting(planned.mission("sarskola").mission, TODAY) is None


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (D(2026, 9, 30), 2026),  # before October: this year, whatever is left of it
        (D(2026, 10, 1), 2026),  # skis still meets on 20 November
        (D(2026, 11, 20), 2026),  # the year's last meeting is today
        (D(2026, 11, 21), 2027),  # all of this year's meetings held: the coming year
        (D(2026, 12, 5), 2027),
    ],
)
def test_the_year_shown_turns_to_the_coming_one_after_the_last_meeting_in_autumn(
    planned, today: dt.date, year: int
) -> None:
    assert shown_year([m.mission for m in planned.missions], today) == year


def test_without_meetings_this_year_the_coming_year_is_shown_in_december() -> None:
    shown = [shown_year([], day) for day in (D(2026, 9, 30), D(2026, 11, 30), D(2026, 12, 1), D(2027, 1, 1))]
    assert shown == [2026, 2026, 2027, 2027]
