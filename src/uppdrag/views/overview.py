"""One row per network: what the coordinator wants to see of all of them at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from uppdrag.check.meetings import absent_municipalities
from uppdrag.models import CONVENER, Mission
from uppdrag.read.loading import Workspace

COLUMNS = {
    "id": "Id",
    "name": "Namn",
    "steering_id": "Styrdokument (id)",
    "steering_document": "Styrdokument",
    "goal_ids": "Mål (id)",
    "goals": "Mål",
    "chair": "Ordförande",
    "convener": "Sammankallande",
    "secretary": "Sekreterare",
    "members": "Medlemmar",
    "absent": "Inte på något möte i år",
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
    convener: str
    secretary: str
    members: str
    absent: str
    meeting_rule: str
    revised: str
    revised_age_days: int | None
    period: str
    meeting_rule_short: str = field(default="", compare=False)  # "4/år på fredagar", for tables; not exported
    member_count: int = field(default=0, compare=False)
    member_municipalities: int = field(default=0, compare=False)  # how many municipalities have a member

    def exported(self) -> dict[str, object]:
        return {key: getattr(self, key) for key in COLUMNS}

    @property
    def revision_overdue(self) -> bool:
        return self.revised_age_days is None or self.revised_age_days > 365


def _people(mission: Mission, kind: str) -> str:
    """Everyone in the roles of this kind ('sammankallande' in any case), 'Namn, Kommun; …'."""
    people = [p for role in mission.roles_named(kind) for p in role.people]
    return "; ".join(dict.fromkeys(p.name_and_municipality for p in people))


def _absent(mission: Mission, year: int, municipalities: Sequence[str]) -> str:
    """Who was at no meeting this year, when someone is expected: every municipality (alla_kommuner) or the members'."""
    expected = mission.members or (mission.meetings and mission.meetings.all_municipalities)
    return ", ".join(absent_municipalities(mission, year, municipalities) or []) if expected else ""


def overview_rows(workspace: Workspace, today: dt.date) -> list[OverviewRow]:
    rows = []
    municipalities = workspace.organisation.municipalities
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
                convener=_people(mission, CONVENER),
                secretary=_people(mission, "sekreterare"),
                members="; ".join(p.name_and_municipality for p in mission.members),
                absent=_absent(mission, today.year, municipalities),
                meeting_rule=(rule or "ingen regel").removesuffix("."),
                revised=mission.revised.isoformat() if mission.revised else "",
                revised_age_days=(today - mission.revised).days if mission.revised else None,
                period=mission.assignments.period,
                meeting_rule_short=mission.meetings.short if mission.meetings else "ingen regel",
                member_count=len(mission.members),
                member_municipalities=len({p.municipality for p in mission.members if p.municipality}),
            )
        )
    return rows
