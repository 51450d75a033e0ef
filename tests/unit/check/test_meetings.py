"""check/meetings: the rules, the school calendar, terms and school years, and plans that pass
them. The commands are tested in tests/commands/test_{check,plan}meetings_rule.py and test_calendar.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import yaml

from tests.conftest import write_tree
from tests.support.missions import meetings_rule, mission_with
from uppdrag.check.meeting_plan import plan_year
from uppdrag.check.meetings import check_year, school_calendar
from uppdrag.check.validation import open_workspace
from uppdrag.errors import PlanningError
from uppdrag.findings import Finding
from uppdrag.output.ical import meeting_uid, meetings_calendar
from uppdrag.output.plan_advice import with_plan_advice

HJO_WEEK_8 = "  - {namn: sportlov, vecka: 8, kommun: Hjo}\n"


def _check(workspace: Path, rule: str, year: int = 2024, today: dt.date | None = None, lov_extra: str = ""):
    files = {"missions/n.yaml": mission_with(rule)}
    if lov_extra:
        lov = (workspace / "missions/_lov.yaml").read_text(encoding="utf-8")
        files["missions/_lov.yaml"] = lov.replace("\n# Exakta datum", lov_extra + "\n# Exakta datum")
    write_tree(workspace, files)
    loaded_workspace, result = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    assert result.errors == 0, result.findings
    loaded = loaded_workspace.mission("n")
    school = school_calendar(loaded_workspace)
    return with_plan_advice(check_year(loaded, year, today, school), loaded, school, today or dt.date(2024, 1, 1))


def _problems(check) -> list[tuple[str | None, str, str, str]]:
    return [(p.date.isoformat() if p.date else None, p.code, p.severity.value, p.message) for p in check.problems]


def test_a_good_year(workspace: Path) -> None:
    check = _check(workspace, meetings_rule("2024-02-02", "2024-04-12", "2024-09-13", "2024-11-15"))
    assert (check.count, check.valid, check.minimum, check.ok, check.problems) == (4, 4, 4, True, [])


def test_problems_are_findings_with_a_date_and_a_location(workspace: Path) -> None:
    check = _check(workspace, meetings_rule("2024-02-02", "2024-03-29", "2024-04-12", "2024-09-13", "2024-11-15"))
    [problem] = check.problems
    assert isinstance(problem, Finding)
    assert (str(problem.location), problem.key_path, problem.date) == (
        "missions/n.yaml:19:14",
        "möten.träffar[1].datum",
        dt.date(2024, 3, 29),
    )


def test_every_kind_of_date_problem_with_what_to_do_next(workspace: Path) -> None:
    rule = meetings_rule(
        "2025-02-14",  # sportlov week 7 everywhere
        "2025-03-29",  # a Saturday
        "2025-04-18",  # långfredagen, in påsklov too: reported once, as the holiday
        "2025-05-02",  # klämdag after första maj
        "2025-09-12",
        "2025-09-12",
        "2025-09-16",  # a Tuesday
        "2025-10-31",  # höstlov, and allhelgonaafton
        "2025-12-24",  # julafton, a Wednesday: one problem, not weekday too
    )
    check = _check(workspace, rule, year=2025)
    assert (check.count, check.valid, check.ok) == (9, 2, False)
    assert _problems(check) == [
        (
            "2025-02-14",
            "school_break",
            "error",
            "2025-02-14 (fredag) är sportlov (vecka 7); närmaste bra dag: 2025-02-21 (fredag)",
        ),
        (
            "2025-03-29",
            "weekend",
            "error",
            "2025-03-29 är en lördag; möten hålls inte på helger; närmaste bra dag: 2025-03-28 (fredag)",
        ),
        (
            "2025-04-18",
            "holiday",
            "error",
            "2025-04-18 (fredag) är långfredagen, en ledig dag; närmaste bra dag: 2025-04-25 (fredag)",
        ),
        ("2025-05-02", "bridge_day", "warning", "2025-05-02 (fredag) är en klämdag efter första maj; många är lediga"),
        ("2025-09-12", "duplicate", "error", "2025-09-12 (fredag) finns redan bland mötena; ta bort det ena"),
        (
            "2025-09-16",
            "weekday",
            "error",
            "2025-09-16 är en tisdag; regeln säger möten på fredagar; närmaste bra dag: 2025-09-19 (fredag)",
        ),
        (
            "2025-10-31",
            "school_break",
            "error",
            "2025-10-31 (fredag) är höstlov (vecka 44); närmaste bra dag: 2025-11-07 (fredag)",
        ),
        (
            "2025-12-24",
            "holiday",
            "error",
            # jullov until 7 January: the first good Friday after it
            "2025-12-24 (onsdag) är julafton, en ledig dag; närmaste bra dag: 2025-12-19 (fredag)",
        ),
        (
            None,
            "too_few",
            "error",
            "2 giltiga möten 2025; regeln kräver minst 4; föreslå fler med uppdrag plan-meetings n 2025 --write",
        ),
    ]


def test_julafton_on_a_friday_is_one_holiday(workspace: Path) -> None:
    check = _check(workspace, meetings_rule("2027-02-05", "2027-04-23", "2027-09-10", "2027-12-24"), year=2027)
    assert _problems(check)[0] == (
        "2027-12-24",
        "holiday",
        "error",
        "2027-12-24 (fredag) är julafton, en ledig dag; närmaste bra dag: 2027-12-17 (fredag)",
    )
    assert [p.code for p in check.problems] == ["holiday", "too_few"]


def test_juldagen_2026_is_a_friday_holiday(workspace: Path) -> None:
    check = _check(workspace, meetings_rule("2026-12-25"), year=2026)
    assert _problems(check)[0][:3] == ("2026-12-25", "holiday", "error")
    assert _problems(check)[0][3].startswith("2026-12-25 (fredag) är juldagen, en ledig dag; ")


def test_weekend_whatever_the_rule_says(workspace: Path) -> None:
    check = _check(workspace, meetings_rule("2028-09-16", weekdays="[lördag]", minimum=1), year=2028)
    assert _problems(check)[0] == (
        "2028-09-16",
        "weekend",
        "error",
        "2028-09-16 är en lördag; möten hålls inte på helger; närmaste bra dag: 2028-09-15 (fredag)",
    )
    check = _check(workspace, meetings_rule("2028-09-17", weekdays="", minimum=1), year=2028)
    assert _problems(check)[0] == (
        "2028-09-17",
        "weekend",
        "error",
        "2028-09-17 är en söndag; möten hålls inte på helger; närmaste bra dag: 2028-09-18 (måndag)",
    )


@pytest.mark.parametrize(
    "day, message",
    [
        # Easter in March: 31 March 2024, 28 March 2027; in April: 5 April 2026, 16 April 2028.
        # The good day is the Tuesday after annandag påsk, the week after.
        ("2024-03-28", "2024-03-28 (torsdag) är påsklov (vecka 13); närmaste bra dag: 2024-04-02 (tisdag)"),
        ("2026-04-01", "2026-04-01 (onsdag) är påsklov (vecka 14); närmaste bra dag: 2026-04-07 (tisdag)"),
        ("2027-03-24", "2027-03-24 (onsdag) är påsklov (vecka 12); närmaste bra dag: 2027-03-30 (tisdag)"),
        ("2028-04-12", "2028-04-12 (onsdag) är påsklov (vecka 15); närmaste bra dag: 2028-04-18 (tisdag)"),
    ],
)
def test_easter_break_in_march_and_april_years(workspace: Path, day: str, message: str) -> None:
    rule = meetings_rule(day, weekdays="[måndag, tisdag, onsdag, torsdag]", minimum=None)
    check = _check(workspace, rule, year=int(day[:4]))
    assert _problems(check) == [(day, "school_break", "error", message)]


def test_a_break_in_some_municipalities_is_a_warning_naming_them(workspace: Path) -> None:
    rule = meetings_rule("2026-02-20", "2026-04-24", "2026-09-11", "2026-11-13")
    check = _check(workspace, rule, year=2026, lov_extra=HJO_WEEK_8)
    assert check.ok
    assert _problems(check) == [
        ("2026-02-20", "school_break", "warning", "2026-02-20 (fredag) är sportlov (vecka 8) i Hjo"),
    ]
    # Week 7 is no longer a break in Hjo: a break in 14 municipalities is still only a warning.
    check = _check(workspace, meetings_rule("2026-02-13", minimum=1), year=2026, lov_extra=HJO_WEEK_8)
    [(_, kind, severity, message)] = _problems(check)
    assert (kind, severity) == ("school_break", "warning")
    assert message == (
        "2026-02-13 (fredag) är sportlov (vecka 7) i Essunga, Falköping, Grästorp, Gullspång, Götene, "
        "Karlsborg, Lidköping, Mariestad, Skara, Skövde, Tibro, Tidaholm, Töreboda och Vara"
    )


def test_participating_municipalities_are_those_present(workspace: Path) -> None:
    rule = (
        "möten:\n  träffar:\n"
        "    - {datum: 2026-02-20, närvarande: [Hjo]}\n"
        "    - {datum: 2026-02-19, närvarande: [Hjo, Vara]}\n"
        "    - {datum: 2026-02-18, närvarande: [Skövde, Vara]}\n"  # week 8: no break for them
    )
    check = _check(workspace, rule, year=2026, lov_extra=HJO_WEEK_8)
    assert _problems(check) == [
        ("2026-02-19", "school_break", "warning", "2026-02-19 (torsdag) är sportlov (vecka 8) i Hjo"),
        (
            "2026-02-20",
            "school_break",
            "error",
            "2026-02-20 (fredag) är sportlov (vecka 8); närmaste bra dag: 2026-02-23 (måndag)",
        ),
    ]


def test_school_year_dates_and_studiedag(workspace: Path) -> None:
    lov = (
        (workspace / "missions/_lov.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "läsår: []",
            "läsår:\n"
            "  - läsår: 2027/28\n"
            "    lov:\n"
            "      - {namn: höstlov, från: 2027-10-25, till: 2027-10-29}\n"
            "    lovdagar:\n"
            "      - {datum: 2027-11-12, namn: studiedag}\n",
        )
    )
    write_tree(workspace, {"missions/_lov.yaml": lov})
    check = _check(workspace, meetings_rule("2027-10-29", "2027-11-05", "2027-11-12", minimum=None), year=2027)
    assert _problems(check) == [
        # Nothing good that week or the next (5 November is allhelgonaafton), nor on the studiedag.
        (
            "2027-10-29",
            "school_break",
            "error",
            "2027-10-29 (fredag) är höstlov (vecka 43); närmaste bra dag: 2027-11-19 (fredag)",
        ),
        ("2027-11-05", "eve", "warning", "2027-11-05 (fredag) är allhelgonaafton; många arbetsplatser slutar tidigare"),
        (
            "2027-11-12",
            "school_break",
            "error",
            "2027-11-12 (fredag) är studiedag; närmaste bra dag: 2027-11-19 (fredag)",
        ),
    ]


def test_eves_are_warnings(workspace: Path) -> None:
    # Most eves fall in a break (trettondagsafton in jullov, skärtorsdag in påsklov, allhelgona-
    # afton in höstlov week 44); a workspace without breaks shows them all.
    write_tree(workspace, {"missions/_lov.yaml": "lov: []\n"})
    rule = meetings_rule("2026-01-05", "2026-04-02", "2026-04-30", "2026-05-13", "2026-10-30", weekdays="", minimum=1)
    check = _check(workspace, rule, year=2026)
    assert check.ok
    assert _problems(check) == [
        # trettondagsafton is also the Monday before trettondedag jul: the klämdag weighs more
        (
            "2026-01-05",
            "bridge_day",
            "warning",
            "2026-01-05 (måndag) är en klämdag före trettondedag jul; många är lediga",
        ),
        ("2026-04-02", "eve", "warning", "2026-04-02 (torsdag) är skärtorsdag; många arbetsplatser slutar tidigare"),
        (
            "2026-04-30",
            "eve",
            "warning",
            "2026-04-30 (torsdag) är valborgsmässoafton; många arbetsplatser slutar tidigare",
        ),
        (
            "2026-05-13",
            "eve",
            "warning",
            "2026-05-13 (onsdag) är dagen före Kristi himmelsfärdsdag; många arbetsplatser slutar tidigare",
        ),
        ("2026-10-30", "eve", "warning", "2026-10-30 (fredag) är allhelgonaafton; många arbetsplatser slutar tidigare"),
    ]


@pytest.mark.parametrize(
    "day, message",
    [
        ("2024-05-10", "2024-05-10 (fredag) är en klämdag efter Kristi himmelsfärdsdag; många är lediga"),
        ("2024-06-07", "2024-06-07 (fredag) är en klämdag efter nationaldagen; många är lediga"),
        ("2026-01-02", None),  # in jullov: the break weighs more
        ("2028-06-05", "2028-06-05 (måndag) är en klämdag före nationaldagen; många är lediga"),
    ],
)
def test_every_bridge_day(workspace: Path, day: str, message: str | None) -> None:
    check = _check(workspace, meetings_rule(day, weekdays="", minimum=None), year=int(day[:4]))
    [(_, kind, severity, text)] = _problems(check)
    if message is None:
        assert (kind, severity) == ("school_break", "error")
    else:
        assert (kind, severity, text) == ("bridge_day", "warning", message)


def test_spread_over_both_terms(workspace: Path) -> None:
    check = _check(workspace, meetings_rule("2027-01-22", "2027-02-05", "2027-04-23", "2027-05-21"), year=2027)
    assert check.ok
    assert _problems(check) == [
        (
            None,
            "spread",
            "warning",
            "inga giltiga möten höstterminen 2027 (augusti–december); regeln kräver minst 4 möten om året "
            "– sprid dem över båda terminerna",
        )
    ]
    # One meeting a year needs no spreading.
    assert _check(workspace, meetings_rule("2027-02-05", minimum=1), year=2027).problems == []


def test_attendance_names_missing_municipalities(workspace: Path) -> None:
    present = [
        "Essunga",
        "Falköping",
        "Grästorp",
        "Gullspång",
        "Götene",
        "Hjo",
        "Karlsborg",
        "Lidköping",
        "Mariestad",
        "Skara",
        "Skövde",
        "Tibro",
        "Tidaholm",
    ]
    rule = (
        "möten:\n  alla_kommuner: true\n  träffar:\n"
        f"    - datum: 2024-02-02\n      närvarande: [{', '.join(present[:7])}]\n"
        f"    - datum: 2024-03-01\n      närvarande: [{', '.join(present[7:])}]\n"
    )
    check = _check(workspace, rule)
    assert check.ok
    assert _problems(check) == [
        (None, "attendance", "warning", "kommuner som inte deltog i något möte 2024: Töreboda, Vara"),
    ]


def test_attendance_expects_the_municipalities_of_the_members(workspace: Path) -> None:
    rule = (
        "medlemmar:\n  - {namn: Eva Ek, kommun: Hjo}\n  - {namn: Per Berg, kommun: Vara}\n  - {namn: Ola Ny}\n"
        "möten:\n  alla_kommuner: true\n  träffar:\n    - {datum: 2024-02-02, närvarande: [Hjo, Tibro]}\n"
    )
    assert _problems(_check(workspace, rule)) == [
        (None, "attendance", "warning", "kommuner som inte deltog i något möte 2024: Vara"),
    ]


def test_attendance_is_not_judged_without_records(workspace: Path) -> None:
    assert _check(workspace, "möten:\n  alla_kommuner: true\n  träffar:\n    - datum: 2024-02-02\n").problems == []


def test_minutes_with_today(workspace: Path) -> None:
    rule = (
        "möten:\n  träffar:\n"
        "    - datum: 2024-02-02\n"
        "    - {datum: 2024-03-01, minnesanteckningar: 'https://utbildningskaraborg.se/m/1'}\n"
        "    - datum: 2024-05-03\n"
    )
    assert _check(workspace, rule).problems == []  # without --today nothing is judged
    check = _check(workspace, rule, today=dt.date(2024, 4, 1))
    assert _problems(check) == [
        ("2024-02-02", "minutes", "warning", "2024-02-02 (fredag) har hållits men saknar länk till minnesanteckningar"),
    ]


def test_network_without_rule(workspace: Path) -> None:
    check = _check(workspace, "")
    assert (check.minimum, check.has_rule, check.ok, check.problems) == (None, False, True, [])


@pytest.mark.parametrize("year", range(2024, 2031))
def test_plans_pass_the_check_for_every_shipped_rule(year: int, shipped: Path) -> None:
    workspace, _ = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    calendar = school_calendar(workspace)
    for loaded in workspace.missions:
        if loaded.mission.meetings is None:
            continue
        plan = plan_year(loaded, year, None, calendar)
        assert (plan.existing, len(plan.proposed)) == ([], loaded.mission.meetings.minimum)
        path = loaded.source.path
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["möten"]["träffar"] = [{"datum": d} for d in plan.proposed]
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    planned, result = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    assert result.errors == 0
    for loaded in planned.missions:
        check = check_year(loaded, year, calendar=calendar)
        assert check.ok and check.problems == [], (loaded.mission.id, check.problems)


def test_plan_spreads_over_both_terms(shipped: Path) -> None:
    workspace, _ = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    plan = plan_year(workspace.mission("forskola"), 2027, 6, school_calendar(workspace))
    assert [d.isoformat() for d in plan.proposed] == [
        "2027-01-29",
        "2027-03-19",
        "2027-05-21",
        "2027-09-03",
        "2027-10-15",
        "2027-12-03",
    ]
    assert all(d.weekday() == 4 for d in plan.proposed)


def test_plan_keeps_entered_meetings_and_proposes_the_missing(workspace: Path) -> None:
    # Two good spring meetings, one on långfredagen (kept in the file, but it does not count).
    write_tree(workspace, {"missions/n.yaml": mission_with(meetings_rule("2026-01-23", "2026-04-03", "2026-05-29"))})
    loaded_workspace, _ = open_workspace(Path("missions"), dt.date(2026, 1, 1))
    plan = plan_year(loaded_workspace.mission("n"), 2026, None, school_calendar(loaded_workspace))
    assert plan.existing == [dt.date(2026, 1, 23), dt.date(2026, 5, 29)]
    assert plan.proposed == [dt.date(2026, 9, 18), dt.date(2026, 11, 20)]  # the autumn, spread
    plan = plan_year(loaded_workspace.mission("n"), 2026, 2, school_calendar(loaded_workspace))
    assert (plan.wanted, plan.proposed) == (4, [dt.date(2026, 9, 18), dt.date(2026, 11, 20)])
    plan = plan_year(loaded_workspace.mission("n"), 2026, 6, school_calendar(loaded_workspace))
    assert plan.proposed == [dt.date(2026, 3, 20), dt.date(2026, 9, 4), dt.date(2026, 10, 16), dt.date(2026, 12, 4)]


def test_plan_avoids_eves_and_municipal_breaks(workspace: Path) -> None:
    write_tree(workspace, {"missions/n.yaml": mission_with(meetings_rule(weekdays="[torsdag]", minimum=30))})
    loaded_workspace, _ = open_workspace(Path("missions"), dt.date(2026, 1, 1))
    calendar = school_calendar(loaded_workspace)
    plan = plan_year(loaded_workspace.mission("n"), 2026, None, calendar)
    assert len(plan.proposed) == 30
    for avoided in ("2026-04-02", "2026-04-30", "2026-05-14", "2026-02-12", "2026-10-29"):
        assert dt.date.fromisoformat(avoided) not in plan.proposed


def test_ics_round_trip(workspace: Path) -> None:
    rule = (
        "möten:\n  träffar:\n"
        '    - {datum: 2024-02-02, start: "09:00", slut: "12:00", plats: Skövde}\n'
        "    - {datum: 2024-06-14, plats: Lidköping}\n"
        "    - {datum: 2025-02-07}\n"
    )
    write_tree(workspace, {"missions/n.yaml": mission_with(rule)})
    loaded_workspace, _ = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    stamp = dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.UTC)
    data = meetings_calendar(loaded_workspace.mission("n").mission, 2024, stamp)
    calendar = icalendar.Calendar.from_ical(data)
    [timezone] = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Stockholm"
    timed, all_day = calendar.walk("VEVENT")
    assert timed["UID"] == meeting_uid("n", dt.date(2024, 2, 2))
    assert timed.decoded("DTSTART").isoformat() == "2024-02-02T09:00:00+01:00"
    assert str(timed.decoded("DTSTART").tzinfo) == "Europe/Stockholm"
    assert timed.decoded("DTEND").isoformat() == "2024-02-02T12:00:00+01:00"
    assert (str(timed["LOCATION"]), str(timed["SUMMARY"])) == ("Skövde", "Nätverksträff: Testnätverket")
    assert all_day.decoded("DTSTART") == dt.date(2024, 6, 14)
    assert all_day.decoded("DTEND") == dt.date(2024, 6, 15)
    assert b"DTSTART;TZID=Europe/Stockholm:20240202T090000" in data
    assert b"DTSTART;VALUE=DATE:20240614" in data
    # Exported again later: the same UIDs, so a calendar updates instead of duplicating.
    later = meetings_calendar(loaded_workspace.mission("n").mission, 2024, stamp + dt.timedelta(days=30))
    assert [e["UID"] for e in icalendar.Calendar.from_ical(later).walk("VEVENT")] == [timed["UID"], all_day["UID"]]


def _term_rule(*days: str, extra: str = "") -> str:
    rule = "möten:\n" + extra
    return rule + ("  träffar:\n" + "".join(f"    - datum: {d}\n" for d in days) if days else "")


PER_TERM = "  minst_per_termin: 2\n  veckodagar: [måndag, tisdag]\n  företrädesvis: true\n"


def test_a_per_term_rule_is_judged_on_each_term_and_a_preference_only_warns(workspace: Path) -> None:
    # 2026-10-08 is a Thursday: not a preferred day, but it counts.
    days = ("2026-02-16", "2026-03-17", "2026-09-14", "2026-10-08")
    check = _check(workspace, _term_rule(*days, extra=PER_TERM), 2026)
    assert (check.count, check.valid, check.ok, check.minimum_shown) == (4, 4, True, "2/termin")
    assert _problems(check) == [
        ("2026-10-08", "weekday", "warning", "2026-10-08 är en torsdag; regeln säger helst möten på måndagar eller tisdagar")
    ]


def test_a_term_with_too_few_meetings_is_an_error_and_a_meeting_on_a_day_off_does_not_count(workspace: Path) -> None:
    # Annandag påsk 2026 is Monday 6 April: the spring has one meeting that counts.
    days = ("2026-03-17", "2026-04-06", "2026-09-14", "2026-10-13")
    check = _check(workspace, _term_rule(*days, extra=PER_TERM), 2026)
    assert check.ok is False
    assert _problems(check) == [
        ("2026-04-06", "holiday", "error", "2026-04-06 (måndag) är annandag påsk, en ledig dag; närmaste bra dag: 2026-04-07 (tisdag)"),
        (
            None,
            "too_few_term",
            "error",
            "1 giltigt möte vårterminen 2026 (januari–juni); regeln kräver minst 2 per termin; "
            "föreslå fler med uppdrag plan-meetings n 2026 --write",
        ),
    ]


def test_a_per_school_year_rule_judges_the_school_year_that_ends_and_the_one_that_starts(workspace: Path) -> None:
    days = ("2025-09-15", "2025-11-10", "2026-02-16", "2026-09-14")
    check = _check(workspace, _term_rule(*days, extra="  minst_per_läsår: 4\n"), 2026)
    assert check.minimum_shown == "4/läsår"
    assert _problems(check) == [
        (
            None,
            "too_few_school_year",
            "error",
            "3 giltiga möten läsåret 2025/26; regeln kräver minst 4 per läsår; "
            "föreslå fler med uppdrag plan-meetings n 2026 --write",
        ),
        (
            None,
            "school_year_ahead",
            "warning",
            "1 giltigt möte läsåret 2026/27 hittills; regeln kräver minst 4 per läsår, så vårterminen 2027 behöver minst 3",
        ),
    ]
    days += ("2026-05-18", "2026-11-09", "2027-03-08", "2027-04-19")
    assert _problems(_check(workspace, _term_rule(*days, extra="  minst_per_läsår: 4\n"), 2026)) == []


def _plan(workspace: Path, rule: str, year: int = 2026, count: int | None = None):
    write_tree(workspace, {"missions/n.yaml": mission_with(rule)})
    loaded_workspace, result = open_workspace(Path("missions"), dt.date(2026, 1, 1))
    assert result.errors == 0, result.findings
    return plan_year(loaded_workspace.mission("n"), year, count, school_calendar(loaded_workspace))


def test_plan_gives_each_term_what_a_per_term_rule_asks(workspace: Path) -> None:
    plan = _plan(workspace, _term_rule(extra="  minst_per_termin: 2\n  veckodagar: [tisdag]\n"))
    assert (plan.wanted, plan.existing) == (4, [])
    assert [d.isoformat() for d in plan.proposed] == ["2026-02-24", "2026-05-12", "2026-09-15", "2026-11-17"]
    # With a yearly minimum of 6 as well, the year's total wins and the terms still get 2 each.
    plan = _plan(workspace, _term_rule("2026-03-17", extra="  minst_per_år: 6\n  minst_per_termin: 2\n  veckodagar: [tisdag]\n"))
    assert (plan.wanted, plan.existing, len(plan.proposed)) == (6, [dt.date(2026, 3, 17)], 5)
    assert sum(d.month <= 6 for d in plan.proposed) >= 1 and sum(d.month >= 8 for d in plan.proposed) >= 2
    # Nothing to add once each term has its two.
    full = _term_rule("2026-02-24", "2026-05-12", "2026-09-15", "2026-11-17", extra="  minst_per_termin: 2\n  veckodagar: [tisdag]\n")
    assert _plan(workspace, full).proposed == []


def test_plan_finishes_the_school_year_in_the_spring_and_starts_the_next_in_the_autumn(workspace: Path) -> None:
    plan = _plan(workspace, _term_rule("2025-10-14", extra="  minst_per_läsår: 4\n  veckodagar: [tisdag]\n"))
    spring = [d for d in plan.proposed if d.month <= 6]
    autumn = [d for d in plan.proposed if d.month >= 8]
    assert (len(spring), len(autumn)) == (3, 2)  # 1 + 3 for 2025/26, 2 of 4 for 2026/27
    assert all(d.weekday() == 1 for d in plan.proposed)


def test_plan_leaves_preferred_weekdays_only_when_they_have_no_room(workspace: Path) -> None:
    preferred = "  minst_per_termin: {}\n  veckodagar: [fredag]\n  företrädesvis: true\n"
    plan = _plan(workspace, _term_rule(extra=preferred.format(3)))
    assert all(d.weekday() == 4 for d in plan.proposed) and len(plan.proposed) == 6
    plan = _plan(workspace, _term_rule(extra=preferred.format(25)))
    assert len(plan.proposed) == 50
    assert any(d.weekday() != 4 for d in plan.proposed)
    # Without företrädesvis the weekday is a rule: 25 Fridays a term do not exist.
    with pytest.raises(PlanningError, match=r"^bara 35 möjliga dagar 2026; kan inte planera 50 möten$"):
        _plan(workspace, _term_rule(extra="  minst_per_termin: 25\n  veckodagar: [fredag]\n"))
