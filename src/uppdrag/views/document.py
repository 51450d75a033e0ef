"""A mission with its shared parts resolved: what a template needs to show one document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from uppdrag.models import Background, Goal, Meeting, Mission, Role, SteeringDocument
from uppdrag.read.loading import LoadedMission, Workspace


@dataclass(frozen=True)
class GoalView:
    label: str  # "Mål 2", "Prioriterat utvecklingsområde 1", or a goal's name
    name: str
    description: str | None
    subgoals: list[str]
    number: str | None  # "2" for a numbered goal, None for "tillägg"


@dataclass(frozen=True)
class BlockView:
    kind: str  # "text", "bullets" or "goals"
    text: str = ""
    items: list[str] = field(default_factory=list)
    goals: list[GoalView] = field(default_factory=list)


@dataclass(frozen=True)
class AssignmentGroupView:
    goal: GoalView | None
    reporting: str | None
    items: list[str]


@dataclass(frozen=True)
class Document:
    mission: Mission
    title: str
    steering: SteeringDocument
    background_heading: str | None
    background: list[BlockView]
    purpose_paragraphs: list[str]
    purpose_goals: list[GoalView]
    purpose_bullets: list[str]
    assignment_intro: str
    assignment_groups: list[AssignmentGroupView]
    roles: list[Role]
    meeting_sentences: list[str]
    meetings: list[Meeting]
    revised: dt.date | None


def goal_view(steering: SteeringDocument, goal: Goal, subgoals: list[str] | None = None) -> GoalView:
    return GoalView(
        label=steering.goal_label(goal),
        name=goal.name,
        description=goal.description,
        subgoals=list(goal.subgoals if subgoals is None else subgoals),
        number=goal.id if goal.id.isdigit() else None,
    )


def _background(background: Background, steering_documents: dict[str, SteeringDocument]) -> list[BlockView]:
    blocks = []
    for block in background.blocks:
        if block.text is not None:
            blocks.append(BlockView("text", text=block.text))
        elif block.bullets is not None:
            blocks.append(BlockView("bullets", items=list(block.bullets)))
        elif block.goal_list is not None:
            listed = steering_documents[block.goal_list]
            blocks.append(BlockView("goals", goals=[goal_view(listed, g) for g in listed.goals]))
    return blocks


def build_document(loaded: LoadedMission, workspace: Workspace) -> Document:
    """Resolve references; the workspace must have passed validation."""
    mission = loaded.mission
    steering_documents = workspace.steering_documents
    steering = steering_documents[mission.steering_document]
    background = workspace.backgrounds[mission.background]

    def goal(goal_id: str, subgoals: list[str] | None = None) -> GoalView:
        return goal_view(steering, steering.goal(goal_id), subgoals)  # type: ignore[arg-type]

    rule = mission.meetings
    sentences = []
    if rule is not None:
        sentences = [s for s in (rule.sentence, rule.all_municipalities_sentence, rule.minutes_note) if s]
    return Document(
        mission=mission,
        title=f"Uppdragsbeskrivning för nätverket {mission.name}",
        steering=steering,
        background_heading=background.heading,
        background=_background(background, steering_documents),
        purpose_paragraphs=list(mission.purpose.paragraphs),
        purpose_goals=[goal(g.goal, g.subgoals) for g in mission.purpose.goals],
        purpose_bullets=list(mission.purpose.bullets),
        assignment_intro=f"Skolchefsnätverket ger följande uppdrag {mission.assignments.phrase}:",
        assignment_groups=[
            AssignmentGroupView(goal(g.goal) if g.goal else None, g.reporting, list(g.items))
            for g in mission.assignments.groups
        ],
        roles=list(mission.roles),
        meeting_sentences=sentences,
        meetings=sorted(rule.meetings, key=lambda m: m.date) if rule else [],
        revised=mission.revised,
    )
