from __future__ import annotations

import datetime as dt

import pytest

from uppdrag.check.swedish_calendar import (
    DEFAULT_SCHOOL_BREAKS,
    bridge_days,
    days_off,
    school_break_days,
    swedish_weekday,
)
from uppdrag.models import SchoolBreak

D = dt.date


@pytest.mark.parametrize(
    "day, name",
    [
        (D(2024, 3, 29), "långfredagen"),
        (D(2025, 4, 18), "långfredagen"),
        (D(2026, 4, 3), "långfredagen"),
        (D(2024, 6, 21), "midsommarafton"),
        (D(2025, 6, 20), "midsommarafton"),
        (D(2026, 6, 19), "midsommarafton"),
        (D(2026, 12, 25), "juldagen"),
        (D(2027, 1, 1), "nyårsdagen"),
        (D(2024, 12, 24), "julafton"),
        (D(2024, 12, 31), "nyårsafton"),
        (D(2024, 5, 9), "kristi himmelsfärdsdag"),
        (D(2024, 6, 6), "nationaldagen"),
    ],
)
def test_days_off_in_swedish(day: dt.date, name: str) -> None:
    assert days_off(day.year)[day] == name


def test_names_do_not_follow_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    days_off.cache_clear()
    assert days_off(2025)[D(2025, 4, 18)] == "långfredagen"


def test_sundays_are_not_holidays() -> None:
    assert D(2024, 2, 4) not in days_off(2024)  # an ordinary Sunday


def test_weekdays() -> None:
    assert swedish_weekday(D(2026, 12, 25)) == "fredag"
    assert swedish_weekday(D(2024, 2, 5)) == "måndag"


def test_bridge_day_is_the_friday_after_ascension() -> None:
    assert bridge_days(2024) == {D(2024, 5, 10): "klämdag efter Kristi himmelsfärdsdag"}
    assert bridge_days(2026) == {D(2026, 5, 15): "klämdag efter Kristi himmelsfärdsdag"}


def test_default_school_breaks() -> None:
    days = school_break_days(2024, DEFAULT_SCHOOL_BREAKS)
    assert days[D(2024, 2, 19)] == days[D(2024, 2, 25)] == "sportlov"  # week 8
    assert D(2024, 2, 26) not in days
    assert days[D(2024, 10, 28)] == "höstlov"  # week 44
    assert days[D(2024, 1, 5)] == days[D(2024, 12, 27)] == "jullov"  # over new year both ways
    assert days[D(2024, 7, 15)] == "sommarlov"


def test_week_53_only_where_it_exists() -> None:
    breaks = [SchoolBreak(namn="extra", vecka=53)]
    assert school_break_days(2024, breaks) == {}
    # 2026 has an ISO week 53: Monday 28 December to Sunday 3 January, four days of it in 2026.
    assert sorted(school_break_days(2026, breaks)) == [D(2026, 12, d) for d in (28, 29, 30, 31)]
