"""Whether the workspace's editor schemas still list its organisation's municipalities."""

from __future__ import annotations

from pathlib import Path

from uppdrag.findings import Finding, Location, warning
from uppdrag.read.loading import Workspace, is_organisation_file
from uppdrag.read.organisation import organisation_path
from uppdrag.schema import SCHEMA_FILES


def _modified(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def stale_schemas(workspace: Workspace) -> list[Finding]:
    """A warning for each schema in schemas/ older than _organisation.yaml that no longer says
    what `uppdrag schema` would write: editors would refuse the new municipalities. Only an
    older file is compared, so validate pays for a schema only after the organisation changed;
    a fresh checkout, where every file is as old as any other, warns only if they differ."""
    organisation_file = organisation_path(workspace.folder)
    if organisation_file is None or any(is_organisation_file(p) for p in workspace.broken_shared):
        return []
    changed = _modified(organisation_file)
    findings = []
    for kind, relative in SCHEMA_FILES.items():
        schema_file = workspace.folder.parent / relative
        written = _modified(schema_file)
        if written is None or changed is None or written >= changed:
            continue  # no schema there (no editor set up), or written after the organisation
        from uppdrag.schema import schema_text  # pydantic's schema generation: only when needed

        try:
            current = schema_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != schema_text(kind, workspace.organisation):  # type: ignore[arg-type]
            folder = "" if workspace.folder == Path("missions") else f" -m {workspace.folder}"
            shared = " --shared" if kind == "shared" else ""
            findings.append(
                warning(
                    Location(str(schema_file)),
                    "stale-schema",
                    f"schemat är äldre än {organisation_file} och stämmer inte med organisationen; "
                    f"skriv om det med `uppdrag schema{shared}{folder} -o {schema_file}`",
                )
            )
    return findings
