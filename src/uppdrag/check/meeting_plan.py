"""A year's meeting plan: dates for the meetings a network's rule still lacks, spread over the
terms on good days only. Pure: it reads the mission and the calendar, and edit/planning writes
the plan; check-meetings asks it whether plan-meetings can help at all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from uppdrag.check.meetings import TERMS, WORKING_DAYS, DayJudge, check_year, term_of, valid_days
from uppdrag.check.rules import covered_years
from uppdrag.check.swedish_calendar import SchoolCalendar, require_supported
from uppdrag.errors import PlanningError
from uppdrag.models import MeetingRule
from uppdrag.read.loading import LoadedMission


class TooFewDays(PlanningError):
    """Fewer good days left in a year (or a term of it) than meetings to plan."""

    def __init__(self, when: str, available: int, missing: int, after: dt.date | None) -> None:
        left = f" efter {after.isoformat()}" if after is not None else ""
        super().__init__(f"bara {available} möjliga dagar {when}{left}; kan inte planera {missing} möten")
        self.when, self.available, self.missing, self.after = when, available, missing, after

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.when, self.available, self.missing, self.after))

    @property
    def reason(self) -> str:
        """Why no plan can be made, as advice beside a too-few finding."""
        left = " kvar" if self.after is not None else ""
        return f"för få möjliga dagar{left} {self.when} ({self.available} för {self.missing} möten)"


@dataclass
class Plan:
    """The meetings a year already has that count, and the dates proposed beside them."""

    wanted: int
    existing: list[dt.date]
    proposed: list[dt.date]


def _place(need: int, candidates: list[dt.date], existing: list[dt.date]) -> list[dt.date]:
    """need of candidates, so that with existing they sit near the middles of equal slices of
    the term: evenly spread, the existing meetings kept where they are."""
    if need <= 0:
        return []
    total = need + len(existing)
    pool = sorted(set(candidates) | set(existing))
    ideals = [pool[int((i + 0.5) * len(pool) / total)] for i in range(total)]
    for day in sorted(existing):  # each existing meeting takes the ideal spot nearest to it
        ideals.remove(min(ideals, key=lambda ideal: abs((ideal - day).days)))
    free, chosen = set(candidates), []
    for ideal in ideals:
        best = min(free, key=lambda day: (abs((day - ideal).days), day))
        free.discard(best)
        chosen.append(best)
    return sorted(chosen)


def _term_needs(
    wanted: int, missing: int, candidates: list[list[dt.date]], existing: list[list[dt.date]], floors: list[int]
) -> list[int]:
    """How many new meetings each term gets: the year's total shared by the terms' good days,
    at least one each when two or more are wanted, and at least what a per-term or per-läsår
    rule asks of each term (floors: the meetings each term must have in all)."""
    sizes = [len(c) + len(e) for c, e in zip(candidates, existing)]
    share = round(wanted * sizes[0] / sum(sizes)) if sum(sizes) else 0
    if wanted >= 2 and all(sizes):
        share = min(max(share, 1), wanted - 1)
    targets = [max(share, floors[0]), max(wanted - share, floors[1])]
    lowest = [max(0, min(f - len(e), len(c))) for f, e, c in zip(floors, existing, candidates)]
    needs = [max(0, min(t - len(e), len(c))) for t, e, c in zip(targets, existing, candidates)]
    while sum(needs) < missing:  # a term already has more than its share, or too few days
        load = [(len(e) + n) / max(s, 1) for e, n, s in zip(existing, needs, sizes)]
        open_terms = [i for i in range(2) if needs[i] < len(candidates[i])]
        needs[min(open_terms, key=lambda i: load[i])] += 1
    while sum(needs) > missing:  # meetings outside the terms (July) count towards the year
        reducible = [i for i in range(2) if needs[i] > lowest[i]]
        if not reducible:
            break  # each term's rule needs them all
        needs[max(reducible, key=lambda i: (needs[i] > 0, len(existing[i]) + needs[i]))] -= 1
    return needs


def _term_floors(rule: MeetingRule | None, year: int, judge: DayJudge) -> list[int]:
    """The meetings each term of year must have: a per-term rule's count; a per-läsår rule's
    rest in the spring (after the autumn before) and half of it in the autumn (the spring
    after is next year's to plan)."""
    if rule is None:
        return [0, 0]
    floors = [rule.per_term or 0, rule.per_term or 0]
    if rule.per_school_year is not None:
        autumn_before = valid_days(list(rule.meetings), judge, dt.date(year - 1, 8, 1), dt.date(year - 1, 12, 31))
        floors[0] = max(floors[0], rule.per_school_year - len(autumn_before))
        floors[1] = max(floors[1], -(-rule.per_school_year // 2))
    return floors


def _good_days(judge: DayJudge, year: int, taken: set[dt.date], after: dt.date | None) -> list[list[dt.date]]:
    """Each term's good days in year (after a given day: a plan never proposes the past)."""
    candidates: list[list[dt.date]] = [[], []]
    day = dt.date(year, 1, 1) if after is None else max(dt.date(year, 1, 1), after + dt.timedelta(days=1))
    while day.year == year:
        term = term_of(day)
        if term is not None and judge.is_good(day, taken):
            candidates[term].append(day)
        day += dt.timedelta(days=1)
    return candidates


def plan_year(
    loaded: LoadedMission,
    year: int,
    count: int | None,
    calendar: SchoolCalendar | None = None,
    today: dt.date | None = None,
) -> Plan:
    """Dates for the meetings year is missing (at least the rule's minimum, or count, and what
    its per-term and per-läsår rules ask of each term), on good days only, spread over vårtermin
    and hösttermin; the meetings already entered are kept. Preferred weekdays are used while
    they have room enough; then any working day."""
    require_supported(year)
    if today is not None and year < today.year:
        raise PlanningError(f"{year} har redan varit; planera ett kommande år, t.ex. {today.year + 1}")
    rule = loaded.mission.meetings
    calendar = calendar or SchoolCalendar()
    judge = DayJudge(calendar, tuple(rule.weekdays) if rule else (), rule.preferred if rule else False)
    floors = _term_floors(rule, year, judge)
    minimum = rule.minimum if rule else None
    wanted = max(filter(None, (minimum, count, sum(floors) or None)), default=None)
    if wanted is None:
        raise PlanningError(f"{loaded.mission.id} har ingen regel för antal möten; ange --count")
    if judge.rule_weekdays and not set(judge.rule_weekdays) & set(WORKING_DAYS):
        raise PlanningError(f"{loaded.mission.id}: regeln säger bara möten på helger; möten planeras på vardagar")
    existing = check_year(loaded, year, calendar=calendar).valid_dates
    in_term = [[d for d in existing if term_of(d) == i] for i in range(2)]
    short = [max(0, f - len(e)) for f, e in zip(floors, in_term)]
    missing = max(wanted - len(existing), sum(short))
    if missing <= 0:
        return Plan(wanted, existing, [])
    taken = {m.date for m in (rule.meetings if rule else [])}
    candidates = _good_days(judge, year, taken, today)
    too_few = sum(map(len, candidates)) < missing or any(len(c) < n for c, n in zip(candidates, short))
    if judge.preferred and too_few:
        candidates = _good_days(DayJudge(calendar), year, taken, today)  # a preference, not a rule
    available = sum(map(len, candidates))
    after = today if today is not None and today.year == year else None
    if available < missing:
        raise TooFewDays(str(year), available, missing, after)
    for term, (name, _, _, _) in enumerate(TERMS):
        if len(candidates[term]) < short[term]:
            raise TooFewDays(f"{name} {year}", len(candidates[term]), short[term], after)
    needs = _term_needs(max(wanted, len(existing) + missing), missing, candidates, in_term, floors)
    proposed = [d for i in range(2) for d in _place(needs[i], candidates[i], in_term[i])]
    return Plan(max(wanted, len(existing) + missing), existing, sorted(proposed))


def outside_period(loaded: LoadedMission, year: int, today: dt.date) -> str | None:
    """'2027 ligger utanför uppdragsperioden 2023–2026 i missions/forskola.yaml': a plan for a
    year the file's assignments do not cover (the next period's file is the place for it)."""
    mission = loaded.mission
    years = covered_years(mission.assignments.period, today)
    if years is None or years[0] <= year <= years[1]:
        return None
    period = mission.assignments.period
    shown = period if mission.assignments.years is not None else f"{period} ({years[0]})"
    return f"{year} ligger utanför uppdragsperioden {shown} i {loaded.source.display}; mötena planeras ändå"
