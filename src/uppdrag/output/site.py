"""A static website of all networks: its pages by name, and writing them into a folder.

Relative links only, so the folder works from a file:// URL and from any web server. The
pages are producers, called only when a page is wanted: `uppdrag site` calls every one and
writes the results to disk, the preview server calls one per request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from uppdrag.check.meetings import check_year, school_calendar
from uppdrag.check.validation import draft_warnings
from uppdrag.models import Organisation
from uppdrag.output.ical import combined_calendar, meetings_calendar
from uppdrag.output.plan_advice import with_plan_advice
from uppdrag.output.templates import TEMPLATES, Renderer, render_output
from uppdrag.read.loading import LoadedMission, Workspace
from uppdrag.views.document import build_document
from uppdrag.views.goals import goals_report
from uppdrag.views.overview import overview_rows
from uppdrag.views.year_calendar import network_meetings, next_meeting, year_calendar

Producer = Callable[[], str | bytes]

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".pdf": "application/pdf",
    ".ics": "text/calendar; charset=utf-8",
}
ALL_MEETINGS_CALENDAR = "alla-moten.ics"
CALENDAR_STYLESHEET = "kalender.css"


def meetings_page_name(year: int) -> str:
    return f"moten-{year}.html"


def site_pages(
    workspace: Workspace,
    renderer: Renderer,
    year: int,
    today: dt.date,
    review: bool = False,
    stamp: dt.datetime | None = None,
) -> dict[str, Producer]:
    """Every page of the site by file name, index first; nothing is rendered until called.

    The meetings page is the year's calendar for readers. With review (the coordinator's
    preview), it and each network's page also show the meetings judged against the rule, with
    the commands that fix them; the published site never does. stamp is the DTSTAMP of the calendar files
    (default: the start of today, UTC, so one day's builds are alike)."""
    missions = sorted(workspace.missions, key=lambda m: m.mission.id)
    meetings_page = meetings_page_name(year)
    names = {m.mission.id: m.mission.name for m in missions}
    shared = {"site": True, "meetings_page": meetings_page, "organisation": workspace.organisation}
    exported = stamp or dt.datetime.combine(today, dt.time(), dt.UTC)

    def calendar_page() -> str:
        school = school_calendar(workspace)
        # today: the coordinator also hears of held meetings without minutes
        checks = (
            [with_plan_advice(check_year(m, year, today, school), m, school, today) for m in missions]
            if review
            else None
        )
        view = year_calendar([m.mission for m in missions], year, today, school)
        return renderer.render_template(
            "kalender.html.j2", cal=view, year=year, checks=checks, all_calendar=ALL_MEETINGS_CALENDAR, **shared
        )

    pages: dict[str, Producer] = {
        "index.html": lambda: renderer.render_template(
            "index.html.j2",
            entries=overview_rows(workspace, today),
            next_meetings={m.mission.id: next_meeting(m.mission, today) for m in missions},
            **shared,
        ),
        "mal.html": lambda: renderer.render_template(
            "mal.html.j2", report=goals_report(workspace), names=names, **shared
        ),
        meetings_page: calendar_page,
        "style.css": lambda: renderer.render_template("uppdrag.css"),
        CALENDAR_STYLESHEET: lambda: renderer.render_template(CALENDAR_STYLESHEET),
        ALL_MEETINGS_CALENDAR: lambda: combined_calendar(
            [m.mission for m in missions], None, exported, workspace.organisation
        ),
    }
    drafts = draft_warnings(workspace, today)  # an unfinished document is published marked UTKAST
    for loaded in missions:
        draft = bool(drafts[loaded.mission.id])
        network = loaded.mission.id
        pages[f"{network}.html"] = _network_page(workspace, renderer, loaded, draft, year, today, meetings_page, review)
        pages[f"{network}.pdf"] = _network_pdf(workspace, renderer, loaded, draft)
        pages[network_calendar_name(network)] = _network_calendar(loaded, exported, workspace.organisation)
    return pages


def network_calendar_name(network: str) -> str:
    return f"{network}.ics"


def _network_page(
    workspace: Workspace,
    renderer: Renderer,
    loaded: LoadedMission,
    draft: bool,
    year: int,
    today: dt.date,
    meetings_page: str,
    review: bool,
) -> Producer:
    def page() -> str:
        document = build_document(loaded, workspace, draft=draft)
        school = school_calendar(workspace)
        check = with_plan_advice(check_year(loaded, year, today, school), loaded, school, today) if review else None
        return renderer.render_template(
            TEMPLATES["html"],
            doc=document,
            mission=document.mission,
            for_pdf=False,
            site=True,
            year=year,
            year_meetings=network_meetings(loaded.mission, year, today),
            network_calendar=network_calendar_name(loaded.mission.id),
            all_calendar=ALL_MEETINGS_CALENDAR,
            meetings_page=meetings_page,
            network_check=check,
        )

    return page


def _network_pdf(workspace: Workspace, renderer: Renderer, loaded: LoadedMission, draft: bool) -> Producer:
    return lambda: render_output(renderer, build_document(loaded, workspace, draft=draft), "pdf", "pdf/ua-1")


def _network_calendar(loaded: LoadedMission, stamp: dt.datetime, organisation: Organisation) -> Producer:
    """The file `uppdrag calendar <id>` writes: every meeting, so a subscriber sees the coming years too."""
    return lambda: meetings_calendar(loaded.mission, None, stamp, organisation)
