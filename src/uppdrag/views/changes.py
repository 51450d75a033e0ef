"""What changed between two versions of a mission, compared as models rather than as lines,
so that reordered keys or a reformatted file show no change."""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from uppdrag.errors import FindingsError, UsageError
from uppdrag.files import shorten
from uppdrag.findings import CheckResult
from uppdrag.history import version_of
from uppdrag.models import Background, BackgroundText, Meeting, MeetingRule, Mission, Person, SteeringDocument
from uppdrag.read.loading import LoadedMission, Workspace, parse_model, read_text
from uppdrag.swedish_dates import swedish_date

Words = list[tuple[str, str]]  # ("=", kept), ("-", removed), ("+", added)


@dataclass(frozen=True)
class Change:
    section: str  # one of SECTIONS
    kind: str  # "added", "removed", "reworded" or "changed"
    subject: str  # what it is about, in Swedish: "uppdrag under Mål 2"
    old: str | None = None
    new: str | None = None
    words: Words = field(default_factory=list)


BACKGROUND = "Bakgrund"  # the shared background, the network's own version of it and its additions
SECTIONS = ("Allmänt", BACKGROUND, "Syfte", "Uppdrag", "Roller och ansvar", "Nätverkets medlemmar", "Möten")
REWORDED_AT = 0.5  # texts at least this alike are the same item reworded, not a swap


# Word-by-word comparison costs the product of the two lengths: past this many word pairs (two
# paragraphs of 500 words; a real item has a few dozen) texts are compared whole instead.
MAX_WORD_PAIRS = 250_000


