"""Meetings as an iCalendar file (RFC 5545) for import into calendar programs."""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

import icalendar

from uppdrag.models import SKARABORG, Meeting, Mission, Organisation

TIMEZONE = "Europe/Stockholm"
_HOUR = dt.timedelta(hours=1)


def meeting_uid(network: str, day: dt.date, number: int = 1, organisation: Organisation = SKARABORG) -> str:
    """Stable across exports, so that importing again updates an event instead of duplicating it.

    The second meeting on one day (number 2) gets a UID of its own; the first keeps the UID it
    has always had. The domain is the organisation's (Skaraborg's: uppdrag.utbildningskaraborg.se)."""
    key = f"{network}/{day.isoformat()}" + (f"/{number}" if number > 1 else "")
    digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]
    suffix = f"-{number}" if number > 1 else ""
    return f"{network}-{day.isoformat()}{suffix}-{digest}@uppdrag.{organisation.calendar_domain}"


def _event(
    mission: Mission, meeting: Meeting, stamp: dt.datetime, number: int, organisation: Organisation
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", meeting_uid(mission.id, meeting.date, number, organisation))
    event.add("dtstamp", stamp)
    event.add("summary", f"Nätverksträff: {mission.name}")
    if meeting.start:
        zone = ZoneInfo(TIMEZONE)
        start = dt.datetime.combine(meeting.date, dt.time.fromisoformat(meeting.start), zone)
        event.add("dtstart", start)
        end = dt.time.fromisoformat(meeting.end) if meeting.end else None
        if end is None:  # an hour, within the day (so 9999-12-31 23:30 cannot overflow)
            later = dt.datetime.combine(dt.date.min, start.time()) + _HOUR
            end = later.time() if later.date() == dt.date.min else dt.time(23, 59)
        event.add("dtend", dt.datetime.combine(meeting.date, end, zone))
    else:
        event.add("dtstart", meeting.date)  # an all-day event: VALUE=DATE
        if meeting.date < dt.date.max:  # without DTEND an all-day event lasts its one day
            event.add("dtend", meeting.date + dt.timedelta(days=1))
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.minutes:
        event.add("description", f"Minnesanteckningar: {meeting.minutes}")
    return event


def meetings_calendar(
    mission: Mission, year: int | None, stamp: dt.datetime, organisation: Organisation = SKARABORG
) -> bytes:
    """The network's meetings (in year, or all) with the VTIMEZONE of Europe/Stockholm.

    stamp is the DTSTAMP of every event: the time of export, given by the caller."""
    return _calendar([mission], f"Nätverket {mission.name}", year, stamp, organisation)


ALL_NAME = "Alla nätverks möten"


def combined_calendar(
    missions: list[Mission], year: int | None, stamp: dt.datetime, organisation: Organisation = SKARABORG
) -> bytes:
    """Every network's meetings in one file; each event has the UID its network's own file gives
    it, so subscribing to both shows a meeting once in calendars that merge by UID."""
    return _calendar(sorted(missions, key=lambda m: m.id), ALL_NAME, year, stamp, organisation)


def _calendar(
    missions: list[Mission], name: str, year: int | None, stamp: dt.datetime, organisation: Organisation
) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{organisation.name}//uppdrag//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    moment = stamp.astimezone(dt.UTC)
    by_rule = True
    for mission in missions:
        meetings = mission.meetings.meetings if mission.meetings else []
        numbers: dict[dt.date, int] = {}
        for meeting in sorted(meetings, key=lambda m: m.date):
            if year is None or meeting.date.year == year:
                by_rule = by_rule and meeting.date >= _EU_RULE_SINCE
                numbers[meeting.date] = numbers.get(meeting.date, 0) + 1
                calendar.add_component(_event(mission, meeting, moment, numbers[meeting.date], organisation))
    if by_rule:
        calendar.add_component(_stockholm_by_rule())
    else:  # a meeting before the EU's rule: the zone's full history, as dated transitions
        calendar.add_component(icalendar.Timezone.from_tzid(TIMEZONE))
        for zone in calendar.walk("VTIMEZONE"):  # the library's own English note about its range
            for part in (zone, *zone.subcomponents):
                part.pop("COMMENT", None)
    data: bytes = calendar.to_ical()  # icalendar's own annotation is loose
    return data


_EU_RULE_SINCE = dt.date(1996, 1, 1)


def _stockholm_by_rule() -> icalendar.Timezone:
    """Europe/Stockholm as the EU's yearly rule (since 1996: summer time from the last Sunday of
    March to the last Sunday of October), the form Outlook and Google write. A list of dated
    transitions (RDATE), which icalendar would write, is read by some programs as its first date
    only, and they would show every later summer meeting an hour off."""
    zone = icalendar.Timezone()
    zone.add("tzid", TIMEZONE)
    for kind, name, start, before, after, month in (
        (icalendar.TimezoneDaylight, "CEST", dt.datetime(1996, 3, 31, 2), 1, 2, 3),
        (icalendar.TimezoneStandard, "CET", dt.datetime(1996, 10, 27, 3), 2, 1, 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone
