"""The Swedish calendar as meeting rules see it: weekdays, days off, klämdagar, school breaks."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

from uppdrag.errors import UsageError
from uppdrag.models import VECKODAGAR, SchoolBreak

# Used when the workspace's `_` files say nothing about school breaks. Weeks and dates differ
# by municipality and year; a workspace sets its own with `lov:` in a `_` file.
DEFAULT_SCHOOL_BREAKS = (
    SchoolBreak(namn="sportlov", vecka=8),
    SchoolBreak(namn="höstlov", vecka=44),
    SchoolBreak(namn="jullov", från="12-22", till="01-07"),
    SchoolBreak(namn="sommarlov", från="06-12", till="08-17"),
)


def swedish_weekday(day: dt.date) -> str:
    return VECKODAGAR[day.weekday()]


@lru_cache(maxsize=64)
def days_off(year: int) -> dict[dt.date, str]:
    """Public holidays and de facto days off (midsommarafton, julafton, nyårsafton), by their
    Swedish names in lower case ('långfredagen'). Sundays are not listed as holidays here."""
    first, last = holidays.Sweden.start_year, holidays.Sweden.end_year
    if not first <= year <= last:  # outside its data the library returns no holidays at all
        raise UsageError(
            f"de svenska helgdagarna finns bara för åren {first}–{last} (biblioteket holidays); "
            f"{year} ligger utanför, så möten det året kan inte kontrolleras eller planeras"
        )
    calendar = holidays.Sweden(
        years=year,
        language="sv",  # never the locale: under C.UTF-8 the names would come out in English
        categories=(holidays.PUBLIC, holidays.DE_FACTO),
        include_sundays=False,
    )
    return {day: name[:1].lower() + name[1:] for day, name in sorted(calendar.items())}


@lru_cache(maxsize=64)
def bridge_days(year: int) -> dict[dt.date, str]:
    """Klämdagar: the Friday after Kristi himmelsfärdsdag."""
    ascension = next(day for day, name in days_off(year).items() if name.startswith("kristi himmelsfärd"))
    return {ascension + dt.timedelta(days=1): "klämdag efter Kristi himmelsfärdsdag"}


def _month_day(year: int, text: str) -> dt.date:
    month, day = (int(part) for part in text.split("-"))
    return dt.date(year, month, day)


def school_break_days(year: int, breaks: tuple[SchoolBreak, ...] | list[SchoolBreak]) -> dict[dt.date, str]:
    """Every day of year that falls in a school break, with the break's name."""
    days: dict[dt.date, str] = {}
    for school_break in breaks:
        spans: list[tuple[dt.date, dt.date]] = []
        if school_break.week is not None:
            try:
                monday = dt.date.fromisocalendar(year, school_break.week, 1)
            except ValueError:  # week 53 in a year that has 52
                continue
            spans.append((monday, monday + dt.timedelta(days=6)))
        else:
            for start_year in (year - 1, year):  # a break may run over new year (jullov)
                start = _month_day(start_year, school_break.start)  # type: ignore[arg-type]
                end = _month_day(start_year, school_break.end)  # type: ignore[arg-type]
                if end < start:
                    end = _month_day(start_year + 1, school_break.end)  # type: ignore[arg-type]
                spans.append((start, end))
        for start, end in spans:
            day = start
            while day <= end:
                if day.year == year:
                    days.setdefault(day, school_break.name)
                day += dt.timedelta(days=1)
    return days