def word_diff(old: str, new: str) -> Words:
    """Runs of kept, removed and added words; a renderer joins the runs with spaces. Texts too
    long to compare word by word are shown whole: all of the old removed, all of the new added."""
    old_words, new_words = old.split(), new.split()
    if len(old_words) * len(new_words) > MAX_WORD_PAIRS:
        return [("-", " ".join(old_words)), ("+", " ".join(new_words))]
    result: Words = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if op == "equal":
            result.append(("=", " ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            result.append(("-", " ".join(old_words[a1:a2])))
        if b2 > b1:
            result.append(("+", " ".join(new_words[b1:b2])))
    return result


def _bare_words(text: str) -> list[str]:
    """Words without their punctuation or case: 'handboken.' and 'handboken' are one word."""
    return [word.strip(".,;:!?()\"'").casefold() for word in text.split()]


def similarity(a: str, b: str) -> float:
    """Share of words the two texts have in common, in order (0 to 1); for texts too long to
    compare in order, the share of words they have in common at all."""
    first, second = _bare_words(a), _bare_words(b)
    if len(first) * len(second) > MAX_WORD_PAIRS:
        common = sum((Counter(first) & Counter(second)).values())
        return 2 * common / (len(first) + len(second))
    return difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()


# Pairing reworded items compares every item added with every item removed: quadratic in a file
# of thousands of paragraphs. One comparison (a diff, an import's background) may spend this
# many word pairs on it (about a second here; a real background of 15 paragraphs of 60 words
# reworded throughout costs under 1 million, 200 × 200 paragraphs of a dozen words 18 million).
PAIRING_WORD_PAIRS = 30_000_000
# What setting up one similarity costs, in word pairs' time (10 µs against 30 ns a word pair).
COMPARISON_COST = 300
UNPAIRED = "för många stycken för att para ihop omformuleringar; visas som borttagna och tillagda"


class PairingBudget:
    """The work one comparison may spend looking for reworded items, counted in word pairs and
    shared by every list it compares. Once spent, the items left unpaired are shown as removed
    and added: correct, only less fine-grained, and said once (note)."""

    def __init__(self, word_pairs: int | None = None) -> None:
        self.left = PAIRING_WORD_PAIRS if word_pairs is None else word_pairs
        self.spent = False  # some item went unpaired for want of budget
        self.noted = False

    def similarity(self, a: str, b: str) -> float | None:
        """similarity(a, b), or None (from then on) once the budget cannot pay for it."""
        if not self.spent:
            cost = min(len(a.split()) * len(b.split()), MAX_WORD_PAIRS) + COMPARISON_COST
            if cost <= self.left:
                self.left -= cost
                return similarity(a, b)
            self.spent = True
        return None

    def best_match(self, text: str, candidates: Sequence[str]) -> int | None:
        """The index of the (first) candidate most like text if it is at least REWORDED_AT alike,
        else None; None too when the budget ran out before every candidate was compared."""
        best, best_score = None, -1.0
        for index, candidate in enumerate(candidates):
            score = self.similarity(candidate, text)
            if score is None:
                return None
            if score > best_score:
                best, best_score = index, score
        return best if best_score >= REWORDED_AT else None

    def note(self, section: str, subject: str) -> list[Change]:
        """The one line saying that pairing stopped, in the list where it did; then nothing."""
        if not self.spent or self.noted:
            return []
        self.noted = True
        return [Change(section, "unpaired", subject, None, UNPAIRED)]


def compare_texts(
    section: str,
    subject: str,
    old: list[str],
    new: list[str],
    reword: bool = True,
    budget: PairingBudget | None = None,
) -> list[Change]:
    """Items added, removed or reworded; an item that only moved is no change. The same items
    are found at once; only the rest are searched for rewordings, within budget."""
    budget = budget if budget is not None else PairingBudget()
    old_items, new_items = set(old), set(new)
    removed = [t for t in old if t not in new_items]
    added = [t for t in new if t not in old_items]
    changes: list[Change] = []
    for text in added:
        best = budget.best_match(text, removed) if reword and removed else None
        if best is not None:
            was = removed.pop(best)
            changes.append(Change(section, "reworded", subject, was, text, word_diff(was, text)))
        else:
            changes.append(Change(section, "added", subject, None, text))
    unpaired = budget.note(section, subject)  # before the list it speaks of
    return unpaired + [Change(section, "removed", subject, text, None) for text in removed] + changes


def _value(section: str, subject: str, old: object, new: object) -> list[Change]:
    if old == new:
        return []

    def shown(value: object) -> str:
        return "–" if value in (None, "", []) else str(value)

    return [Change(section, "changed", subject, shown(old), shown(new))]


@dataclass(frozen=True)
class SharedTexts:
    """The workspace's shared backgrounds and steering documents: what a network's own version of
    a background is compared with, and what its goal lists list."""

    backgrounds: Mapping[str, Background] = field(default_factory=dict)
    steering_documents: Mapping[str, SteeringDocument] = field(default_factory=dict)

    def units(self, text: BackgroundText) -> list[str]:
        """The text as a rendered document has its paragraphs: the subheading, each text, each
        bullet and each goal of a goal list ("name (description)"; a goal list of a steering
        document not known is shown by its id)."""
        units = [text.heading] if text.heading else []
        for block in text.blocks:
            if block.text is not None:
                units.append(block.text)
            units += block.bullets or []
            if block.goal_list is not None:
                units += self.goal_units(block.goal_list) or [f"mållista '{block.goal_list}'"]
        return units

    def goal_units(self, steering_id: str) -> list[str]:
        """A goal list's items as a rendered document has them: "name (description)"."""
        listed = self.steering_documents.get(steering_id)
        return [g.name + (f" ({g.description})" if g.description else "") for g in listed.goals] if listed else []


OWN_BACKGROUND = "egen version av den gemensamma bakgrunden"


def own_background_subject(background_id: str) -> str:
    return f"{OWN_BACKGROUND} '{background_id}'"


def _own_background(old: Mission, new: Mission, shared: SharedTexts, budget: PairingBudget) -> list[Change]:
    """A network's own version of the shared background: come, gone, or reworded paragraph by
    paragraph (come or gone, against the shared text it replaces or gives way to)."""
    if old.own_background is None and new.own_background is None:
        return []
    general, subject = BACKGROUND, own_background_subject(new.background)
    before = old.own_background or shared.backgrounds.get(old.background)
    after = new.own_background or shared.backgrounds.get(new.background)
    changes = []
    if old.own_background is None:
        changes.append(Change(general, "added", subject, None, "ersätter den gemensamma texten"))
    elif new.own_background is None:
        changes.append(Change(general, "removed", subject, "den gemensamma texten gäller igen", None))
    units = (shared.units(before) if before else [], shared.units(after) if after else [])
    return changes + compare_texts(general, subject, *units, budget=budget)


def compare(
    old: Mission, new: Mission, goal_label: Callable[[str], str], shared: SharedTexts | None = None
) -> list[Change]:
    """Every change from old to new, section by section in document order; shared: what a
    network's own background is compared with. Pairing rewordings shares one budget."""
    budget = PairingBudget()
    changes: list[Change] = []
    general = "Allmänt"
    for subject, a, b in (
        ("namn", old.name, new.name),
        ("styrdokument", old.steering_document, new.steering_document),
        ("antagen", old.adopted, new.adopted),
        ("reviderad", old.revised, new.revised),
        ("reviderad av", old.revised_by, new.revised_by),
    ):
        changes += _value(general, subject, a, b)
    changes += _value(BACKGROUND, "bakgrund", old.background, new.background)
    changes += _own_background(old, new, shared or SharedTexts(), budget)
    changes += compare_texts(
        BACKGROUND, "bakgrund_tillägg", list(old.background_additions), list(new.background_additions), budget=budget
    )
    changes += _section_headings(old, new)

    purpose = "Syfte"
    changes += compare_texts(purpose, "text", list(old.purpose.paragraphs), list(new.purpose.paragraphs), budget=budget)
    old_goals = {g.goal: g for g in old.purpose.goals}
    new_goals = {g.goal: g for g in new.purpose.goals}
    for goal_id in old_goals.keys() - new_goals.keys():
        changes.append(Change(purpose, "removed", "mål", goal_label(goal_id), None))
    for goal_id in [g for g in new_goals if g not in old_goals]:
        changes.append(Change(purpose, "added", "mål", None, goal_label(goal_id)))
    for goal_id in [g for g in new_goals if g in old_goals]:
        changes += compare_texts(
            purpose,
            f"delmål under {goal_label(goal_id)}",
            old_goals[goal_id].subgoals or [],
            new_goals[goal_id].subgoals or [],
            budget=budget,
        )
    changes += compare_texts(purpose, "punkt", list(old.purpose.bullets), list(new.purpose.bullets), budget=budget)
    changes += compare_texts(
        purpose,
        "fokus",
        [goal_label(g) for g in old.purpose.focus],
        [goal_label(g) for g in new.purpose.focus],
        reword=False,
        budget=budget,
    )

    tasks = "Uppdrag"
    changes += _value(tasks, "period", old.assignments.period, new.assignments.period)
    old_groups = {g.goal: g for g in old.assignments.groups}
    new_groups = {g.goal: g for g in new.assignments.groups}
    for group_goal in list(new_groups) + [g for g in old_groups if g not in new_groups]:
        subject = f"uppdrag under {goal_label(group_goal)}" if group_goal else "uppdrag"
        before, after = old_groups.get(group_goal), new_groups.get(group_goal)
        changes += compare_texts(
            tasks, subject, list(before.items) if before else [], list(after.items) if after else [], budget=budget
        )
        changes += _value(
            tasks, f"återrapportering ({subject})", before and before.reporting, after and after.reporting
        )

    roles = "Roller och ansvar"
    old_roles = {tuple(r.kinds): r for r in old.roles}
    new_roles = {tuple(r.kinds): r for r in new.roles}
    for kinds in [k for k in old_roles if k not in new_roles]:
        changes.append(Change(roles, "removed", "roll", old_roles[kinds].title, None))
    for kinds in [k for k in new_roles if k not in old_roles]:
        changes.append(Change(roles, "added", "roll", None, new_roles[kinds].title))
    for kinds in [k for k in new_roles if k in old_roles]:
        old_role, new_role = old_roles[kinds], new_roles[kinds]
        role = "/".join(new_role.kinds)  # the role itself, not its heading ("Uppdrag ordförande:")
        changes += _value(roles, f"rubrik ({role})", old_role.heading, new_role.heading)
        changes += compare_texts(
            roles, f"ansvar för {role}", list(old_role.duties), list(new_role.duties), budget=budget
        )
        changes += _people_changes(roles, f"person ({role})", old_role.people, new_role.people)
    changes += _people_changes("Nätverkets medlemmar", "medlem", old.members, new.members)

    meetings = "Möten"
    rule_before, rule_after = old.meetings, new.meetings
    changes += _value(meetings, "mötesregel", rule_before and rule_before.sentence, rule_after and rule_after.sentence)
    changes += _value(
        meetings,
        "alla kommuner ska delta",
        "ja" if rule_before and rule_before.all_municipalities else "nej",
        "ja" if rule_after and rule_after.all_municipalities else "nej",
    )
    changes += _value(
        meetings, "minnesanteckningar", rule_before and rule_before.minutes_note, rule_after and rule_after.minutes_note
    )

    changes += _meetings_come_and_gone(rule_before, rule_after)
    changes += _meeting_cells(rule_before, rule_after)
    return changes


# The section a top-level key's changes (and a part's heading) are grouped under
SECTION_OF_KEY = {
    **dict.fromkeys(("bakgrund", "bakgrund_egen", "bakgrund_tillägg"), BACKGROUND),
    "syfte": "Syfte",
    "uppdrag": "Uppdrag",
    "roller": "Roller och ansvar",
    "medlemmar": "Nätverkets medlemmar",
    "möten": "Möten",
}


def _section_headings(old: Mission, new: Mission) -> list[Change]:
    """Each part's heading renamed ('Möten' -> 'Möten och dokumentation'), added or dropped, in
    the new version's order; a part one version lacks is its content's change, not its heading's."""
    before = {s.part: s.heading for s in old.layout()}
    changes: list[Change] = []
    for section in new.layout():
        if section.part in before:
            changes += _value(SECTION_OF_KEY[section.part], "rubrik", before[section.part], section.heading)
    return changes


def _people_changes(section: str, subject: str, old: Sequence[Person], new: Sequence[Person]) -> list[Change]:
    """Each person gone or come, as one line ('Eva Ek, rektor, Hjo'): a changed title is both."""
    before, after = [p.line for p in old], [p.line for p in new]
    return [Change(section, "removed", subject, text, None) for text in before if text not in after] + [
        Change(section, "added", subject, None, text) for text in after if text not in before
    ]


def _meetings_come_and_gone(before: MeetingRule | None, after: MeetingRule | None) -> list[Change]:
    """Each meeting one version has on a date the other has not, shown with its time and place
    ('2027-02-05 09:00–12:00, Borås, Stadshuset'): a date is a meeting's identity, so a time or
    place changed is a change of its cells instead."""
    old = {m.date: m for m in before.meetings} if before else {}
    new = {m.date: m for m in after.meetings} if after else {}
    return [Change("Möten", "removed", "möte", meeting_line(m), None) for d, m in old.items() if d not in new] + [
        Change("Möten", "added", "möte", None, meeting_line(m)) for d, m in new.items() if d not in old
    ]


def meeting_line(meeting: Meeting) -> str:
    """'2027-02-05 09:00–12:00, Borås, Stadshuset': the date, and the time and place it has."""
    clock = _clock(meeting)
    return meeting.date.isoformat() + (f" {clock}" if clock else "") + (f", {meeting.place}" if meeting.place else "")


def _meeting_cells(before: MeetingRule | None, after: MeetingRule | None) -> list[Change]:
    """Every cell of the meeting table of a meeting both versions have: time, place, attendance
    and the minutes link (a date changed is a meeting removed and one added)."""
    old = {m.date: m for m in before.meetings} if before else {}
    changes: list[Change] = []
    for meeting in after.meetings if after else []:
        was = old.get(meeting.date)
        if was is None:
            continue
        subject = f"möte {meeting.date.isoformat()}"
        changes += _value("Möten", f"{subject}, tid", _clock(was), _clock(meeting))
        changes += _value("Möten", f"{subject}, plats", was.place, meeting.place)
        changes += _value("Möten", f"{subject}, närvarande", ", ".join(was.present), ", ".join(meeting.present))
        changes += _value("Möten", f"{subject}, minnesanteckningar", was.minutes, meeting.minutes)
    return changes


def _clock(meeting: Meeting) -> str | None:
    """'13:00–16:00', '13:00' or None."""
    if meeting.start is None:
        return None
    return f"{meeting.start}–{meeting.end}" if meeting.end else meeting.start


def goal_labeller(steering: SteeringDocument | None) -> Callable[[str], str]:
    """'Mål 2: Höjd utbildningsnivå' for a goal id; an old version may name a goal the steering
    document no longer has, and is then shown by its id."""

    def label(goal_id: str) -> str:
        goal = steering.goal(goal_id) if steering else None
        return steering.goal_title(goal) if steering and goal else f"mål {goal_id}"

    return label


@dataclass(frozen=True)
class ReviewNote:
    """A reviewer's tracked change or comment in a Word file, placed in the part it stands in."""

    section: str  # one of SECTIONS
    subject: str  # "uppdrag", "ansvar för ordförande", "möte 2027-03-05"
    kind: str  # "insertion", "deletion" or "comment"
    byline: str  # "förslag av Anna Berg, 2 mars 2027"
    author: str
    date: dt.date | None
    text: str  # what was inserted or struck out, or the comment
    anchored: str = ""  # a comment's anchored text
    where: str = ""  # "stycke 12", "sidfot, stycke 1", "fotnot 2"; "" for a comment anchored nowhere
    resolved: bool = False  # a comment marked done in Word
    replies: tuple[ReviewNote, ...] = ()  # the answers to a comment, in order
    anchored_characters: int = 0  # the whole anchored text's length when anchored is shortened, else 0
    nested: bool = False  # a reply to a reply, shown with the other replies to its thread's comment


@dataclass(frozen=True)
class MissionChanges:
    title: str  # "Ändringar i Förskola sedan missions/forskola.yaml@4589dec…"
    changes: list[Change]
    notes: list[ReviewNote] = field(default_factory=list)  # import --diff: proposals and comments


def _old_text(
    loaded: LoadedMission, revision: str | None, old_file: Path | None, since: dt.date | None
) -> tuple[str, str, str]:
    """The old version's text, the name its findings carry, and the label a coordinator reads
    ("forskola.yaml, 12 mars 2025 (4589dec)")."""
    if sum(x is not None for x in (revision, old_file, since)) > 1:
        raise UsageError("ange en av REV, --sedan och --file, inte flera")
    if old_file is None:
        path = loaded.source.path
        text, sha, committed = version_of(path, revision, since)
        return (
            text,
            f"{loaded.source.display}@{sha[:7]}",
            f"{path.name}, {swedish_date(committed)} ({sha[:7]})",
        )
    if not os.path.lexists(old_file):
        raise UsageError(f"filen '{shorten(old_file)}' finns inte")
    # read_text looks before it opens: a device or FIFO is named, never read (nor waited on).
    old_text, findings = read_text(old_file)
    if old_text is None:
        raise UsageError(
            f"kan inte läsa '{shorten(old_file)}': {findings[0].message.removeprefix('kan inte läsa filen: ')}"
        )
    return old_text, str(old_file), str(old_file)


def changes_since(
    workspace: Workspace,
    loaded: LoadedMission,
    revision: str | None,
    old_file: Path | None = None,
    since: dt.date | None = None,
) -> MissionChanges:
    """What changed in a network since a git revision (default: its last commit), the version in
    force when a day began, or an old file."""
    old_text, old_name, old_label = _old_text(loaded, revision, old_file, since)
    old, _, findings = parse_model(old_text, Path(old_name), Mission, workspace.validation_context)
    if old is None:
        message = f"den gamla versionen ({old_name}) är inte en giltig uppdragsbeskrivning"
        raise FindingsError(message, CheckResult([old_name], findings))
    steering = workspace.steering_documents.get(loaded.mission.steering_document)
    title = f"Ändringar i {loaded.mission.name} {'jämfört med' if old_file else 'sedan'} {old_label}"
    shared = SharedTexts(workspace.backgrounds, workspace.steering_documents)
    return MissionChanges(title, compare(old, loaded.mission, goal_labeller(steering), shared))
