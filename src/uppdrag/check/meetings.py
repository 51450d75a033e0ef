"""Meeting rules against the school calendar: judging entered meetings and checking a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from uppdrag.check.swedish_calendar import (
    SchoolCalendar,
    bridge_days,
    days_off,
    describe_breaks,
    eves,
    is_supported,
    is_weekend,
    require_supported,
    swedish_weekday,
    unsupported_message,
)
from uppdrag.findings import Finding, Location, Severity, format_key_path
from uppdrag.models import VECKODAGAR, Meeting, MeetingRule, Mission, Veckodag, join_swedish, weekday_plural
from uppdrag.read.loading import LoadedMission, Workspace

# What `validate` reports of entered meetings: what is wrong whatever the year's rule says.
# A meeting on a weekday the rule does not name is a warning in validate (the rule may just have
# changed, e.g. in an imported Word file) and an error in check-meetings.
VALIDATE_KINDS = frozenset({"duplicate", "weekend", "holiday", "school_break", "weekday"})
TERMS = (("vårterminen", "januari–juni", 1, 6), ("höstterminen", "augusti–december", 8, 12))
WORKING_DAYS = VECKODAGAR[:5]
# The findings that more meetings fix: the ones plan-meetings is suggested for.
TOO_FEW_CODES = frozenset({"too_few", "too_few_term", "too_few_school_year"})


def school_calendar(workspace: Workspace) -> SchoolCalendar:
    """The school calendar the workspace's `_` files describe (or the defaults)."""
    shared_files = (loaded.shared for loaded in workspace.shared)
    return SchoolCalendar.from_shared(shared_files, workspace.organisation.municipalities)


def _shown(day: dt.date) -> str:
    return f"{day} ({swedish_weekday(day)})"


@dataclass
class DayJudge:
    """One network's view of days: its weekday rule and the school calendar."""

    calendar: SchoolCalendar
    rule_weekdays: tuple[str, ...] = ()
    preferred: bool = False  # the weekdays are a preference ("företrädesvis"): another day warns

    @property
    def allowed(self) -> tuple[str, ...]:
        """The rule's working days; any working day if it names none (or only weekend days,
        which are never good: then a suggestion is at least a working day)."""
        return tuple(d for d in self.rule_weekdays if d in WORKING_DAYS) or WORKING_DAYS

    def reasons(self, day: dt.date, participants: tuple[str, ...] | None = None) -> list[tuple[str, Severity, str]]:
        """Everything the calendar has against day, the weightiest first; participants: the
        municipalities at the meeting (None: all of the organisation's)."""
        participants = self.calendar.municipalities if participants is None else participants
        found: list[tuple[str, Severity, str]] = []
        weekday = swedish_weekday(day)
        if is_weekend(day):
            found.append(("weekend", Severity.ERROR, f"{day} är en {weekday}; möten hålls inte på helger"))
        holiday = days_off(day.year).get(day)
        if holiday:
            found.append(("holiday", Severity.ERROR, f"{_shown(day)} är {holiday}, en ledig dag"))
        on_break = self.calendar.breaks_on(day, participants)
        everywhere = len(on_break) == len(participants)
        if on_break and everywhere:
            found.append(("school_break", Severity.ERROR, f"{_shown(day)} är {describe_breaks(on_break, True)}"))
        if self.rule_weekdays and weekday not in self.allowed:  # a weekend day is one error, not two
            rule = join_swedish([weekday_plural(d) for d in self.rule_weekdays], "eller")
            if self.preferred:
                found.append(
                    ("weekday", Severity.WARNING, f"{day} är en {weekday}; regeln säger helst möten på {rule}")
                )
            else:
                found.append(("weekday", Severity.ERROR, f"{day} är en {weekday}; regeln säger möten på {rule}"))
        if on_break and not everywhere:
            found.append(("school_break", Severity.WARNING, f"{_shown(day)} är {describe_breaks(on_break, False)}"))
        bridge = bridge_days(day.year).get(day)
        if bridge:
            found.append(("bridge_day", Severity.WARNING, f"{_shown(day)} är en {bridge}; många är lediga"))
        eve = eves(day.year).get(day)
        if eve:
            found.append(("eve", Severity.WARNING, f"{_shown(day)} är {eve}; många arbetsplatser slutar tidigare"))
        return found

    def is_good(self, day: dt.date, taken: set[dt.date], participants: tuple[str, ...] | None = None) -> bool:
        """A day nobody would complain about: the rule's weekday, no day off, break, klämdag or eve."""
        if day in taken or swedish_weekday(day) not in self.allowed or not is_supported(day.year):
            return False
        return not self.reasons(day, participants)

    def nearest_good(
        self, day: dt.date, taken: set[dt.date], participants: tuple[str, ...], forward_only: bool
    ) -> dt.date | None:
        """The closest good day in the same year (a tie goes to the later one): a meeting moved
        into another year would no longer count for this one. With forward_only, a later day if
        the year has one left, else the closest earlier one."""
        for distance in range(1, 366):
            after = day + dt.timedelta(days=distance)
            before = day - dt.timedelta(days=distance)
            if after.year == day.year and self.is_good(after, taken, participants):
                return after
            if not forward_only and before.year == day.year and self.is_good(before, taken, participants):
                return before
        return self.nearest_good(day, taken, participants, forward_only=False) if forward_only else None

    def next_step(self, kind: str, day: dt.date, taken: set[dt.date], participants: tuple[str, ...]) -> str:
        """What to do about an error of kind on day, to append to its message."""
        if kind == "duplicate":
            return "; ta bort det ena"
        if kind == "weekday":
            good = self.nearest_good(day, taken, participants, forward_only=False)
        else:
            # A break or a day off: the same week or the next, as a coordinator would move it;
            # failing that (a long break), the first good day after.
            # Never into another year, where the meeting would no longer count for this one.
            monday = day - dt.timedelta(days=day.weekday())
            two_weeks = [monday + dt.timedelta(days=i) for i in range(14)]
            near = [d for d in two_weeks if d != day and d.year == day.year and self.is_good(d, taken, participants)]
            if near:
                good = min(near, key=lambda d: (abs((d - day).days), d < day))
            else:
                good = self.nearest_good(day, taken, participants, forward_only=True)
        return f"; närmaste bra dag: {_shown(good)}" if good else ""


