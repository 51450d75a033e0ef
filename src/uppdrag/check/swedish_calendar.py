"""The Swedish calendar as Skaraborg's schools live it: days off, klämdagar, eves and school breaks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from uppdrag.errors import CalendarError
from uppdrag.models import KOMMUNER, VECKODAGAR, SchoolBreak, SchoolYear, SharedFile, join_swedish
from uppdrag.swedish_dates import day_and_month

# Used when the workspace's `_` files say nothing about school breaks; missions/_lov.yaml ships
# the same values with their sources. Sportlov is week 7 in Skaraborg (Grästorp, Töreboda and
# Skövde publish week 7; week 8 is the Stockholm pattern); påsklov is Monday–Friday of the week
# that ends on Easter Sunday (Grästorp and Töreboda 2025: 14–18 April; Grästorp 2026: 30 March–
# 3 April).
DEFAULT_SCHOOL_BREAKS = (
    SchoolBreak(name="sportlov", week=7),
    SchoolBreak(name="påsklov", easter="veckan före påsk"),
    SchoolBreak(name="höstlov", week=44),
    SchoolBreak(name="jullov", start="12-22", end="01-07"),
    SchoolBreak(name="sommarlov", start="06-12", end="08-17"),
)

# Eves that many workplaces shorten (holidays' "bank" category: "från kl. 14.00"), by the
# name holidays gives them. Midsommarafton, julafton and nyårsafton are days off instead.
_EVES = {
    "Trettondagsafton": "trettondagsafton",
    "Skärtorsdagen": "skärtorsdag",
    "Valborgsmässoafton": "valborgsmässoafton",
    "Dag före Kristi himmelsfärdsdag": "dagen före Kristi himmelsfärdsdag",
    "Allahelgonsafton": "allhelgonaafton",
}


def swedish_weekday(day: dt.date) -> str:
    return VECKODAGAR[day.weekday()]


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


@lru_cache(maxsize=1)
def supported_years() -> tuple[int, int]:
    """The first and last year the holidays package knows Sweden's days off for."""
    import holidays  # its lazy loader: `holidays.countries` would import every country

    sweden = holidays.Sweden  # type: ignore[attr-defined]  # holidays loads its countries lazily (module __getattr__)
    return sweden.start_year, sweden.end_year


def is_supported(year: int) -> bool:
    first, last = supported_years()
    return first <= year <= last


def unsupported_message(year: int) -> str:
    first, last = supported_years()
    return (
        f"kalendern känner Sveriges helgdagar bara för åren {first}–{last} (paketet holidays); "
        f"{year} kan inte granskas eller planeras"
    )


def require_supported(year: int) -> None:
    if not is_supported(year):
        raise CalendarError(unsupported_message(year))


def _sweden(year: int, *categories: str) -> dict[dt.date, str]:
    import holidays

    require_supported(year)
    calendar = holidays.Sweden(  # type: ignore[attr-defined]  # holidays loads its countries lazily (module __getattr__)
        years=year,
        language="sv",  # never the locale: under C.UTF-8 the names would come out in English
        categories=categories,
        include_sundays=False,
    )
    return dict(sorted(calendar.items()))


def _lower_name(name: str) -> str:
    # "Kristi" is a name and keeps its capital; the rest are common nouns ("långfredagen").
    return name if name.startswith("Kristi") else name[:1].lower() + name[1:]


@lru_cache(maxsize=64)
def days_off(year: int) -> dict[dt.date, str]:
    """Public holidays and de facto days off (midsommarafton, julafton, nyårsafton), by their
    Swedish names ('långfredagen'). Sundays are not listed as holidays here."""
    return {day: _lower_name(name) for day, name in _sweden(year, "public", "de_facto").items()}


