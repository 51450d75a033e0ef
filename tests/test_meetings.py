"""check-meetings, plan-meetings and calendar: the rules, the calendar, the outputs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
import yaml

from uppdrag.check.meetings import check_year, plan_year
from uppdrag.check.validation import open_workspace
from uppdrag.cli import app
from uppdrag.output.ical import meeting_uid, meetings_calendar

from .conftest import MINIMAL_MISSION, write_tree


def _mission(rule: str) -> str:
    return MINIMAL_MISSION.format(id="n") + rule


def _check(workspace: Path, rule: str, year: int = 2024, today: dt.date | None = None):
    write_tree(workspace, {"missions/n.yaml": _mission(rule)})
    loaded_workspace, result = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    assert result.errors == 0, result.findings
    return check_year(loaded_workspace.mission("n"), year, today)


def _problems(check) -> list[tuple[str | None, str, str, str]]:
    return [(p.date.isoformat() if p.date else None, p.kind, p.severity.value, p.message) for p in check.problems]


FRIDAYS = """\
möten:
  minst_per_år: 4
  veckodagar: [fredag]
  träffar:
"""


def test_a_good_year(workspace: Path) -> None:
    rule = FRIDAYS + "".join(f"    - datum: {d}\n" for d in ("2024-02-02", "2024-04-12", "2024-09-13", "2024-11-15"))
    check = _check(workspace, rule)
    assert (check.count, check.valid, check.minimum, check.ok, check.problems) == (4, 4, 4, True, [])


def test_holidays_weekdays_and_duplicates(workspace: Path) -> None:
    rule = FRIDAYS + "".join(
        f"    - datum: {d}\n"
        for d in (
            "2024-03-29",
            "2024-06-21",
            "2024-02-06",
            "2024-09-13",
            "2024-09-13",
            "2024-05-10",
            "2024-12-24",
            "2025-01-10",
        )
    )
    check = _check(workspace, rule)
    assert (check.count, check.valid, check.ok) == (7, 2, False)
    assert _problems(check) == [
        ("2024-02-06", "weekday", "error", "2024-02-06 är en tisdag; regeln säger möten på fredagar"),
        ("2024-03-29", "holiday", "error", "2024-03-29 (fredag) är långfredagen, en ledig dag"),
        (
            "2024-05-10",
            "bridge_day",
            "warning",
            "2024-05-10 (fredag) är en klämdag efter Kristi himmelsfärdsdag; många är lediga",
        ),
        ("2024-06-21", "holiday", "error", "2024-06-21 (fredag) är midsommarafton, en ledig dag"),
        ("2024-09-13", "duplicate", "error", "2024-09-13 (fredag) finns redan bland mötena"),
        ("2024-12-24", "weekday", "error", "2024-12-24 är en tisdag; regeln säger möten på fredagar"),
        ("2024-12-24", "holiday", "error", "2024-12-24 (tisdag) är julafton, en ledig dag"),
        (None, "too_few", "error", "2 giltiga möten 2024; regeln kräver minst 4"),
    ]


def test_juldagen_2026_is_a_friday_holiday(workspace: Path) -> None:
    check = _check(workspace, FRIDAYS + "    - datum: 2026-12-25\n", year=2026)
    assert ("2026-12-25", "holiday", "error", "2026-12-25 (fredag) är juldagen, en ledig dag") in _problems(check)


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


def test_cli_text(shipped: Path, runner) -> None:
    write_tree(
        shipped,
        {
            "missions/forskola.yaml": (shipped / "missions/forskola.yaml").read_text()
            + "  träffar:\n    - datum: 2024-03-29\n"
        },
    )
    result = runner.invoke(app, ["check-meetings", "2024", "forskola", "sarskola"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[4:6] == [
        "│ forskola │ Förskola  │ 1 (0 giltiga) │     4 │ fredag   │ 2 fel       │",
        "│ sarskola │ Särskolan │             0 │     – │ –        │ ingen regel │",
    ]
    assert result.stdout.endswith(
        "forskola\n"
        "  fel: 2024-03-29 (fredag) är långfredagen, en ledig dag  (missions/forskola.yaml:85:14)\n"
        "  fel: 0 giltiga möten 2024; regeln kräver minst 4  (missions/forskola.yaml:81:3)\n"
    )


def test_cli_json_keys(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2024", "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [r["network"] for r in report] == ["forskola", "grundskola", "ka", "sarskola", "skis"]
    for entry in report:
        assert list(entry) == ["network", "year", "count", "valid", "minimum", "ok", "problems"]
        for problem in entry["problems"]:
            assert list(problem) == ["date", "kind", "severity", "message"]
    assert report[3] == {
        "network": "sarskola",
        "year": 2024,
        "count": 0,
        "valid": 0,
        "minimum": None,
        "ok": True,
        "problems": [],
    }
    assert report[2]["problems"] == [
        {
            "date": None,
            "kind": "too_few",
            "severity": "error",
            "message": "inga möten inlagda för 2024; regeln kräver minst 5",
        }
    ]


def test_cli_exit_0_when_only_networks_without_rule(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2024", "sarskola"])
    assert result.exit_code == 0


@pytest.mark.parametrize("year", range(2024, 2031))
def test_plans_pass_the_check_for_every_shipped_rule(year: int, shipped: Path) -> None:
    workspace, _ = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    for loaded in workspace.missions:
        if loaded.mission.meetings is None:
            continue
        dates = plan_year(loaded, year, None, workspace.school_breaks)
        assert len(dates) == loaded.mission.meetings.minimum
        path = loaded.source.path
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["möten"]["träffar"] = [{"datum": d} for d in dates]
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    planned, result = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    assert result.errors == 0
    for loaded in planned.missions:
        check = check_year(loaded, year)
        assert check.ok and check.problems == [], (loaded.mission.id, check.problems)


def test_plan_spreads_over_both_terms(shipped: Path) -> None:
    workspace, _ = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    dates = plan_year(workspace.mission("forskola"), 2027, 6, workspace.school_breaks)
    assert [d.isoformat() for d in dates] == [
        "2027-01-29",
        "2027-03-19",
        "2027-05-14",
        "2027-08-27",
        "2027-10-08",
        "2027-11-26",
    ]
    assert all(d.weekday() == 4 for d in dates)


def test_plan_needs_a_rule_or_count(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["plan-meetings", "sarskola", "2027"])
    assert (result.exit_code, result.stderr) == (1, "fel: sarskola har ingen regel för antal möten; ange --count\n")
    assert runner.invoke(app, ["plan-meetings", "sarskola", "2027", "--count", "3"]).stdout.count("- datum:") == 3


def test_plan_write_keeps_comments_and_layout(shipped: Path, runner) -> None:
    path = shipped / "missions" / "forskola.yaml"
    original = "# Förskolans uppdrag – en kommentar som ska vara kvar\n" + path.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    result = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "missions/forskola.yaml: 4 möten 2027 tillagda\n"
    written = path.read_text(encoding="utf-8")
    assert written.startswith(original)  # everything before stays byte for byte
    assert written[len(original) :] == (
        "  träffar:\n"
        "    - datum: 2027-02-05\n"
        "    - datum: 2027-04-23\n"
        "    - datum: 2027-09-10\n"
        "    - datum: 2027-11-19\n"
    )
    check = runner.invoke(app, ["check-meetings", "2027", "forskola"])
    assert check.exit_code == 0
    again = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write"])
    assert again.exit_code == 1 and path.read_text(encoding="utf-8") == written


def test_plan_write_creates_the_meeting_block(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["plan-meetings", "sarskola", "2027", "--count", "2", "--write"])
    assert result.exit_code == 0
    assert (
        (shipped / "missions/sarskola.yaml")
        .read_text(encoding="utf-8")
        .endswith("utbildningschefsgruppen.\nmöten:\n  träffar:\n    - datum: 2027-03-22\n    - datum: 2027-10-11\n")
    )


def test_ics_round_trip(workspace: Path) -> None:
    rule = (
        "möten:\n  träffar:\n"
        '    - {datum: 2024-02-02, start: "09:00", slut: "12:00", plats: Skövde}\n'
        "    - {datum: 2024-06-14, plats: Lidköping}\n"
        "    - {datum: 2025-02-07}\n"
    )
    write_tree(workspace, {"missions/n.yaml": _mission(rule)})
    loaded_workspace, _ = open_workspace(Path("missions"), dt.date(2024, 1, 1))
    stamp = dt.datetime(2024, 1, 1, 8, 0, tzinfo=dt.timezone.utc)
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


def test_calendar_cli_writes_file(shipped: Path, runner) -> None:
    runner.invoke(app, ["plan-meetings", "skis", "2027", "--write"])
    result = runner.invoke(app, ["calendar", "skis", "2027", "-o", "skis.ics"])
    assert (result.exit_code, result.stdout) == (0, "skis.ics\n")
    events = icalendar.Calendar.from_ical((shipped / "skis.ics").read_bytes()).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in events] == [
        "2027-02-05",
        "2027-04-23",
        "2027-09-10",
        "2027-11-19",
    ]
