"""import --diff: what a reviewed Word file changes, its proposals and its comments apart.

The direct edits are the document read with every proposal rejected, compared with the current
file; each proposal (tracked change) and comment is then shown with its author and date under
the part of the mission it stands in, as the document reads with the proposals accepted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from uppdrag.edit.importer import ImportResult, changes_from_current, import_document
from uppdrag.edit.importer.background import OWN_SUBJECT, edit_phrase, searchable, shared_subject, text_changes
from uppdrag.edit.importer.docx_reader import proposals_rejected
from uppdrag.edit.importer.reading import read_document
from uppdrag.edit.importer.review_marks import place_marks, read_review_marks
from uppdrag.edit.importer.sections import outline
from uppdrag.edit.importer.wording import comparable
from uppdrag.read.loading import load_workspace
from uppdrag.views.changes import (
    BACKGROUND,
    OWN_BACKGROUND,
    REWORDED_AT,
    Change,
    MissionChanges,
    PairingBudget,
    SharedTexts,
)


def review_changes(
    path: Path, folder: Path, today: dt.date, mission_id: str | None, rejected: bool = False
) -> tuple[MissionChanges, ImportResult]:
    """The changes against the current file and the import as the user asked it read (its notes
    count the proposals and comments); ImportDocumentError as import_document raises it."""
    with proposals_rejected(rejected):
        result = import_document(path, folder, today, mission_id)
    if result.format != "docx":
        return _with_shared(changes_from_current(result), path, folder, result.mission_id), result
    marks = read_review_marks(path.read_bytes())  # read_document has refused a file too large
    if not marks.proposals:
        direct, accepted = result, result
    else:
        with proposals_rejected(True):
            direct = result if rejected else import_document(path, folder, today, mission_id)
        with proposals_rejected(False):
            accepted = import_document(path, folder, today, mission_id) if rejected else result
    found = _with_shared(changes_from_current(direct), path, folder, result.mission_id)
    return dataclasses.replace(found, notes=place_marks(marks, accepted.imported)), result


def _with_shared(found: MissionChanges, path: Path, folder: Path, mission_id: str) -> MissionChanges:
    """found with every edit the document makes to the background the current file has (the
    shared text, or the network's own version of it), in place of the own version's lines."""
    with proposals_rejected(True):  # the direct edits; a proposal is shown as one
        shared = _background_edits(path, folder, mission_id)
    rest = [c for c in found.changes if not c.subject.startswith(OWN_BACKGROUND)]
    # Pairing may have stopped in the own version's lines; what follows is unpaired too, so its
    # note stays unless another already says so.
    told = any(c.kind == "unpaired" for c in shared + rest)
    unpaired = [] if told else [c for c in found.changes if c.kind == "unpaired"]
    return dataclasses.replace(found, changes=shared + unpaired + rest)


def _background_edits(path: Path, folder: Path, mission_id: str) -> list[Change]:
    """The document's background against the current file's: its own version where it has one
    ('ändrar nätverkets egen bakgrund'), else the shared text ('ändrar den gemensamma
    bakgrunden …'). Paragraphs the import keeps as bakgrund_tillägg are shown as such by the diff.
    The search for rewordings shares one budget; where it ran out, one "unpaired" change says so."""
    workspace, _ = load_workspace(folder)
    current = workspace.mission(mission_id)
    background = workspace.backgrounds.get(current.mission.background) if current else None
    if current is None or background is None:
        return []
    section = outline(read_document(path).paragraphs).section("bakgrund")
    if section is None:  # no background at all: the import says so and refers to one
        return []
    shared = SharedTexts(workspace.backgrounds, workspace.steering_documents)
    own = current.mission.own_background
    units = shared.units(own if own is not None else background)
    texts = [p.text for p in section.paragraphs]
    budget = PairingBudget()
    while searchable(units, texts) and texts and not _like_any(texts[-1], units, budget):
        texts.pop()  # paragraphs after the text, like none of it: bakgrund_tillägg, which the diff shows
    subject = OWN_SUBJECT if own is not None else shared_subject(background.id)
    edits = text_changes(subject, units, texts, budget)
    return budget.note(BACKGROUND, subject) + edits


def _like_any(text: str, units: list[str], budget: PairingBudget) -> bool:
    """Whether text is like one of units; once the budget is spent, it is kept as if it were
    (shown as added), never dropped unseen."""
    for unit in units:
        score = budget.similarity(unit, text)
        if score is None or score >= REWORDED_AT:
            return True
    return False


def unkept_shared_edits(result: ImportResult, folder: Path) -> list[str]:
    """The report's notes for edits of the background that the file written does not keep (the
    document read as import reads it): never dropped without a word. A file with bakgrund_egen
    keeps them (the import's own note says so)."""
    if "bakgrund_egen" in result.imported.data:
        return []
    workspace, _ = load_workspace(folder)
    current = workspace.mission(result.mission_id)
    if current is not None and current.mission.own_background is not None:
        return [
            f"dokumentet följer den gemensamma bakgrunden '{result.imported.data['bakgrund']}', inte nätverkets "
            f"egen version i {current.source.display}; med --force tas bakgrund_egen bort ur filen: se import --diff"
        ]
    own = {comparable(t) for t in result.imported.data.get("bakgrund_tillägg", [])}
    notes = []
    for change in _background_edits(result.source, folder, result.mission_id):
        if change.kind == "unpaired":
            notes.append(f"{change.subject}: {change.new}")
            continue
        if change.new is not None and comparable(change.new) in own:
            continue
        notes.append(
            f"dokumentet ändrar {change.subject} ({edit_phrase(change)}); filen hänvisar till den gemensamma "
            "texten och ändringen skrivs inte in: se import --diff, och skriv in den i bakgrund_egen om den ska gälla"
        )
    return notes