def judge_meeting(
    meeting: Meeting,
    judge: DayJudge,
    earlier: set[dt.date],
    taken: set[dt.date],
    kinds: frozenset[str] | None = None,
) -> tuple[str, Severity, str] | None:
    """The one weightiest problem of a meeting's date (of kinds, if given), with what to do next."""
    day = meeting.date
    participants = tuple(meeting.present) or judge.calendar.municipalities
    found = [("duplicate", Severity.ERROR, f"{_shown(day)} finns redan bland mötena")] if day in earlier else []
    found += judge.reasons(day, participants)
    found = [f for f in found if kinds is None or f[0] in kinds]
    if not found:
        return None
    kind, severity, message = found[0]
    if severity is Severity.ERROR:
        message += judge.next_step(kind, day, taken, participants)
    return kind, severity, message


def _meeting_location(loaded: LoadedMission, index: int) -> tuple[Location, str]:
    path = ("möten", "träffar", index, "datum")
    return loaded.source.locate(*path), format_key_path(path)


def entered_meeting_findings(
    loaded: LoadedMission, calendar: SchoolCalendar, kinds: frozenset[str] = VALIDATE_KINDS
) -> list[Finding]:
    """validate's view of the entered meetings, every year of them: days off, weekends, school
    breaks and duplicate dates, each pointing to check-meetings for the full picture."""
    rule = loaded.mission.meetings
    if rule is None:
        return []
    judge = DayJudge(calendar, tuple(rule.weekdays), rule.preferred)
    taken = {m.date for m in rule.meetings}
    findings: list[Finding] = []
    earlier: set[dt.date] = set()
    for index, meeting in sorted(enumerate(rule.meetings), key=lambda pair: (pair[1].date, pair[0])):
        location, key_path = _meeting_location(loaded, index)
        day = meeting.date
        if not is_supported(day.year):
            message = unsupported_message(day.year)
            findings.append(Finding(location, Severity.WARNING, "calendar-range", message, key_path, day))
            continue
        problem = judge_meeting(meeting, judge, earlier, taken, kinds)
        earlier.add(day)
        if problem:
            kind, severity, message = problem
            message += f" (kör uppdrag check-meetings {day.year} för hela bilden)"
            if kind == "weekday":
                severity = Severity.WARNING
            findings.append(Finding(location, severity, kind, message, key_path, day))
    return findings


