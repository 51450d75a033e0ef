"""output.ical: one network's calendar file and every network's in one, read back by two parsers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from tests.support.planned import TODAY, plan_2026
from uppdrag.check.validation import open_workspace
from uppdrag.models import Meeting
from uppdrag.output.ical import combined_calendar, meeting_uid, meetings_calendar

STAMP = dt.datetime(2026, 5, 1, 6, 30, tzinfo=dt.UTC)


@pytest.fixture
def missions(shipped: Path):
    plan_2026(Path("missions"))
    workspace, result = open_workspace(Path("missions"), TODAY)
    assert result.errors == 0
    return {m.mission.id: m.mission for m in workspace.missions}


def test_every_networks_meetings_in_one_file_with_their_own_uids(missions) -> None:
    data = combined_calendar(list(missions.values()), None, STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Alla nätverks möten"
    events = calendar.walk("VEVENT")
    own = [
        str(e["UID"])
        for network in sorted(missions)
        for e in icalendar.Calendar.from_ical(meetings_calendar(missions[network], None, STAMP)).walk("VEVENT")
    ]
    assert [str(e["UID"]) for e in events] == own  # by network, then date: the same events as each file's
    assert len(events) == 18  # 17 in 2026 and förskolan's in 2027
    assert str(events[0]["UID"]) == meeting_uid("forskola", dt.date(2026, 2, 6))
    assert len(calendar.walk("VTIMEZONE")) == 1
    only_2026 = icalendar.Calendar.from_ical(combined_calendar(list(missions.values()), 2026, STAMP))
    assert len(only_2026.walk("VEVENT")) == 17


def test_the_second_parser_reads_the_same_events(missions) -> None:
    data = combined_calendar(list(missions.values()), 2026, STAMP).decode("utf-8")
    parsed = vobject.readOne(data)
    events = parsed.contents["vevent"]
    assert len(events) == 17
    timed = next(e for e in events if e.uid.value == meeting_uid("skis", dt.date(2026, 2, 6)))
    assert timed.dtstart.value.isoformat() == "2026-02-06T09:00:00+01:00"
    assert timed.dtend.value.isoformat() == "2026-02-06T12:00:00+01:00"
    assert (timed.summary.value, timed.location.value) == (
        "Nätverksträff: Skolutveckling i Skaraborg, SKIS",
        "Skövde, Kommunalförbundet",
    )
    assert timed.description.value == "Minnesanteckningar: https://utbildningskaraborg.se/skis/2026-02-06"
    one_hour = next(e for e in events if e.uid.value == meeting_uid("skis", dt.date(2026, 4, 24)))
    assert one_hour.dtend.value - one_hour.dtstart.value == dt.timedelta(hours=1)
    assert one_hour.dtstart.value.isoformat() == "2026-04-24T13:00:00+02:00"  # summer time
    all_day = next(e for e in events if e.uid.value == meeting_uid("ka", dt.date(2026, 1, 29)))
    assert (all_day.dtstart.value, all_day.dtend.value) == (dt.date(2026, 1, 29), dt.date(2026, 1, 30))
    assert all(e.dtstamp.value == STAMP for e in events)


def test_the_time_zone_is_the_yearly_rule_every_reader_follows(missions) -> None:
    """As a rule (RRULE), not icalendar's list of dated changes, whose later dates vobject (and
    programs like it) skip: every summer meeting would be an hour off there."""
    data = meetings_calendar(missions["skis"], None, STAMP)
    zone = data.split(b"BEGIN:VTIMEZONE")[1].split(b"END:VTIMEZONE")[0]
    assert b"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in zone and b"RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in zone
    assert b"RDATE" not in zone
    stockholm = ZoneInfo("Europe/Stockholm")
    tz = vobject.readOne(data.decode("utf-8")).vevent_list[0].dtstart.value.tzinfo
    for moment in (dt.datetime(2026, 3, 29, 1, 59), dt.datetime(2026, 3, 29, 3, 0), dt.datetime(2031, 7, 4, 9),
                   dt.datetime(2026, 10, 25, 3, 0), dt.datetime(2026, 12, 4, 9)):  # fmt: skip
        assert moment.replace(tzinfo=tz).utcoffset() == moment.replace(tzinfo=stockholm).utcoffset(), moment


def test_a_meeting_before_the_eu_rule_gets_the_zones_history(missions) -> None:
    skis = missions["skis"]
    old = Meeting.model_validate({"datum": "1990-06-01", "start": "10:00"})
    rule = skis.meetings.model_copy(update={"meetings": [old, *skis.meetings.meetings]})
    data = meetings_calendar(skis.model_copy(update={"meetings": rule}), None, STAMP)
    zone = data.split(b"BEGIN:VTIMEZONE")[1].split(b"END:VTIMEZONE")[0]
    assert b"RDATE" in zone and b"RRULE" not in zone and b"COMMENT" not in zone
    [first, *_] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert first.decoded("DTSTART").isoformat() == "1990-06-01T10:00:00+02:00"
