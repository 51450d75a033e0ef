"""Importing an existing uppdragsbeskrivning (.docx, .pdf, .txt, .md) as a mission file.

read_document -> mend OCR damage -> outline (sections) -> MissionBuilder -> YAML text, checked
with the same rules as `uppdrag validate` before anything is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from uppdrag.check.rules import UNCHECKED_IMPORT
from uppdrag.check.validation import validate_replacement
from uppdrag.edit.checked_write import write_checked
from uppdrag.edit.importer.builder import MissionBuilder
from uppdrag.edit.importer.mending import Vocabulary, mend_paragraphs
from uppdrag.edit.importer.people import municipalities_of
from uppdrag.edit.importer.purpose import GOAL_MATCH, REPORTING
from uppdrag.edit.importer.reading import read_document
from uppdrag.edit.importer.recorder import Imported, ReportField
from uppdrag.edit.importer.sections import outline
from uppdrag.edit.importer.wording import comparable
from uppdrag.edit.importer.yaml_text import to_yaml
from uppdrag.errors import EXIT_INTERNAL, ImportDocumentError, OutputError, UppdragError
from uppdrag.files import write_output
from uppdrag.findings import CheckResult, Finding, format_key_path
from uppdrag.models import ID_HINT, Mission, escape_controls, id_with_controls, is_valid_id
from uppdrag.output.import_report import ImportReport, ReportLine
from uppdrag.read.loading import Workspace, load_workspace, parse_model, read_text
from uppdrag.read.yamlsource import KeyPath, YamlSyntaxError, parse_yaml
from uppdrag.views.changes import Change, MissionChanges, SharedTexts, compare, goal_labeller

HEADER = "# yaml-language-server: $schema=../schemas/uppdrag.schema.json"


@dataclass
class ImportResult:
    """The mission file's text, where it belongs, and the report of how it was read."""

    source: Path
    format: str
    mission_id: str
    target: Path
    text: str
    imported: Imported
    validation: CheckResult
    file_notes: tuple[str, ...] = ()  # about the file itself: tracked changes, comments

    @property
    def fields(self) -> list[ReportField]:
        """The report's fields in the order of the file they went into."""
        order = self._order()
        return sorted(self.imported.fields, key=lambda f: order.get(f.path, len(order)))

    @property
    def checks(self) -> list[tuple[str, str]]:
        """(field, message) for every KONTROLLERA, in the order of the file."""
        order = self._order()
        found = [(format_key_path(p), m) for p, ms in self.imported.checks.items() for m in ms]
        return sorted(found, key=lambda c: order.get(c[0], len(order)))

    def _order(self) -> dict[str, int]:
        order: dict[str, int] = {}

        def walk(value: object, path: KeyPath) -> None:
            order.setdefault(format_key_path(path), len(order))
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
            for key, item in items:
                walk(item, path + (key,))

        walk(self.imported.data, ())
        return order

    def report(self) -> ImportReport:
        """The report's data, for output/import_report to format."""
        return ImportReport(
            str(self.source),
            self.format,
            self.mission_id,
            str(self.target),
            [ReportLine(f.path, f.value, f.where) for f in self.fields],
            self.checks,
            self.imported.notes,
            [(str(f.location), f.key_path, f.message) for f in self.warnings],
            self.imported.words,
            self.imported.unplaced,
            self.imported.unplaced_parts,
            self.imported.dropped_words,
        )

    def placed_at(self, path: Path) -> ImportResult:
        """This result as written to path (import -o FIL): its report and warnings name path,
        not the missions/ file it was checked as."""
        checked_as = str(self.target)

        def moved(finding: Finding) -> Finding:
            if finding.location.file != checked_as:
                return finding
            return dataclasses.replace(finding, location=dataclasses.replace(finding.location, file=str(path)))

        validation = CheckResult(
            [str(path) if f == checked_as else f for f in self.validation.files],
            [moved(f) for f in self.validation.findings],
        )
        return dataclasses.replace(self, target=path, validation=validation)

    @property
    def warnings(self) -> list[Finding]:
        """What validate says of the new file (never an error: that stops the import), but for
        its KONTROLLERA comments: the report lists each of them already, as `checks`."""
        own = [
            f
            for f in self.validation.findings
            if f.location.file == str(self.target) and f.code != UNCHECKED_IMPORT
        ]
        return sorted(own, key=lambda f: f.sort_key())


