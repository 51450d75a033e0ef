"""The whole check of `uppdrag validate`: read, check each file, then check them together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from uppdrag.check.rules import check_workspace
from uppdrag.findings import CheckResult, Finding
from uppdrag.read.loading import Workspace, group_paths, load_workspace, read_file


def validate_paths(paths: list[Path], today: dt.date) -> CheckResult:
    """Check folders and files; a file is checked with the shared `_` files of its folder."""
    files: list[str] = []
    findings = []
    for folder, only in group_paths(paths).items():
        workspace, found = load_workspace(folder, only)
        files += [str(p) for p in workspace.files]
        findings += found + check_workspace(workspace, today)
    return CheckResult(files, findings)


def open_workspace(folder: Path, today: dt.date) -> tuple[Workspace, CheckResult]:
    """A workspace for the other commands, with what validate would say of it."""
    workspace, findings = load_workspace(folder)
    findings += check_workspace(workspace, today)
    return workspace, CheckResult([str(p) for p in workspace.files], findings)


def validate_replacement(path: Path, text: str, today: dt.date) -> CheckResult:
    """What validate would say if path held text: checked before a write replaces the file."""
    workspace, findings = load_workspace(path.parent, only=[])
    findings += read_file(path, workspace, text)
    findings += check_workspace(workspace, today)
    return CheckResult([str(p) for p in workspace.files], findings)


def draft_warnings(workspace: Workspace, today: dt.date) -> dict[str, list[Finding]]:
    """Each mission's own warnings (FYLL I left, an ended period, …) by id, in file order.

    A document with any is unfinished: `render` warns, marks it UTKAST, and `--strict` refuses it.
    """
    findings = sorted((f for f in check_workspace(workspace, today) if not f.is_error), key=Finding.sort_key)
    return {
        loaded.mission.id: [f for f in findings if f.location.file == loaded.source.display]
        for loaded in workspace.missions
    }
