"""The whole check of `uppdrag validate`: read, check each file, then check them together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from uppdrag.check.rules import check_workspace
from uppdrag.findings import CheckResult
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
    """A workspace for the other commands, with what validate would say of it, but for the
    entered meetings' dates: check-meetings judges those, and a PDF need not wait for them."""
    workspace, findings = load_workspace(folder)
    findings += check_workspace(workspace, today, meetings=False)
    return workspace, CheckResult([str(p) for p in workspace.files], findings)


def validate_replacement(path: Path, text: str, today: dt.date) -> CheckResult:
    """What validate would say if path held text: checked before a write replaces the file.
    Meeting dates are left out: a meeting already on a holiday must not block adding others."""
    workspace, findings = load_workspace(path.parent, only=[])
    findings += read_file(path, workspace, text)
    findings += check_workspace(workspace, today, meetings=False)
    return CheckResult([str(p) for p in workspace.files], findings)