def comment_safe(text: str) -> str:
    """text for a YAML comment: every character that could end the comment's line (a newline,
    U+2028, NEL) or hide in it (controls, bidi overrides, bytes that were not UTF-8) written as
    an escape, so no file name can add a key."""
    return escape_controls(text)


def shared_vocabulary(workspace: Workspace) -> Vocabulary:
    """The built-in word list, every word of the workspace's shared texts and its municipalities."""
    texts: list[str] = []

    def collect(value: object, key: str = "") -> None:
        if isinstance(value, str) and key != "id":
            texts.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                collect(v, k)
        elif isinstance(value, list):
            for v in value:
                collect(v, key)

    for loaded in workspace.shared:
        collect(loaded.shared.model_dump(by_alias=True))
    return Vocabulary([*texts, " ".join(workspace.organisation.municipalities)])


def import_document(path: Path, folder: Path, today: dt.date, mission_id: str | None = None) -> ImportResult:
    """Read the document at path into a mission for the workspace in folder; nothing is written."""
    if mission_id is not None and id_with_controls(mission_id):
        raise ImportDocumentError(str(id_with_controls(mission_id)))
    if mission_id is not None and not is_valid_id(mission_id):
        raise ImportDocumentError(f"ogiltigt id '{mission_id}': {ID_HINT}")
    workspace, _ = load_workspace(folder, only=[])
    with municipalities_of(workspace.organisation.municipalities):  # people are matched against these
        return _import_document(path, folder, today, mission_id, workspace)


def _import_document(
    path: Path, folder: Path, today: dt.date, mission_id: str | None, workspace: Workspace
) -> ImportResult:
    document = read_document(path)
    vocabulary = shared_vocabulary(workspace)
    paragraphs = document.paragraphs
    notes: list[str] = list(document.notes)
    mended = mend_paragraphs(paragraphs, vocabulary)  # the OCR stage: a no-op on an intact text
    paragraphs = mended.paragraphs
    notes += mended.notes
    checks = mended.doubts
    shape = outline(paragraphs, _goal_names(workspace))
    found = {s.part for s in shape.sections}
    if len(found & {"bakgrund", "syfte", "uppdrag", "roller", "möten"}) < 2 or not (found & {"uppdrag", "roller"}):
        raise ImportDocumentError(
            f"'{path}' ser inte ut som en uppdragsbeskrivning: inga avsnitt som Bakgrund, Uppdrag, "
            "Roller och ansvar eller Möten hittades"
        )
    builder = MissionBuilder(workspace, vocabulary, today)
    imported = builder.build(shape, mission_id)
    imported.notes = notes + imported.notes
    for where, message in checks:  # beside the value that paragraph became, if it became one
        key = next((f.key for f in imported.fields if f.where == where), ("texten",))
        imported.checks.setdefault(key, []).append(message)
    new_id = imported.data["id"]
    if not is_valid_id(new_id):
        raise ImportDocumentError(f"id '{new_id}' av namnet går inte att använda: {ID_HINT}; ange --id")
    imported.notes += _kept_from_current(imported.data, folder / f"{new_id}.yaml", bool(imported.unplaced))
    origin = f"# Importerad från {comment_safe(path.name)}."
    marked = bool(imported.checks) or "FYLL I" in to_yaml(imported.data, {}, [])
    header = [HEADER, origin + (" Se efter det som är märkt KONTROLLERA och FYLL I." if marked else "")]
    text = to_yaml(imported.data, imported.checks, header)
    target = folder / f"{new_id}.yaml"
    result = validate_replacement(target, text, today)
    if result.errors:  # the importer wrote something the schema refuses: a bug, not the user's doing
        first = next(f for f in result.findings if f.is_error)
        raise UppdragError(f"den importerade filen skulle inte validera ({first.message}); inget skrevs", EXIT_INTERNAL)
    return ImportResult(path, document.format, new_id, target, text, imported, result, document.notes)


def _goal_names(workspace: Workspace) -> Callable[[str], bool]:
    """Whether a heading is the name of one of the workspace's goals ("Höjd utbildningsnivå"),
    as alike as the purpose's reader asks a goal's name to be."""
    from rapidfuzz import fuzz

    names = {comparable(g.name) for document in workspace.steering_documents.values() for g in document.goals}

    def names_a_goal(text: str) -> bool:
        words = comparable(re.sub(REPORTING, "", text).rstrip(": "))
        return bool(words) and any(fuzz.ratio(words, name) >= GOAL_MATCH for name in names)

    return names_a_goal


