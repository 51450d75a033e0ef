"""Meetings as an iCalendar file (RFC 5545) for import into calendar programs."""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

import icalendar

from uppdrag.models import Meeting, Mission

TIMEZONE = "Europe/Stockholm"
_HOUR = dt.timedelta(hours=1)


def meeting_uid(network: str, day: dt.date, number: int = 1) -> str:
    """Stable across exports, so that importing again updates an event instead of duplicating it.

    The second meeting on one day (number 2) gets a UID of its own; the first keeps the UID it
    has always had."""
    key = f"{network}/{day.isoformat()}" + (f"/{number}" if number > 1 else "")
    digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]
    suffix = f"-{number}" if number > 1 else ""
    return f"{network}-{day.isoformat()}{suffix}-{digest}@uppdrag.utbildningskaraborg.se"


def _event(mission: Mission, meeting: Meeting, stamp: dt.datetime, number: int = 1) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", meeting_uid(mission.id, meeting.date, number))
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


def meetings_calendar(mission: Mission, year: int | None, stamp: dt.datetime) -> bytes:
    """The network's meetings (in year, or all) with the VTIMEZONE of Europe/Stockholm.

    stamp is the DTSTAMP of every event: the time of export, given by the caller."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Utbildning Skaraborg//uppdrag//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Nätverket {mission.name}")
    calendar.add("x-wr-timezone", TIMEZONE)
    meetings = mission.meetings.meetings if mission.meetings else []
    numbers: dict[dt.date, int] = {}
    for meeting in sorted(meetings, key=lambda m: m.date):
        if year is None or meeting.date.year == year:
            numbers[meeting.date] = numbers.get(meeting.date, 0) + 1
            event = _event(mission, meeting, stamp.astimezone(dt.UTC), numbers[meeting.date])
            calendar.add_component(event)
    if not calendar.timezones:
        calendar.add_component(icalendar.Timezone.from_tzid(TIMEZONE))
    calendar.add_missing_timezones()
    for zone in calendar.walk("VTIMEZONE"):  # the library's own English note about its range
        for part in (zone, *zone.subcomponents):
            part.pop("COMMENT", None)
    data: bytes = calendar.to_ical()  # icalendar's own annotation is loose
    return data
