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
from uppdrag.edit.importer.docx_reader import proposals_rejected
from uppdrag.edit.importer.reading import read_document
from uppdrag.edit.importer.review_marks import place_marks, read_review_marks
from uppdrag.edit.importer.sections import outline
from uppdrag.edit.importer.wording import comparable
from uppdrag.models import Background, SteeringDocument
from uppdrag.read.loading import load_workspace
from uppdrag.views.changes import REWORDED_AT, Change, MissionChanges, similarity, word_diff


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
    """found with every edit the document makes to the shared background it refers to."""
    with proposals_rejected(True):  # the direct edits; a proposal is shown as one
        shared = _shared_edits(path, folder, mission_id)
    return dataclasses.replace(found, changes=shared + found.changes)


def _shared_edits(path: Path, folder: Path, mission_id: str) -> list[Change]:
    workspace, _ = load_workspace(folder)
    current = workspace.mission(mission_id)
    background = workspace.backgrounds.get(current.mission.background) if current else None
    if background is None:
        return []
    section = outline(read_document(path).paragraphs).section("bakgrund")
    if section is None:  # no background at all: the import says so and refers to one
        return []
    return shared_changes(background, workspace.steering_documents, [p.text for p in section.paragraphs])


def unkept_shared_edits(result: ImportResult, folder: Path) -> list[str]:
    """The report's notes for edits of the shared background that the file written does not
    keep (the document read as import reads it): never dropped without a word."""
    own = {comparable(t) for t in result.imported.data.get("bakgrund_tillägg", [])}
    notes = []
    for change in _shared_edits(result.source, folder, result.mission_id):
        if change.new is not None and comparable(change.new) in own:
            continue
        removed = " … ".join(t for op, t in change.words if op == "-")
        added = " … ".join(t for op, t in change.words if op == "+")
        edit = (
            f"'{removed}' → '{added}'"
            if removed and added
            else f"stryker '{removed}'"
            if removed
            else f"lägger till '{added}'"
        )
        notes.append(
            f"dokumentet ändrar {change.subject} ({edit}); filen hänvisar till den gemensamma texten och "
            "ändringen skrivs inte in: se import --diff, och skriv in den i bakgrund_tillägg om den ska gälla"
        )
    return notes


def shared_units(background: Background, steering_documents: dict[str, SteeringDocument]) -> list[str]:
    """The shared text as a rendered document has its paragraphs: the subheading, each text,
    each bullet and each goal of a goal list ("name (description)")."""
    units = [background.heading] if background.heading else []
    for block in background.blocks:
        if block.text is not None:
            units.append(block.text)
        units += block.bullets or []
        listed = steering_documents.get(block.goal_list) if block.goal_list else None
        units += [g.name + (f" ({g.description})" if g.description else "") for g in listed.goals] if listed else []
    return units


def shared_changes(
    background: Background, steering_documents: dict[str, SteeringDocument], texts: list[str]
) -> list[Change]:
    """Each paragraph of the document's background that is a shared paragraph reworded, and each
    shared paragraph the document struck out, as 'ändrar den gemensamma bakgrunden …'. A paragraph
    like none of them is the network's own (bakgrund_tillägg), compared as such."""
    subject = f"den gemensamma bakgrunden '{background.id}'"
    left = shared_units(background, steering_documents)
    changes: list[Change] = []
    for text in texts:
        same = next((u for u in left if comparable(u) == comparable(text)), None)
        if same is not None:
            left.remove(same)
            continue
        best = max(left, key=lambda u: similarity(u, text), default=None)
        if best is not None and similarity(best, text) >= REWORDED_AT:
            left.remove(best)
            changes.append(Change("Allmänt", "shared", subject, best, text, word_diff(best, text)))
    return changes + [Change("Allmänt", "shared", subject, unit, None, [("-", unit)]) for unit in left]