@dataclass
class YearCheck:
    """One network's meetings in one year, judged against its rule."""

    network: str
    name: str
    year: int
    count: int  # meetings dated in the year
    valid: int  # of those, the ones that break no rule
    minimum: int | None
    weekdays: list[Veckodag]
    problems: list[Finding] = field(default_factory=list)
    valid_dates: list[dt.date] = field(default_factory=list)
    per_term: int | None = None
    per_school_year: int | None = None
    plannable: bool = True  # the year is still to come (whether days enough are left: output/plan_advice tries)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(not p.is_error for p in self.problems)

    @property
    def has_rule(self) -> bool:
        return any(n is not None for n in (self.minimum, self.per_term, self.per_school_year)) or bool(self.weekdays)

    @property
    def minimum_shown(self) -> str:
        """'4' (a year's minimum, as always), '2/termin, 4/läsår' when the rule counts otherwise, '–' for none."""
        if self.per_term is None and self.per_school_year is None:
            return str(self.minimum) if self.minimum is not None else "–"
        stated = ((self.per_term, "termin"), (self.per_school_year, "läsår"), (self.minimum, "år"))
        return ", ".join(f"{n}/{period}" for n, period in stated if n is not None)


def _year_passed(year: int, now: dt.date | None) -> bool:
    """A year before now's: its missing meetings can no longer be planned."""
    return now is not None and year < now.year


def _passed_advice(year: int, now: dt.date | None) -> str:
    """What a too-few finding adds of its own: that the year is gone. For a year still to come,
    the command that plans it is added where findings are made text (output.plan_advice)."""
    return f"; {year} har redan varit" if _year_passed(year, now) else ""


def absent_municipalities(mission: Mission, year: int, municipalities: Sequence[str]) -> list[str] | None:
    """The municipalities at no meeting of year, of those expected: with members, the ones that
    have a member (validate tells the others), else all of the organisation's. None when no
    meeting of the year records who was there."""
    rule = mission.meetings
    recorded = [m for m in (rule.meetings if rule else []) if m.date.year == year and m.present]
    if not recorded:
        return None
    present = {k for m in recorded for k in m.present}
    represented = {p.municipality for p in mission.members if p.municipality}
    return [k for k in municipalities if (k in represented or not represented) and k not in present]


def term_of(day: dt.date) -> int | None:
    return next((i for i, (_, _, first, last) in enumerate(TERMS) if first <= day.month <= last), None)


def school_year_name(first_year: int) -> str:
    """2025 -> '2025/26': a läsår runs August–June and is named by its first year."""
    return f"{first_year}/{(first_year + 1) % 100:02d}"


def _counted(valid: int, when: str) -> str:
    """'inga giltiga möten vårterminen 2026', '1 giltigt möte …', '3 giltiga möten …'."""
    if valid == 0:
        return f"inga giltiga möten {when}"
    return f"1 giltigt möte {when}" if valid == 1 else f"{valid} giltiga möten {when}"


def valid_days(meetings: list[Meeting], judge: DayJudge, first: dt.date, last: dt.date) -> list[dt.date]:
    """The meetings from first to last that break no rule, whatever their year (a läsår spans
    two); a meeting in a year the calendar does not know is not counted."""
    taken = {m.date for m in meetings}
    earlier: set[dt.date] = set()
    valid = []
    for meeting in sorted((m for m in meetings if first <= m.date <= last), key=lambda m: m.date):
        if not is_supported(meeting.date.year):
            continue
        problem = judge_meeting(meeting, judge, earlier, taken)
        earlier.add(meeting.date)
        if problem is None or problem[1] is not Severity.ERROR:
            valid.append(meeting.date)
    return valid


def _term_and_school_year_problems(
    loaded: LoadedMission,
    rule: MeetingRule,
    year: int,
    valid_dates: list[dt.date],
    judge: DayJudge,
    today: dt.date | None,
) -> list[Finding]:
    """A per-term rule on each term of year; a per-läsår rule on the läsår that ends in year and,
    as far as year's meetings can say, the one that starts in it."""
    where = loaded.source.locate("möten")
    plan = _passed_advice(year, today)
    problems = []
    if rule.per_term is not None:
        for term, months, first, last in TERMS:
            valid = sum(first <= day.month <= last for day in valid_dates)
            if valid < rule.per_term:
                message = (
                    f"{_counted(valid, f'{term} {year}')} ({months}); regeln kräver minst {rule.per_term} "
                    f"per termin{plan}"
                )
                problems.append(Finding(where, Severity.ERROR, "too_few_term", message, "möten"))
    wanted = rule.per_school_year
    if wanted is not None:
        ending = valid_days(list(rule.meetings), judge, dt.date(year - 1, 8, 1), dt.date(year, 6, 30))
        if len(ending) < wanted:
            message = (
                f"{_counted(len(ending), f'läsåret {school_year_name(year - 1)}')}; regeln kräver minst {wanted} "
                f"per läsår{plan}"
            )
            problems.append(Finding(where, Severity.ERROR, "too_few_school_year", message, "möten"))
        starting = valid_days(list(rule.meetings), judge, dt.date(year, 8, 1), dt.date(year + 1, 6, 30))
        if len(starting) < wanted:
            message = (
                f"{_counted(len(starting), f'läsåret {school_year_name(year)}')} hittills; regeln kräver minst "
                f"{wanted} per läsår, så vårterminen {year + 1} behöver minst {wanted - len(starting)}"
            )
            problems.append(Finding(where, Severity.WARNING, "school_year_ahead", message, "möten"))
    return problems


