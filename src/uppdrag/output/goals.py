"""The goals report as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from uppdrag.models import SKARABORG, Organisation
from uppdrag.views.goals import GoalsReport

if TYPE_CHECKING:  # Jinja stays out of this module's imports
    from uppdrag.output.templates import Renderer


def to_json(report: GoalsReport) -> str:
    return json.dumps(
        {
            "styrdokument": [
                {
                    "id": doc.steering.id,
                    "namn": doc.steering.name,
                    "nätverk": [network for network, _ in doc.networks],
                    "mål": [
                        {
                            "id": row.goal.id,
                            "namn": row.goal.name,
                            "uppdrag_per_nätverk": row.counts,
                            "fokus": row.focus,
                            "utan_nätverk": row.uncovered,
                            "uppdrag": [{"nätverk": n, "text": t} for n, t in row.assignments],
                        }
                        for row in doc.rows
                    ],
                }
                for doc in report.documents
            ],
            "uppdrag_utan_mål": [{"nätverk": n, "text": t} for n, _, t in report.without_goal],
        },
        ensure_ascii=False,
        indent=2,
    )


def goals_page(
    report: GoalsReport, names: dict[str, str], renderer: Renderer, fmt: str, organisation: Organisation = SKARABORG
) -> str:
    """The report as a Markdown or HTML page from the mal.*.j2 templates."""
    name = "mal.html.j2" if fmt == "html" else "mal.md.j2"
    return renderer.render_template(name, report=report, names=names, site=False, organisation=organisation)
