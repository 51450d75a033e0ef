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
from uppdrag.edit.importer.review_marks import place_marks, read_review_marks
from uppdrag.views.changes import MissionChanges


def review_changes(
    path: Path, folder: Path, today: dt.date, mission_id: str | None, rejected: bool = False
) -> tuple[MissionChanges, ImportResult]:
    """The changes against the current file and the import as the user asked it read (its notes
    count the proposals and comments); ImportDocumentError as import_document raises it."""
    with proposals_rejected(rejected):
        result = import_document(path, folder, today, mission_id)
    if result.format != "docx":
        return changes_from_current(result), result
    marks = read_review_marks(path.read_bytes())  # read_document has refused a file too large
    if not marks.proposals:
        direct, accepted = result, result
    else:
        with proposals_rejected(True):
            direct = result if rejected else import_document(path, folder, today, mission_id)
        with proposals_rejected(False):
            accepted = import_document(path, folder, today, mission_id) if rejected else result
    found = changes_from_current(direct)
    return dataclasses.replace(found, notes=place_marks(marks, accepted.imported)), result