def write_mission(result: ImportResult, force: bool, today: dt.date, output: str | Path | None = None) -> Path:
    """Write the imported file into the workspace (locked, checked, never over an existing
    file without force), or to output, a file outside it that the user named."""
    if output is None:
        if os.path.lexists(result.target.with_suffix(".yml")) and not force:  # a name too long: False
            raise ImportDocumentError(f"{result.target.with_suffix('.yml')} finns redan; använd --force eller --diff")
        try:
            merging = force and os.path.lexists(result.target)  # --force merges into the existing file
            write_checked(
                result.target, lambda current: merged(current, result), today, create=not merging, force=force
            )
        except OutputError as exc:
            if os.path.lexists(result.target) and not force:
                raise ImportDocumentError(
                    f"{result.target} finns redan; använd --force för att skriva över eller --diff för att jämföra"
                ) from None
            raise exc from None
        return result.target
    refuse_existing_output(output, force)
    return write_output(output, result.text, [result.source])  # a string: 'MAPP/' is refused as a folder


def _kept_from_current(data: dict[str, Any], target: Path, unsure: bool) -> list[str]:
    """The notes for what the current file for the same id has that no document shows
    (reviderad_av, an antagen the document does not state), or that the document has only as
    text without a place (unsure): it is kept, not removed."""
    from uppdrag.edit.mission_merge import keep_unread_meetings, keep_unshown

    if not os.path.isfile(target):  # False, not an error, for a name too long for the system
        return []
    text, _ = read_text(target)
    try:  # the project's bounded reader: the file is the workspace's, and untrusted
        current = parse_yaml(text).data if text is not None else None
    except YamlSyntaxError:  # a broken file: --force replaces it, as it always did
        return []
    if not isinstance(current, dict):
        return []
    return keep_unshown(data, current, str(target)) + keep_unread_meetings(data, current, str(target), unsure)


def merged(current: str, result: ImportResult) -> str:
    """The file to write: the import itself for a new file, else the existing file with only
    what the document changed (its comments, order and layout kept)."""
    if not current.strip():
        return result.text
    from ruamel.yaml.error import YAMLError

    from uppdrag.edit.mission_merge import merge_mission

    try:
        return merge_mission(current, result.imported.data, result.text)
    except YAMLError:  # a file broken beyond reading: --force replaces it whole, as it always did
        return result.text


def refuse_existing_output(output: str | Path, force: bool) -> None:
    """import -o FIL never replaces an existing file without --force; a device or FIFO
    (-o /dev/null) is written through, not replaced, so it is no such file. Called before the
    document is read, so a refusal costs nothing, and again just before writing."""
    if not force and os.path.lexists(output):
        try:
            mode = os.stat(output).st_mode
        except OSError:  # a dangling link: refused like a file
            mode = 0
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise ImportDocumentError(f"{output} finns redan; använd --force för att skriva över")


def changes_from_current(result: ImportResult) -> MissionChanges:
    """What the document changes against the workspace's current file for the same id, in the
    words of `uppdrag diff`; ImportDocumentError when there is no such file or it is invalid."""
    workspace, _ = load_workspace(result.target.parent)
    current = workspace.mission(result.mission_id)
    if current is None:
        known = ", ".join(sorted(m.mission.id for m in workspace.missions)) or "inga"
        raise ImportDocumentError(
            f"--diff: {result.target} finns inte (eller validerar inte); ange --id för ett befintligt nätverk ({known})"
        )
    new, _, _ = parse_model(result.text, result.target, Mission, workspace.validation_context)
    if new is None:  # validated above, so this is a bug
        raise UppdragError("den importerade filen gick inte att läsa tillbaka", EXIT_INTERNAL)
    steering = workspace.steering_documents.get(current.mission.steering_document)
    title = f"Ändringar i {current.mission.name} enligt {result.source.name}"
    shared = SharedTexts(workspace.backgrounds, workspace.steering_documents)
    unplaced = [Change("Allmänt", "unplaced", where, None, text) for where, text in result.imported.unplaced]
    return MissionChanges(title, compare(current.mission, new, goal_labeller(steering), shared) + unplaced)
