"""Which networks' assignments serve which goal: the matrix the school chiefs ask for."""

from __future__ import annotations

from dataclasses import dataclass, field

from uppdrag.models import Goal, SteeringDocument
from uppdrag.read.loading import Workspace


@dataclass
class GoalRow:
    goal: Goal
    label: str  # "Mål 2", "Prioriterat utvecklingsområde 1", "Tillägg till …"
    counts: dict[str, int]  # network id -> assignments serving this goal
    focus: list[str]  # networks that name the goal as a focus
    assignments: list[tuple[str, str]] = field(default_factory=list)  # (network id, text)

    @property
    def uncovered(self) -> bool:
        """No network works on this goal: neither assignments nor a stated focus."""
        return not self.focus and not any(self.counts.values())


@dataclass
class SteeringReport:
    steering: SteeringDocument
    networks: list[tuple[str, str]]  # (id, name) of the networks under this document
    rows: list[GoalRow]


@dataclass
class GoalsReport:
    documents: list[SteeringReport]
    without_goal: list[tuple[str, str, str]]  # (network id, network name, assignment)


def goals_report(workspace: Workspace) -> GoalsReport:
    documents = []
    without_goal = []
    missions = sorted(workspace.missions, key=lambda m: m.mission.id)
    for steering in workspace.steering_documents.values():
        own = [m.mission for m in missions if m.mission.steering_document == steering.id]
        rows = []
        for goal in steering.goals:
            row = GoalRow(goal, steering.goal_label(goal), {m.id: 0 for m in own}, [])
            for mission in own:
                if goal.id in mission.purpose.goal_ids():
                    row.focus.append(mission.id)
                for group in mission.assignments.groups:
                    if group.goal == goal.id:
                        row.counts[mission.id] += len(group.items)
                        row.assignments += [(mission.id, item) for item in group.items]
            rows.append(row)
        documents.append(SteeringReport(steering, [(m.id, m.name) for m in own], rows))
    for loaded in missions:
        mission = loaded.mission
        for group in mission.assignments.groups:
            if group.goal is None:
                without_goal += [(mission.id, mission.name, item) for item in group.items]
    return GoalsReport(documents, without_goal)