@lru_cache(maxsize=64)
def eves(year: int) -> dict[dt.date, str]:
    """Weekdays before a holiday that many workplaces shorten: trettondagsafton, skärtorsdag,
    valborgsmässoafton, the day before Kristi himmelsfärd, allhelgonaafton."""
    found = {}
    for day, name in _sweden(year, "bank").items():
        short = next((ours for theirs, ours in _EVES.items() if name.startswith(theirs)), None)
        if short and not is_weekend(day) and day not in days_off(year):
            found[day] = short
    return found


@lru_cache(maxsize=64)
def bridge_days(year: int) -> dict[dt.date, str]:
    """Klämdagar: a weekday squeezed between a day off and a weekend (the Friday after a
    Thursday holiday, the Monday before a Tuesday one), and the weekdays between jul and nyår."""
    off = days_off(year)
    found = {}
    day = dt.date(year, 1, 2)  # 1 January is always a day off
    while day < dt.date(year, 12, 31):  # and so is 31 December
        if not is_weekend(day) and day not in off:
            before, after = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
            if day.month == 12 and 27 <= day.day <= 30:
                found[day] = "klämdag mellan jul och nyår"
            elif before in off and not is_weekend(before) and (is_weekend(after) or after in off):
                found[day] = f"klämdag efter {off[before]}"
            elif after in off and not is_weekend(after) and (is_weekend(before) or before in off):
                found[day] = f"klämdag före {off[after]}"
        day += dt.timedelta(days=1)
    return found


def easter_sunday(year: int) -> dt.date:
    from dateutil.easter import easter

    return easter(year)


@dataclass(frozen=True)
class BreakSpan:
    """One stretch of days off school, as shown to people: 'sportlov (vecka 7)'."""

    name: str
    start: dt.date
    end: dt.date
    single_day: bool = False

    @property
    def description(self) -> str:
        if self.single_day:
            return self.name
        week = self.start.isocalendar()
        if week[:2] == self.end.isocalendar()[:2]:
            return f"{self.name} (vecka {week[1]})"
        return f"{self.name} ({day_and_month(self.start)}–{day_and_month(self.end)})"

    def days(self) -> Iterable[dt.date]:
        day = self.start
        while day <= self.end:
            yield day
            day += dt.timedelta(days=1)


def school_year_of(day: dt.date) -> int:
    """The first calendar year of the school year a day belongs to (1 July–30 June)."""
    return day.year if day.month >= 7 else day.year - 1


