"""A year of meetings as readers look at it: every network's meetings, the days off and the school
breaks, month by month in ISO weeks, and each network's own list of the year's meetings.

Pure data: the year and "today" are arguments; nothing here judges a meeting against its rule
(that is check/meetings.py, shown only to the coordinator).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from uppdrag.check.swedish_calendar import SchoolCalendar, days_off, swedish_weekday
from uppdrag.models import KOMMUNER, Meeting, Mission, join_swedish
from uppdrag.swedish_dates import MONTHS


@dataclass(frozen=True)
class CalendarMeeting:
    """One meeting as a reader sees it."""

    network: str  # the network's id: its page is <network>.html
    name: str
    mark: int  # the network's number in the calendar's legend
    date: dt.date
    start: str | None
    end: str | None
    place: str | None
    minutes: str | None
    held: bool  # before today: it has taken place

    @property
    def weekday(self) -> str:
        return swedish_weekday(self.date)

    @property
    def time(self) -> str:
        """'09:00–12:00', '09:00', or '' for a meeting without a time."""
        if not self.start:
            return ""
        return f"{self.start}–{self.end}" if self.end else self.start


@dataclass(frozen=True)
class BreakMark:
    """A school break on one day: its name and, when not every municipality has it, which do."""

    name: str
    municipalities: tuple[str, ...]  # empty: every municipality

    @property
    def everywhere(self) -> bool:
        return not self.municipalities

    @property
    def text(self) -> str:
        """'sportlov', 'sportlov i Hjo', 'höstlov utom i Hjo' (the shorter way to say it)."""
        if self.everywhere:
            return self.name
        missing = _missing(self.municipalities)
        if missing:
            return f"{self.name} utom i {join_swedish(missing)}"
        return f"{self.name} i {join_swedish(list(self.municipalities))}"


def _missing(municipalities: tuple[str, ...]) -> list[str]:
    """The municipalities not among these, when naming them is the shorter way; else []."""
    missing = [k for k in KOMMUNER if k not in municipalities]
    return missing if len(missing) < len(municipalities) else []


@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    holiday: str | None  # 'långfredagen'
    breaks: tuple[BreakMark, ...]
    meetings: tuple[CalendarMeeting, ...]

    @property
    def weekend(self) -> bool:
        return self.date.weekday() >= 5

    @property
    def full_break(self) -> bool:
        return any(b.everywhere for b in self.breaks)

    @property
    def partial_break(self) -> bool:
        return bool(self.breaks) and not self.full_break

    @property
    def descriptions(self) -> tuple[str, ...]:
        """What the day holds, as text: its holiday, its breaks, its meetings."""
        texts = [self.holiday] if self.holiday else []
        texts += [b.text for b in self.breaks]
        texts += [f"möte: {m.name}" + (f" kl. {m.time}" if m.time else "") for m in self.meetings]
        return tuple(texts)


@dataclass(frozen=True)
class CalendarWeek:
    number: int  # ISO week number
    days: tuple[CalendarDay | None, ...]  # Monday to Sunday; None: a day of another month


@dataclass(frozen=True)
class CalendarMonth:
    number: int
    name: str  # 'januari'
    weeks: tuple[CalendarWeek, ...]


@dataclass(frozen=True)
class BreakPeriod:
    """One stretch of a school break in the year, for the list under the calendar."""

    name: str
    start: dt.date
    end: dt.date
    municipalities: tuple[str, ...]  # empty: every municipality

    @property
    def places(self) -> str:
        """'alla kommuner', 'Hjo', 'alla kommuner utom Hjo'."""
        if not self.municipalities:
            return "alla kommuner"
        missing = _missing(self.municipalities)
        return f"alla kommuner utom {join_swedish(missing)}" if missing else join_swedish(list(self.municipalities))


@dataclass(frozen=True)
class DayOff:
    date: dt.date
    name: str  # 'långfredagen'

    @property
    def weekday(self) -> str:
        return swedish_weekday(self.date)


@dataclass(frozen=True)
class NetworkMark:
    mark: int
    network: str
    name: str
    count: int  # its meetings in the year


@dataclass(frozen=True)
class YearCalendar:
    year: int
    months: tuple[CalendarMonth, ...]
    meetings: tuple[CalendarMeeting, ...]  # every network's, in date order
    networks: tuple[NetworkMark, ...]
    holidays: tuple[DayOff, ...]  # in date order
    breaks: tuple[BreakPeriod, ...]


PLANNING_FROM_MONTH = 10  # October: next year's meetings are being planned and sent out


def shown_year(missions: list[Mission], today: dt.date) -> int:
    """The year whose meetings the site shows when none is asked for: this year, until its
    meetings are over. From October, once every meeting entered for this year has been held,
    and in December in any case, the coming year, which the members then look ahead to. (In
    the autumn a year with no meeting entered stays: its review says the meetings are missing.)"""
    if today.month < PLANNING_FROM_MONTH:
        return today.year
    this_year = [
        meeting.date
        for mission in missions
        for meeting in (mission.meetings.meetings if mission.meetings else [])
        if meeting.date.year == today.year
    ]
    over = bool(this_year) and max(this_year) < today
    return today.year + 1 if over or today.month == 12 else today.year


def network_meetings(mission: Mission, year: int, today: dt.date, mark: int = 1) -> list[CalendarMeeting]:
    """The network's meetings dated in year, in date order."""
    meetings: list[Meeting] = mission.meetings.meetings if mission.meetings else []
    return [
        CalendarMeeting(mission.id, mission.name, mark, m.date, m.start, m.end, m.place, m.minutes, held=m.date < today)
        for m in sorted(meetings, key=lambda m: (m.date, m.start or ""))
        if m.date.year == year
    ]


def next_meeting(mission: Mission, today: dt.date) -> CalendarMeeting | None:
    """The network's first meeting from today on, whatever its year."""
    coming = [m for m in (mission.meetings.meetings if mission.meetings else []) if m.date >= today]
    if not coming:
        return None
    first = min(coming, key=lambda m: (m.date, m.start or ""))
    return CalendarMeeting(
        mission.id, mission.name, 1, first.date, first.start, first.end, first.place, first.minutes, held=False
    )


def _break_marks(school: SchoolCalendar, day: dt.date) -> tuple[BreakMark, ...]:
    """The breaks on day by name, each with the municipalities that have it."""
    by_name: dict[str, list[str]] = {}
    for municipality in KOMMUNER:
        description = school.break_days(municipality, day.year).get(day)
        if description:
            by_name.setdefault(description.split(" (")[0], []).append(municipality)
    return tuple(
        BreakMark(name, () if len(places) == len(KOMMUNER) else tuple(places)) for name, places in by_name.items()
    )


def _break_periods(days: dict[dt.date, tuple[BreakMark, ...]]) -> tuple[BreakPeriod, ...]:
    """Consecutive days with the same break and municipalities, joined into periods."""
    periods: list[BreakPeriod] = []
    open_: dict[tuple[str, tuple[str, ...]], BreakPeriod] = {}
    for day in sorted(days):
        seen = set()
        for mark in days[day]:
            key = (mark.name, mark.municipalities)
            seen.add(key)
            current = open_.get(key)
            if current and current.end == day - dt.timedelta(days=1):
                open_[key] = BreakPeriod(current.name, current.start, day, current.municipalities)
            else:
                if current:
                    periods.append(current)
                open_[key] = BreakPeriod(mark.name, day, day, mark.municipalities)
        for key in [k for k in open_ if k not in seen]:
            periods.append(open_.pop(key))
    periods += open_.values()
    return tuple(sorted(periods, key=lambda p: (p.start, p.name, len(p.municipalities) == 0)))


def year_calendar(missions: list[Mission], year: int, today: dt.date, school: SchoolCalendar) -> YearCalendar:
    """Twelve months of ISO weeks (Monday first) with every network's meetings, the days off
    and the school breaks; networks are numbered in id order for the legend."""
    ordered = sorted(missions, key=lambda m: m.id)
    networks, meetings = [], []
    for number, mission in enumerate(ordered, start=1):
        own = network_meetings(mission, year, today, number)
        networks.append(NetworkMark(number, mission.id, mission.name, len(own)))
        meetings += own
    meetings.sort(key=lambda m: (m.date, m.start or "", m.mark))
    by_day: dict[dt.date, list[CalendarMeeting]] = {}
    for meeting in meetings:
        by_day.setdefault(meeting.date, []).append(meeting)
    off = days_off(year)
    breaks = {}
    months = []
    weeks_of = calendar.Calendar(firstweekday=0)
    for month in range(1, 13):
        weeks = []
        for week in weeks_of.monthdatescalendar(year, month):
            days: list[CalendarDay | None] = []
            for day in week:
                if day.month != month:
                    days.append(None)
                    continue
                marks = _break_marks(school, day)
                if marks:
                    breaks[day] = marks
                days.append(CalendarDay(day, off.get(day), marks, tuple(by_day.get(day, ()))))
            weeks.append(CalendarWeek(week[0].isocalendar().week, tuple(days)))
        months.append(CalendarMonth(month, MONTHS[month - 1], tuple(weeks)))
    holidays = tuple(DayOff(day, name) for day, name in sorted(off.items()))
    return YearCalendar(year, tuple(months), tuple(meetings), tuple(networks), holidays, _break_periods(breaks))
