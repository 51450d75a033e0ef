"""Read a workspace of YAML files into models, collecting every problem as a finding."""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from uppdrag import limits
from uppdrag.errors import UsageError
from uppdrag.files import os_reason
from uppdrag.findings import Finding, Location, error, format_key_path
from uppdrag.limits import file_too_large
from uppdrag.models import (
    ID_HINT,
    SKARABORG,
    UNKNOWN_MUNICIPALITIES,
    Background,
    Mission,
    Organisation,
    SharedFile,
    SteeringDocument,
    is_valid_id,
    make_id,
)
from uppdrag.models.common import MUNICIPALITY_PLACES_CONTEXT
from uppdrag.read.schema_errors import schema_findings
from uppdrag.read.yamlsource import SourceMap, YamlSyntaxError, parse_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Source:
    """A file as read: its name as shown to the user and where its nodes stand."""

    path: Path
    source_map: SourceMap

    @property
    def display(self) -> str:
        return str(self.path)

    def locate(self, *key_path: str | int) -> Location:
        position = self.source_map.value_position(tuple(key_path))
        return Location(self.display, position.line, position.column)


@dataclass
class LoadedMission:
    mission: Mission
    source: Source


@dataclass
class LoadedShared:
    shared: SharedFile
    source: Source


@dataclass
class Workspace:
    folder: Path
    missions: list[LoadedMission] = field(default_factory=list)
    shared: list[LoadedShared] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # every file read, valid or not
    broken_shared: list[Path] = field(default_factory=list)  # `_` files that could not be read
    skipped: list[Path] = field(default_factory=list)  # mission files left out for their errors
    organisation: Organisation = SKARABORG  # from _organisation.yaml; without it, today's Skaraborg

    @property
    def validation_context(self) -> dict[str, Any]:
        """What the models judge municipalities by: the organisation's, or none while its file is broken."""
        if any(is_organisation_file(p) for p in self.broken_shared):
            return UNKNOWN_MUNICIPALITIES
        return self.organisation.validation_context | {MUNICIPALITY_PLACES_CONTEXT: self._municipality_places()}

    def _municipality_places(self) -> dict[str, tuple[Location, int]]:
        """Where _organisation.yaml writes each municipality, and its index in the list."""
        for loaded in self.shared:
            if is_organisation_file(loaded.source.path) and loaded.shared.organisation is not None:
                names = loaded.shared.organisation.municipalities
                return {name: (loaded.source.locate("organisation", "kommuner", i), i) for i, name in enumerate(names)}
        return {}

    def mission(self, mission_id: str) -> LoadedMission | None:
        return next((m for m in self.missions if m.mission.id == mission_id), None)

    def select(self, ids: list[str] | None, all_: bool = False) -> list[LoadedMission]:
        """The missions named (in the order named), or all of them, sorted by id, with all_."""
        known = sorted(m.mission.id for m in self.missions)
        if all_ and ids:
            raise UsageError("ange antingen id eller --all, inte båda")
        if all_:
            return sorted(self.missions, key=lambda m: m.mission.id)
        if not ids:
            raise UsageError(f"ange ett id eller --all; kända id: {', '.join(known)}")
        chosen = []
        for mission_id in ids:
            loaded = self.mission(mission_id)
            if loaded is None:
                raise UsageError(unknown_id_message(mission_id, known, self.folder))
            chosen.append(loaded)
        return chosen

    @property
    def steering_documents(self) -> dict[str, SteeringDocument]:
        return {d.id: d for s in self.shared for d in s.shared.steering_documents}

    @property
    def backgrounds(self) -> dict[str, Background]:
        return {b.id: b for s in self.shared for b in s.shared.backgrounds}


def is_shared_file(path: Path) -> bool:
    return path.name.startswith("_")


ORGANISATION_FILE = "_organisation.yaml"


def is_organisation_file(path: Path) -> bool:
    return path.stem == "_organisation" and path.suffix in YAML_SUFFIXES


def yaml_files(folder: Path, shared_only: bool = False) -> list[Path]:
    """The YAML files directly in folder by name, or only its shared `_` files; links are
    listed (and reported if broken), not walked. Names are sorted and filtered before any
    file is asked about, so a folder of thousands costs little when only the few are wanted."""
    try:
        with os.scandir(folder) as entries:
            chosen = [
                entry
                for entry in entries
                if (not shared_only or entry.name.startswith("_"))
                and os.path.splitext(entry.name)[1] in YAML_SUFFIXES
                and not is_side_file(entry.name)
                and not _entry_is_dir(entry)
            ]
    except OSError as exc:
        raise UsageError(f"kan inte läsa mappen '{folder}': {os_reason(exc)}") from None
    return [folder / name for name in sorted(entry.name for entry in chosen)]