def _date_in(year: int, month_day: str) -> dt.date:
    month, day = (int(part) for part in month_day.split("-"))
    if (month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = 28  # 29 February in a year that has none: the last day of February
    return dt.date(year, month, day)


def _pattern_spans(school_break: SchoolBreak, year: int) -> list[BreakSpan]:
    """The break's spans that start in year."""
    name = school_break.name
    if school_break.week is not None:
        try:
            monday = dt.date.fromisocalendar(year, school_break.week, 1)
        except ValueError:  # week 53 in a year that has 52
            return []
        return [BreakSpan(name, monday, monday + dt.timedelta(days=6))]
    if school_break.easter is not None:
        sunday = easter_sunday(year)
        # The week that ends on Easter Sunday, or the one that starts with annandag påsk.
        monday = (
            sunday - dt.timedelta(days=6)
            if school_break.easter == "veckan före påsk"
            else sunday + dt.timedelta(days=1)
        )
        return [BreakSpan(name, monday, monday + dt.timedelta(days=4))]
    # Neither a week nor Easter: the model's validator guarantees both dates.
    assert school_break.start is not None and school_break.end is not None
    start = _date_in(year, school_break.start)
    end = _date_in(year, school_break.end)
    if end < start:  # runs over new year (jullov)
        end = _date_in(year + 1, school_break.end)
    return [BreakSpan(name, start, end)]


class SchoolCalendar:
    """School breaks per municipality: the yearly pattern, each municipality's own pattern
    (`kommun:` on a break), and exact dates per school year, which win over the pattern."""

    def __init__(
        self,
        breaks: Sequence[SchoolBreak] = DEFAULT_SCHOOL_BREAKS,
        years: Sequence[SchoolYear] = (),
        municipalities: Sequence[str] = KOMMUNER,
    ):
        self.breaks = tuple(breaks)
        self.years = tuple(years)
        self.municipalities = tuple(municipalities)  # the organisation's: whose breaks count
        self._cache: dict[tuple[str, int], dict[dt.date, str]] = {}

    @classmethod
    def from_shared(
        cls, shared_files: Iterable[SharedFile], municipalities: Sequence[str] = KOMMUNER
    ) -> SchoolCalendar:
        """The first `lov:` found (or the defaults) and every `läsår:` of the workspace's `_`
        files, for the organisation's municipalities."""
        breaks: Sequence[SchoolBreak] | None = None
        years: list[SchoolYear] = []
        for shared in shared_files:
            if breaks is None and shared.school_breaks is not None:
                breaks = shared.school_breaks
            years += shared.school_years
        return cls(DEFAULT_SCHOOL_BREAKS if breaks is None else breaks, years, municipalities)

    def _pattern(self, municipality: str) -> list[SchoolBreak]:
        chosen: dict[str, SchoolBreak] = {b.name: b for b in self.breaks if not b.municipalities}
        chosen.update({b.name: b for b in self.breaks if municipality in b.municipalities})
        return list(chosen.values())

    def _school_years(self, municipality: str) -> list[SchoolYear]:
        # The municipality's own entries last, so that their breaks win over the common ones.
        common = [y for y in self.years if not y.municipalities]
        own = [y for y in self.years if municipality in y.municipalities]
        return common + own

    def spans(self, municipality: str, year: int) -> list[BreakSpan]:
        """The municipality's breaks and lovdagar that touch year."""
        dated: dict[tuple[int, str], BreakSpan] = {}
        extra: list[BreakSpan] = []
        for school_year in self._school_years(municipality):
            first = int(school_year.school_year[:4])
            for dated_break in school_year.breaks:
                dated[(first, dated_break.name)] = BreakSpan(dated_break.name, dated_break.start, dated_break.end)
            extra += [BreakSpan(d.name, d.date, d.date, single_day=True) for d in school_year.extra_days]
        found = list(dated.values()) + extra
        for school_break in self._pattern(municipality):
            for start_year in (year - 1, year, year + 1):
                for span in _pattern_spans(school_break, start_year):
                    if (school_year_of(span.start), span.name) not in dated:
                        found.append(span)
        return [s for s in found if s.start.year <= year <= s.end.year]

    def break_days(self, municipality: str, year: int) -> dict[dt.date, str]:
        """Every day of year that is off school in the municipality, described."""
        key = (municipality, year)
        if key not in self._cache:
            days: dict[dt.date, str] = {}
            # Single days first, so that a studiedag inside a break is still named as itself.
            for span in sorted(self.spans(municipality, year), key=lambda s: not s.single_day):
                for day in span.days():
                    if day.year == year:
                        days.setdefault(day, span.description)
            self._cache[key] = days
        return self._cache[key]

    def breaks_on(self, day: dt.date, municipalities: Iterable[str] | None = None) -> dict[str, str]:
        """Municipality -> the break it has on day, for those of municipalities (None: the
        organisation's) that have one."""
        municipalities = self.municipalities if municipalities is None else municipalities
        found = {}
        for municipality in municipalities:
            description = self.break_days(municipality, day.year).get(day)
            if description:
                found[municipality] = description
        return found


def describe_breaks(on: dict[str, str], everywhere: bool) -> str:
    """'sportlov (vecka 7)' when every municipality has the same; otherwise each with its municipalities."""
    groups: dict[str, list[str]] = {}
    for municipality, description in on.items():
        groups.setdefault(description, []).append(municipality)
    if everywhere and len(groups) == 1:
        return next(iter(groups))
    return "; ".join(f"{description} i {join_swedish(names)}" for description, names in groups.items())
