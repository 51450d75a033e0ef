"""A mission with its shared parts resolved: what a template needs to show one document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from uppdrag.models import (
    SKARABORG,
    AssignmentGroup,
    BackgroundText,
    Goal,
    Meeting,
    Mission,
    Organisation,
    Person,
    Role,
    SteeringDocument,
)
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
class PurposeGoalView:
    goal: GoalView
    heading: str  # the original's heading, else "Mål 2: Höjd utbildningsnivå" (the name in a numbered list)


@dataclass(frozen=True)
class AssignmentGroupView:
    goal: GoalView | None
    heading: str | None  # the original's heading, else the goal's label and name; None: no heading
    reporting: str | None
    items: list[str]


@dataclass(frozen=True)
class MemberTable:
    """The network's members as a table: only the columns some member has, in every format alike."""

    header: list[str]
    rows: list[list[str]]


_MEMBER_COLUMNS = (("Namn", "name"), ("Kommun", "municipality"), ("Titel", "title"), ("E-post", "email"))


def member_table(members: list[Person]) -> MemberTable | None:
    if not members:
        return None
    columns = [(label, key) for label, key in _MEMBER_COLUMNS if any(getattr(m, key) for m in members)]
    rows = [[getattr(m, key) or "" for _, key in columns] for m in members]
    return MemberTable([label for label, _ in columns], rows)


# The meeting table's columns (key -> header) as render --docx writes them and import reads them
# back: one source, so a renamed column is read as it is written.
MEETING_COLUMNS = {
    "datum": "Datum",
    "tid": "Tid",
    "plats": "Plats",
    "närvarande": "Närvarande",
    "minnesanteckningar": "Minnesanteckningar",
}


@dataclass(frozen=True)
class SectionView:
    part: str  # bakgrund, syfte, uppdrag, roller, medlemmar, möten
    block: str  # the template block that shows it: the part's name in ASCII
    heading: str | None  # None: no heading, the content follows the previous section


@dataclass(frozen=True)
class Document:
    mission: Mission
    title: str
    steering: SteeringDocument
    background_heading: str | None
    background: list[BlockView]
    background_additions: list[str]
    purpose_paragraphs: list[str]
    purpose_goals: list[PurposeGoalView]
    purpose_numbered: bool
    purpose_bullets: list[str]
    assignment_intro: str
    assignment_groups: list[AssignmentGroupView]
    roles: list[Role]
    meeting_sentences: list[str]
    meetings: list[Meeting]
    meetings_attendance: bool  # some meeting has `närvarande`: show the column
    sections: list[SectionView]
    period: str  # "för kommande år", "under perioden 2023–2026"
    revised: dt.date | None
    draft: bool  # unfinished (FYLL I left or validation warnings): HTML and PDF say UTKAST
    organisation: Organisation = SKARABORG  # who publishes it: headers, footers, properties
    members: MemberTable | None = None  # the network's members, when the file lists them

    def heading(self, part: str) -> str | None:
        return next((s.heading for s in self.sections if s.part == part), None)


def title(goal: GoalView) -> str:
    """'Mål 2: Höjd utbildningsnivå'; a goal without a number is just its name."""
    return f"{goal.label}: {goal.name}" if goal.number else goal.label


def goal_view(steering: SteeringDocument, goal: Goal, subgoals: list[str] | None = None) -> GoalView:
    return GoalView(
        label=steering.goal_label(goal),
        name=goal.name,
        description=goal.description,
        subgoals=list(goal.subgoals if subgoals is None else subgoals),
        number=goal.id if goal.id.isdigit() else None,
    )


def _background(background: BackgroundText, steering_documents: dict[str, SteeringDocument]) -> list[BlockView]:
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


def build_document(loaded: LoadedMission, workspace: Workspace, draft: bool = False) -> Document:
    """Resolve references; the workspace must have passed validation. A draft is marked UTKAST."""
    mission = loaded.mission
    steering_documents = workspace.steering_documents
    steering = steering_documents[mission.steering_document]
    # The network's own version of the shared text, where it has one, stands in its place.
    background = mission.own_background or workspace.backgrounds[mission.background]

    def goal(goal_id: str, subgoals: list[str] | None = None) -> GoalView:
        found = steering.goal(goal_id)
        assert found is not None  # validation checked every goal id against the steering document
        return goal_view(steering, found, subgoals)

    def group(g: AssignmentGroup) -> AssignmentGroupView:
        view = goal(g.goal) if g.goal else None
        heading = g.heading or (title(view) if view else None)
        return AssignmentGroupView(view, heading, g.reporting, list(g.items))

    purpose_goals = []
    for focus in mission.purpose.goals:
        view = goal(focus.goal, focus.subgoals)
        # A numbered list numbers the goals itself: its items are the names alone.
        default = view.name if mission.purpose.numbered else title(view)
        purpose_goals.append(PurposeGoalView(view, focus.heading or default))

    rule = mission.meetings
    meetings = sorted(rule.meetings, key=lambda m: m.date) if rule else []
    sentences = []
    if rule is not None:
        sentences = [s for s in (rule.sentence, rule.all_municipalities_sentence, rule.minutes_note) if s]
    return Document(
        mission=mission,
        title=f"Uppdragsbeskrivning för nätverket {mission.name}",
        steering=steering,
        background_heading=background.heading,
        background=_background(background, steering_documents),
        background_additions=list(mission.background_additions),
        purpose_paragraphs=list(mission.purpose.paragraphs),
        purpose_goals=purpose_goals,
        purpose_numbered=mission.purpose.numbered,
        purpose_bullets=list(mission.purpose.bullets),
        assignment_intro=mission.assignments.intro_sentence,
        assignment_groups=[group(g) for g in mission.assignments.groups],
        roles=list(mission.roles),
        meeting_sentences=sentences,
        meetings=meetings,
        meetings_attendance=any(m.present for m in meetings),
        sections=[SectionView(s.part, s.part.replace("ö", "o"), s.heading) for s in mission.layout()],
        period=mission.assignments.phrase,
        revised=mission.revised,
        draft=draft,
        organisation=workspace.organisation,
        members=member_table(list(mission.members)),
    )