def _entry_is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a link, as a file read would; no stat unless it is one
    except OSError:
        return False


def is_side_file(name: str) -> bool:
    """What editors and the OS leave beside a file: Emacs' `.#x.yaml` lock links, macOS'
    `._x.yaml` AppleDouble files, vim's `.x.yaml.swp`, hidden files in general. Never a
    mission; `x.yaml~` is already no .yaml file."""
    return name.startswith(".")


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _offset_location(display: str, data: bytes, offset: int) -> Location:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Location(display, data.count(b"\n", 0, offset) + 1, column)


def read_text(path: Path) -> tuple[str | None, list[Finding]]:
    """The file's text, or a finding saying why it cannot be read as a UTF-8 text file."""
    display = str(path)
    here = Location(display)
    try:
        info = os.stat(path)  # follows links; a link loop fails here instead of hanging
        if not stat.S_ISREG(info.st_mode):
            return None, [error(here, "not-a-file", "är inte en vanlig fil")]
        if info.st_size > limits.MAX_FILE_BYTES:
            return None, [error(here, "too-large", file_too_large(info.st_size))]
        data = path.read_bytes()
    except OSError as exc:
        return None, [error(here, "unreadable", f"kan inte läsa filen: {os_reason(exc)}")]
    if b"\x00" in data:
        return None, [error(here, "binary", "filen är binär, inte en YAML-textfil")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        return None, [
            error(
                _offset_location(display, data, exc.start),
                "encoding",
                f"ogiltig UTF-8 (byte 0x{byte:02X}); spara filen med teckenkodningen UTF-8",
            )
        ]
    return text, []


def parse_model(
    text: str, path: Path, model: type[ModelT], context: dict[str, Any] | None = None
) -> tuple[ModelT | None, Source | None, list[Finding]]:
    """Parse text (named path in findings) as one model: the model and its source map, or
    the located findings that say why not. context: the workspace's validation_context (its
    municipalities); None: Skaraborg's."""
    display = str(path)
    try:
        parsed = parse_yaml(text)
    except YamlSyntaxError as exc:
        return None, None, [error(Location(display, exc.position.line, exc.position.column), "yaml", exc.message)]
    source = Source(path, parsed.source_map)
    findings = [
        error(Location(display, p.position.line, p.position.column), p.code, p.message, format_key_path(p.path))
        for p in parsed.problems
    ]
    if parsed.data is None:
        return None, source, findings + [error(Location(display), "empty", "filen är tom")]
    if not isinstance(parsed.data, dict):
        kind = "en lista" if isinstance(parsed.data, list) else "ett enkelt värde"
        message = f"filen måste vara en mappning (nyckel: värde) överst, inte {kind}"
        return None, source, findings + [error(source.locate(), "top-level", message)]
    try:
        value = model.model_validate(parsed.data, context=context)
    except ValidationError as exc:
        reported = {p.path for p in parsed.problems}
        return None, source, findings + schema_findings(exc, model, source.source_map, display, reported)
    return (None if findings else value), source, findings


# The shared files `uppdrag init` writes, by name without their `_`: `organisation.yaml` is
# one of them misnamed, never a network.
SHARED_FILE_STEMS = ("organisation", "styrdokument", "bakgrund", "lov")


def misnamed_shared_file(path: Path) -> Finding | None:
    """'menade du _organisation.yaml?' for a shared file named without its leading `_`."""
    if is_shared_file(path) or path.stem.casefold() not in SHARED_FILE_STEMS:
        return None
    message = f"ser ut som en delad fil utan _ först; menade du _{path.name}? (de delade filerna börjar med _)"
    return error(Location(str(path)), "shared-name", message)


def read_file(path: Path, workspace: Workspace, text: str | None = None) -> list[Finding]:
    """Read one file (or text standing in for it) into the workspace; return what is wrong."""
    workspace.files.append(path)
    misnamed = misnamed_shared_file(path)
    if misnamed is not None:
        return [misnamed]
    if text is None:
        text, findings = read_text(path)
        if text is None:
            return findings
    shared = is_shared_file(path)
    value, source, findings = parse_model(text, path, SharedFile if shared else Mission, workspace.validation_context)
    if shared and value is None:
        workspace.broken_shared.append(path)
    if value is not None and source is not None:
        if shared:
            organisation = value.organisation  # type: ignore[attr-defined]
            if organisation is not None and not is_organisation_file(path):
                message = f"organisationen hör hemma i {ORGANISATION_FILE}; flytta den dit"
                findings.append(error(source.locate("organisation"), "misplaced", message))
            elif organisation is not None:
                workspace.organisation = organisation
            workspace.shared.append(LoadedShared(value, source))  # type: ignore[arg-type]
        else:
            workspace.missions.append(LoadedMission(value, source))  # type: ignore[arg-type]
    return findings


def closest_id(text: str, known: list[str]) -> str | None:
    """The known id a mistyped one most likely means ('förskola', 'forskla' -> 'forskola')."""
    folded = make_id(text)
    if folded in known:
        return folded
    close = difflib.get_close_matches(folded, known, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_id_message(mission_id: str, known: list[str], folder: Path) -> str:
    """Why an id names no network, and which one was probably meant."""
    close = closest_id(mission_id, known)
    hint = f"; menade du '{close}'?" if close else ""
    if not is_valid_id(mission_id):
        return f"ogiltigt id '{mission_id}': {ID_HINT}{hint}"
    if close:
        return f"okänt id '{mission_id}'{hint}"
    return f"okänt id '{mission_id}'; kända id: {', '.join(known) or f'inga (inga uppdragsfiler i {folder})'}"


def missing_folder_message(folder: Path) -> str:
    """The same words from every command when the missions folder is not where it was sought."""
    return (
        f"hittar ingen mapp '{folder}' (letade efter {folder.absolute()}); gå till projektmappen "
        f"med `cd`, ange mappen med `-m MAPP` eller skapa en ny arbetsyta med `uppdrag init`"
    )


def mission_paths(folder: Path, ids: list[str]) -> list[Path]:
    """The files of the networks named, found by name alone (an id is its file's name)."""
    if not folder.is_dir():
        raise UsageError(missing_folder_message(folder))
    paths = []
    for mission_id in ids:
        candidates = (folder / f"{mission_id}.yaml", folder / f"{mission_id}.yml")
        found = [p for p in candidates if is_valid_id(mission_id) and os.path.lexists(p)]  # a name too long: False
        if not found:
            known = sorted(p.stem for p in yaml_files(folder) if not is_shared_file(p))
            raise UsageError(unknown_id_message(mission_id, known, folder))
        paths += [p for p in found if p not in paths]
    return paths


def load_workspace(folder: Path, only: list[Path] | None = None) -> tuple[Workspace, list[Finding]]:
    """Read folder's shared files and its missions (or only the given ones) without judging
    how they fit together: that is rules.check_workspace's job."""
    if not folder.is_dir():
        raise UsageError(missing_folder_message(folder))
    workspace = Workspace(folder)
    findings: list[Finding] = []
    files = yaml_files(folder, shared_only=only is not None)
    # The organisation first: every other file's municipalities are judged by it.
    shared = sorted((p for p in files if is_shared_file(p)), key=lambda p: not is_organisation_file(p))
    missions = [p for p in files if not is_shared_file(p)] if only is None else only
    for path in shared + missions:
        findings += read_file(path, workspace)
    return workspace, findings


def not_yaml_files(paths: list[Path]) -> tuple[list[Path], list[Finding]]:
    """The paths to check, and a finding for each named file that is no YAML file by its name
    (`validate x.png`): such a file is no network, whatever it holds."""
    kept: list[Path] = []
    refused: list[Finding] = []
    for path in paths:
        if path.suffix.lower() not in YAML_SUFFIXES and not _is_dir(path) and os.path.lexists(path):
            message = "inte en YAML-fil; uppdragsfilerna slutar på .yaml eller .yml"
            refused.append(error(Location(str(path)), "not-yaml", message))
        else:
            kept.append(path)
    return kept, refused


def group_paths(paths: list[Path]) -> dict[Path, list[Path] | None]:
    """Folders to check, each with the files named in it (None: all of its files)."""
    groups: dict[Path, list[Path] | None] = {}
    for path in paths:
        if _is_dir(path):
            groups[path] = None
        elif path.exists() or path.is_symlink():
            folder = path.parent
            named = groups.setdefault(folder, [])
            if named is not None and path not in named and not is_shared_file(path):  # None: the whole folder
                named.append(path)
        else:
            raise UsageError(f"sökvägen '{path}' finns inte{_nearest_path_hint(path)}")
    return groups


def _nearest_path_hint(path: Path) -> str:
    """'; menade du 'missions/forskola.yaml'?' for a mistyped name beside files that exist."""
    try:
        names = [entry.name for entry in os.scandir(path.parent)]
    except OSError:
        return ""
    by_stem = {os.path.splitext(name)[0]: name for name in sorted(names) if not is_side_file(name)}
    close = difflib.get_close_matches(os.path.splitext(path.name)[0], by_stem, n=1, cutoff=0.6)
    return f"; menade du '{path.parent / by_stem[close[0]]}'?" if close else ""
