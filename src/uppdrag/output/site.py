"""A static website of all networks, for publishing on utbildningskaraborg.se as it is.

Relative links only, so the folder works from a file:// URL and from any web server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from uppdrag.check.meetings import check_year
from uppdrag.check.validation import draft_warnings
from uppdrag.files import atomic_write, inside
from uppdrag.output.templates import Renderer, render_output
from uppdrag.read.loading import Workspace
from uppdrag.views.document import build_document
from uppdrag.views.goals import goals_report
from uppdrag.views.overview import overview_rows


def build_site(
    workspace: Workspace,
    renderer: Renderer,
    folder: Path,
    year: int,
    today: dt.date,
    progress: Callable[[str], None] = lambda name: None,
) -> list[Path]:
    """Write the site into folder; return the files written, index first."""
    missions = sorted(workspace.missions, key=lambda m: m.mission.id)
    meetings_page = f"moten-{year}.html"
    names = {m.mission.id: m.mission.name for m in missions}
    pages: list[tuple[str, str | bytes]] = [
        (
            "index.html",
            renderer.render_template(
                "index.html.j2", entries=overview_rows(workspace, today), site=True, meetings_page=meetings_page
            ),
        ),
        (
            "mal.html",
            renderer.render_template(
                "mal.html.j2", report=goals_report(workspace), names=names, site=True, meetings_page=meetings_page
            ),
        ),
        (
            meetings_page,
            renderer.render_template(
                "moten.html.j2",
                checks=[check_year(m, year) for m in missions],
                year=year,
                site=True,
                meetings_page=meetings_page,
            ),
        ),
        ("style.css", renderer.render_template("uppdrag.css")),
    ]
    drafts = draft_warnings(workspace, today)  # an unfinished document is published marked UTKAST
    written = []
    for name, content in pages:
        atomic_write(inside(folder, name), content)
        written.append(folder / name)
    for loaded in missions:
        progress(loaded.mission.id)
        document = build_document(loaded, workspace, draft=bool(drafts[loaded.mission.id]))
        for name, content in (
            (f"{loaded.mission.id}.html", renderer.render(document, "html", site=True)),
            (f"{loaded.mission.id}.pdf", render_output(renderer, document, "pdf", "pdf/ua-1")),
        ):
            atomic_write(inside(folder, name), content)
            written.append(folder / name)
    return written
