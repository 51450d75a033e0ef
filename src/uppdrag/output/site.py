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
from uppdrag.output.templates import Renderer, render_output
from uppdrag.read.loading import LoadedMission, Workspace
from uppdrag.views.document import build_document
from uppdrag.views.goals import goals_report
from uppdrag.views.overview import overview_rows

Producer = Callable[[], str | bytes]

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".pdf": "application/pdf",
}


def meetings_page_name(year: int) -> str:
    return f"moten-{year}.html"


def site_pages(workspace: Workspace, renderer: Renderer, year: int, today: dt.date) -> dict[str, Producer]:
    """Every page of the site by file name, index first; nothing is rendered until called."""
    missions = sorted(workspace.missions, key=lambda m: m.mission.id)
    meetings_page = meetings_page_name(year)
    names = {m.mission.id: m.mission.name for m in missions}
    shared = {"site": True, "meetings_page": meetings_page, "organisation": workspace.organisation}
    pages: dict[str, Producer] = {
        "index.html": lambda: renderer.render_template(
            "index.html.j2", entries=overview_rows(workspace, today), **shared
        ),
        "mal.html": lambda: renderer.render_template(
            "mal.html.j2", report=goals_report(workspace), names=names, **shared
        ),
        meetings_page: lambda: renderer.render_template(
            "moten.html.j2",
            checks=[check_year(m, year, calendar=school_calendar(workspace)) for m in missions],
            year=year,
            **shared,
        ),
        "style.css": lambda: renderer.render_template("uppdrag.css"),
    }
    drafts = draft_warnings(workspace, today)  # an unfinished document is published marked UTKAST
    for loaded in missions:
        draft = bool(drafts[loaded.mission.id])
        pages[f"{loaded.mission.id}.html"] = _network_page(workspace, renderer, loaded, draft)
        pages[f"{loaded.mission.id}.pdf"] = _network_pdf(workspace, renderer, loaded, draft)
    return pages


def _network_page(workspace: Workspace, renderer: Renderer, loaded: LoadedMission, draft: bool) -> Producer:
    return lambda: renderer.render(build_document(loaded, workspace, draft=draft), "html", site=True)


def _network_pdf(workspace: Workspace, renderer: Renderer, loaded: LoadedMission, draft: bool) -> Producer:
    return lambda: render_output(renderer, build_document(loaded, workspace, draft=draft), "pdf", "pdf/ua-1")
