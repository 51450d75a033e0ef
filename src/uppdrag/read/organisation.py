"""A workspace's organisation alone, for the commands that need only it (`schema`, `init`)."""

from __future__ import annotations

from pathlib import Path

from uppdrag.errors import FindingsError
from uppdrag.findings import CheckResult
from uppdrag.models import SKARABORG, Organisation
from uppdrag.read.loading import YAML_SUFFIXES, Workspace, read_file


def organisation_path(folder: Path) -> Path | None:
    """missions/_organisation.yaml (or .yml), if the workspace has one."""
    candidates = [folder / f"_organisation{suffix}" for suffix in YAML_SUFFIXES]
    return next((p for p in candidates if p.exists() or p.is_symlink()), None)


def workspace_organisation(folder: Path) -> Organisation:
    """The organisation of the missions folder: its _organisation.yaml, or Skaraborg's without
    one (or without a missions folder at all). FindingsError when the file has errors."""
    path = organisation_path(folder)
    if path is None:
        return SKARABORG
    workspace = Workspace(folder)
    findings = read_file(path, workspace)
    result = CheckResult([str(path)], findings)
    if result.errors:
        raise FindingsError(f"Rätta {path} först.", result, summarise=True)
    return workspace.organisation