def check_year(
    loaded: LoadedMission,
    year: int,
    today: dt.date | None = None,
    calendar: SchoolCalendar | None = None,
    now: dt.date | None = None,
) -> YearCheck:
    """Judge the meetings dated in year. A meeting with an error does not count. today: also
    judge held meetings (their minutes); now: the day the advice is for (a past year cannot
    be planned), today's if not given."""
    now = now or today
    require_supported(year)
    mission = loaded.mission
    rule = mission.meetings
    minimum = rule.minimum if rule else None
    weekdays = list(rule.weekdays) if rule else []
    indexed = [(i, m) for i, m in enumerate(rule.meetings if rule else []) if m.date.year == year]
    result = YearCheck(mission.id, mission.name, year, len(indexed), 0, minimum, weekdays)
    result.plannable = not _year_passed(year, now)
    if rule is not None:
        result.per_term, result.per_school_year = rule.per_term, rule.per_school_year
    judge = DayJudge(calendar or SchoolCalendar(), tuple(weekdays), rule.preferred if rule else False)
    taken = {m.date for m in (rule.meetings if rule else [])}
    earlier: set[dt.date] = set()
    for index, meeting in sorted(indexed, key=lambda pair: (pair[1].date, pair[0])):
        location, key_path = _meeting_location(loaded, index)
        problem = judge_meeting(meeting, judge, earlier, taken)
        earlier.add(meeting.date)
        if problem:
            kind, severity, message = problem
            result.problems.append(Finding(location, severity, kind, message, key_path, meeting.date))
        if problem is None or problem[1] is not Severity.ERROR:
            result.valid += 1
            result.valid_dates.append(meeting.date)
        if today is not None and meeting.date < today and not meeting.minutes:
            result.problems.append(
                Finding(
                    loaded.source.locate("möten", "träffar", index),
                    Severity.WARNING,
                    "minutes",
                    f"{_shown(meeting.date)} har hållits men saknar länk till minnesanteckningar",
                    format_key_path(("möten", "träffar", index)),
                    meeting.date,
                )
            )
    if rule is None:
        return result
    rule_location = loaded.source.locate("möten")
    if minimum is not None and result.valid < minimum:
        if result.count == 0:
            counted = f"inga möten inlagda för {year}"
        else:
            counted = f"{result.valid} giltiga möten {year}" if result.valid != 1 else f"1 giltigt möte {year}"
        message = f"{counted}; regeln kräver minst {minimum}{_passed_advice(year, now)}"
        result.problems.append(Finding(rule_location, Severity.ERROR, "too_few", message, "möten"))
    result.problems += _term_and_school_year_problems(loaded, rule, year, result.valid_dates, judge, now)
    # A per-term rule says more than this hint, and says it as an error.
    if minimum is not None and minimum >= 2 and result.valid_dates and rule.per_term is None:
        terms = {term_of(day) for day in result.valid_dates}
        for index, (term, months, _, _) in enumerate(TERMS):
            if index not in terms:
                message = (
                    f"inga giltiga möten {term} {year} ({months}); regeln kräver minst {minimum} "
                    "möten om året – sprid dem över båda terminerna"
                )
                result.problems.append(Finding(rule_location, Severity.WARNING, "spread", message, "möten"))
    if rule.all_municipalities:
        missing = absent_municipalities(mission, year, judge.calendar.municipalities)
        if missing:
            message = f"kommuner som inte deltog i något möte {year}: {', '.join(missing)}"
            result.problems.append(Finding(rule_location, Severity.WARNING, "attendance", message, "möten"))
    return result
