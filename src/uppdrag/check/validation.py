"""The whole check of `uppdrag validate`: read, check each file, then check them together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from uppdrag.check.rules import check_workspace
from uppdrag.errors import FindingsError, UsageError
from uppdrag.findings import CheckResult, Finding
from uppdrag.read.loading import (
    Workspace,
    group_paths,
    load_workspace,
    missing_folder_message,
    mission_paths,
    read_file,
)


def validate_paths(paths: list[Path] | None, today: dt.date, missions: Path = Path("missions")) -> CheckResult:
    """Check folders and files (none named: the missions folder); a file is checked with the
    shared `_` files of its folder."""
    if not paths:
        if not missions.is_dir():
            raise UsageError(missing_folder_message(missions))
        paths = [missions]
    files: list[str] = []
    findings = []
    for folder, only in group_paths(paths).items():
        workspace, found = load_workspace(folder, only)
        files += [str(p) for p in workspace.files]
        findings += found + check_workspace(workspace, today)
    if not files:
        where = ", ".join(str(p) for p in paths)
        raise UsageError(f"inga YAML-filer att kontrollera i {where}; uppdragsfilerna heter t.ex. forskola.yaml")
    return CheckResult(files, findings)


def open_workspace(folder: Path, today: dt.date, only: list[Path] | None = None) -> tuple[Workspace, CheckResult]:
    """A workspace for the other commands, with what validate would say of it, but for the
    entered meetings' dates: check-meetings judges those, and a PDF need not wait for them."""
    workspace, findings = load_workspace(folder, only)
    findings += check_workspace(workspace, today, meetings=False)
    return workspace, CheckResult([str(p) for p in workspace.files], findings)


def validate_replacement(path: Path, text: str, today: dt.date) -> CheckResult:
    """What validate would say if path held text: checked before a write replaces the file.
    Meeting dates are left out: a meeting already on a holiday must not block adding others."""
    workspace, findings = load_workspace(path.parent, only=[])
    findings += read_file(path, workspace, text)
    findings += check_workspace(workspace, today, meetings=False)
    return CheckResult([str(p) for p in workspace.files], findings)


def open_valid_workspace(folder: Path, today: dt.date, ids: list[str] | None = None) -> Workspace:
    """The workspace for a command, with only the networks named in ids (None: all of them)
    beside the shared files, so a command about one network does not read the whole folder.
    FindingsError if what was read has errors."""
    workspace, result = open_workspace(folder, today, None if ids is None else mission_paths(folder, ids))
    if result.errors:  # warnings too, as validate shows them: often the next thing to mend
        raise FindingsError("Rätta felen först (se uppdrag validate).", result, summarise=True)
    return workspace


def draft_warnings(workspace: Workspace, today: dt.date) -> dict[str, list[Finding]]:
    """Each mission's own warnings (FYLL I left, an ended period, …) by id, in file order.

    A document with any is unfinished: `render` warns, marks it UTKAST, and `--strict` refuses it.
    """
    findings = sorted(
        (f for f in check_workspace(workspace, today, meetings=False) if not f.is_error), key=Finding.sort_key
    )
    return {
        loaded.mission.id: [f for f in findings if f.location.file == loaded.source.display]
        for loaded in workspace.missions
    }
