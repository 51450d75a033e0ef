"""One row per network: what the coordinator wants to see of all of them at once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass

from uppdrag.models import Mission
from uppdrag.output.escape import markdown_escape
from uppdrag.read.loading import Workspace

COLUMNS = {
    "id": "Id",
    "name": "Namn",
    "steering_id": "Styrdokument (id)",
    "steering_document": "Styrdokument",
    "goal_ids": "Mål (id)",
    "goals": "Mål",
    "chair": "Ordförande",
    "secretary": "Sekreterare",
    "meeting_rule": "Mötesregel",
    "revised": "Reviderad",
    "revised_age_days": "Dagar sedan revidering",
    "period": "Period",
}


@dataclass(frozen=True)
class OverviewRow:
    id: str
    name: str
    steering_id: str
    steering_document: str
    goal_ids: str
    goals: str
    chair: str
    secretary: str
    meeting_rule: str
    revised: str
    revised_age_days: int | None
    period: str

    @property
    def revision_overdue(self) -> bool:
        return self.revised_age_days is None or self.revised_age_days > 365


def _people(mission: Mission, kind: str) -> str:
    role = mission.role(kind)
    if role is None:
        return ""
    return "; ".join(f"{p.name}, {p.municipality}" for p in role.people)


def overview_rows(workspace: Workspace, today: dt.date) -> list[OverviewRow]:
    rows = []
    for loaded in sorted(workspace.missions, key=lambda m: m.mission.id):
        mission = loaded.mission
        steering = workspace.steering_documents[mission.steering_document]
        labels = []
        for goal_id in mission.goal_ids():
            goal = steering.goal(goal_id)
            labels.append(goal_id if goal is None else goal.name)
        rule = mission.meetings.sentence if mission.meetings else None
        rows.append(
            OverviewRow(
                id=mission.id,
                name=mission.name,
                steering_id=steering.id,
                steering_document=steering.name,
                goal_ids=", ".join(mission.goal_ids()),
                goals="; ".join(labels),
                chair=_people(mission, "ordförande"),
                secretary=_people(mission, "sekreterare"),
                meeting_rule=(rule or "ingen regel").removesuffix("."),
                revised=mission.revised.isoformat() if mission.revised else "",
                revised_age_days=(today - mission.revised).days if mission.revised else None,
                period=mission.assignments.period,
            )
        )
    return rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A text cell that Excel would read as a formula ('=HYPERLINK(…)', '+1', '@SUM') gets a
    leading apostrophe, as OWASP's CSV injection guidance says; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[OverviewRow]) -> bytes:
    """UTF-8 with BOM and ';' between fields: what a Swedish Excel opens with å ä ö intact."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS.values())
    for row in rows:
        writer.writerow(["" if v is None else csv_cell(v) for v in asdict(row).values()])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(rows: list[OverviewRow]) -> str:
    return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2)


def _md_cell(value: object) -> str:
    return "" if value is None else markdown_escape(value).replace("\n", " ")


def to_markdown(rows: list[OverviewRow]) -> str:
    lines = ["| " + " | ".join(COLUMNS.values()) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(_md_cell(v) for v in asdict(row).values()) + " |" for row in rows]
    return "\n".join(lines) + "\n"
