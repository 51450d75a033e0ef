"""Meeting rules against the Swedish calendar: checking a year, planning one, exporting it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from uppdrag.check.swedish_calendar import (
    DEFAULT_SCHOOL_BREAKS,
    bridge_days,
    days_off,
    school_break_days,
    swedish_weekday,
)
from uppdrag.errors import PlanningError
from uppdrag.findings import Location, Severity
from uppdrag.models import KOMMUNER, VECKODAGAR, Meeting, SchoolBreak, join_swedish, weekday_plural
from uppdrag.read.loading import LoadedMission

ProblemKind = Literal["too_few", "weekday", "holiday", "duplicate", "bridge_day", "attendance", "minutes"]


@dataclass(frozen=True)
class Problem:
    date: dt.date | None
    kind: ProblemKind
    severity: Severity
    message: str  # Swedish
    location: Location | None = None

    def to_json(self) -> dict:
        return {
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
            "severity": self.severity.value,
            "message": self.message,
        }


@dataclass
class YearCheck:
    """One network's meetings in one year, judged against its rule."""

    network: str
    name: str
    year: int
    count: int  # meetings dated in the year
    valid: int  # of those, the ones that break no rule
    minimum: int | None
    weekdays: list[str]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def has_rule(self) -> bool:
        return self.minimum is not None or bool(self.weekdays)

    def to_json(self) -> dict:
        return {
            "network": self.network,
            "year": self.year,
            "count": self.count,
            "valid": self.valid,
            "minimum": self.minimum,
            "ok": self.ok,
            "problems": [p.to_json() for p in self.problems],
        }


def _meeting_problems(
    meeting: Meeting, weekdays: list[str], seen: set[dt.date], year: int
) -> list[tuple[ProblemKind, Severity, str]]:
    day = meeting.date
    weekday = swedish_weekday(day)
    found = []
    if day in seen:
        found.append(("duplicate", Severity.ERROR, f"{day} ({weekday}) finns redan bland mötena"))
    if weekdays and weekday not in weekdays:
        rule = join_swedish([weekday_plural(d) for d in weekdays])
        found.append(("weekday", Severity.ERROR, f"{day} är en {weekday}; regeln säger möten på {rule}"))
    holiday = days_off(year).get(day)
    if holiday:
        found.append(("holiday", Severity.ERROR, f"{day} ({weekday}) är {holiday}, en ledig dag"))
    bridge = bridge_days(year).get(day)
    if bridge:
        found.append(("bridge_day", Severity.WARNING, f"{day} ({weekday}) är en {bridge}; många är lediga"))
    return found


def check_year(loaded: LoadedMission, year: int, today: dt.date | None = None) -> YearCheck:
    """Judge the meetings dated in year. A meeting that breaks the rule does not count."""
    days_off(year)  # a year outside the calendar's data is a clear error, not a silent pass
    mission = loaded.mission
    rule = mission.meetings
    minimum = rule.minimum if rule else None
    weekdays = list(rule.weekdays) if rule else []
    indexed = [(i, m) for i, m in enumerate(rule.meetings if rule else []) if m.date.year == year]
    result = YearCheck(mission.id, mission.name, year, len(indexed), 0, minimum, weekdays)
    seen: set[dt.date] = set()
    for index, meeting in sorted(indexed, key=lambda pair: pair[1].date):
        location = loaded.source.locate("möten", "träffar", index, "datum")
        found = _meeting_problems(meeting, weekdays, seen, year)
        seen.add(meeting.date)
        result.problems += [
            Problem(meeting.date, kind, severity, message, location) for kind, severity, message in found
        ]
        if not any(severity is Severity.ERROR for _, severity, _ in found):
            result.valid += 1
        if today is not None and meeting.date < today and not meeting.minutes:
            result.problems.append(
                Problem(
                    meeting.date,
                    "minutes",
                    Severity.WARNING,
                    f"{meeting.date} ({swedish_weekday(meeting.date)}) har hållits men saknar länk till minnesanteckningar",
                    loaded.source.locate("möten", "träffar", index),
                )
            )
    rule_location = loaded.source.locate("möten") if rule else None
    if minimum is not None and result.valid < minimum:
        if result.count == 0:
            counted = f"inga möten inlagda för {year}"
        else:
            counted = f"{result.valid} giltiga möten {year}" if result.valid != 1 else f"1 giltigt möte {year}"
        result.problems.append(
            Problem(None, "too_few", Severity.ERROR, f"{counted}; regeln kräver minst {minimum}", rule_location)
        )
    if rule and rule.all_municipalities:
        recorded = [m for _, m in indexed if m.present]
        if recorded:
            present = {k for m in recorded for k in m.present}
            missing = [k for k in KOMMUNER if k not in present]
            if missing:
                result.problems.append(
                    Problem(
                        None,
                        "attendance",
                        Severity.WARNING,
                        f"kommuner som inte deltog i något möte {year}: {', '.join(missing)}",
                        rule_location,
                    )
                )
    return result


def excluded_days(year: int, breaks: list[SchoolBreak] | None) -> dict[dt.date, str]:
    """Days no meeting should be planned on, with the reason."""
    days = dict(school_break_days(year, breaks if breaks is not None else list(DEFAULT_SCHOOL_BREAKS)))
    days.update(bridge_days(year))
    days.update(days_off(year))
    return days


def plan_year(loaded: LoadedMission, year: int, count: int | None, breaks: list[SchoolBreak] | None) -> list[dt.date]:
    """count dates (at least the rule's minimum) on the rule's weekdays, spread evenly over the
    days of the year's working terms that are no holiday, klämdag or school break."""
    rule = loaded.mission.meetings
    minimum = rule.minimum if rule else None
    wanted = max(filter(None, (minimum, count)), default=None)
    if wanted is None:
        raise PlanningError(f"{loaded.mission.id} har ingen regel för antal möten; ange --count")
    weekdays = set(rule.weekdays if rule and rule.weekdays else VECKODAGAR[:5])  # no rule: any working day
    excluded = excluded_days(year, breaks)
    day, candidates = dt.date(year, 1, 1), []
    while day.year == year:
        if swedish_weekday(day) in weekdays and day not in excluded:
            candidates.append(day)
        day += dt.timedelta(days=1)
    if len(candidates) < wanted:
        raise PlanningError(f"bara {len(candidates)} möjliga dagar {year}; kan inte planera {wanted} möten")
    # The middle of each of `wanted` equal slices of the candidate days: evenly spread, and
    # never two proposals on one day.
    return [candidates[int((i + 0.5) * len(candidates) / wanted)] for i in range(wanted)]
