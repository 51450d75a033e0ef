"""A new workspace from nothing: the shared files, the editor schemas, the CI and git set-up."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from uppdrag.errors import OutputError, UsageError
from uppdrag.files import os_reason
from uppdrag.models import Organisation, SharedFile
from uppdrag.read.loading import parse_model
from uppdrag.schema import SCHEMA_FILES, schema_text

# The files a workspace starts with, packaged with the tool: where each goes, and its source in
# starter/ (names without a leading dot there, so no packaging step drops them).
STARTER = Path(__file__).resolve().parents[1] / "starter"
STARTER_FILES = {
    "missions/_organisation.yaml": "_organisation.yaml",
    "missions/_styrdokument.yaml": "_styrdokument.yaml",
    "missions/_bakgrund.yaml": "_bakgrund.yaml",
    "missions/_lov.yaml": "_lov.yaml",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/uppdrag.yml": "ci-workflow.yml",
    ".gitignore": "gitignore",
    "README.md": "README.md",
}
GIT_TIMEOUT = 60  # seconds; `git init` takes milliseconds, a hung one must not hang init


@dataclass
class NewWorkspace:
    folder: Path
    made: list[str] = field(default_factory=list)  # relative paths, in the order written
    kept: list[str] = field(default_factory=list)  # files that were there already: left as they were
    git: str = ""  # what became of the git repository, in words


def starter_organisation() -> Organisation:
    """The organisation of the packaged _organisation.yaml, which the new schemas list."""
    path = STARTER / "_organisation.yaml"
    shared, _, findings = parse_model(path.read_text(encoding="utf-8"), path, SharedFile)
    if shared is None or shared.organisation is None:
        raise AssertionError(f"the packaged {path.name} does not validate: {findings}")  # a broken package
    return shared.organisation


def starter_files() -> dict[str, bytes]:
    """Every file of a new workspace by its path in the workspace: the packaged starter files
    and the editor schemas the missions' modeline points to (for the starter organisation)."""
    files = {target: (STARTER / source).read_bytes() for target, source in STARTER_FILES.items()}
    organisation = starter_organisation()
    for kind, path in SCHEMA_FILES.items():
        files[path] = schema_text(kind, organisation).encode("utf-8")  # type: ignore[arg-type]
    return dict(sorted(files.items(), key=lambda item: (not item[0].startswith("missions/"), item[0])))


def _refuse_unless_new(folder: Path) -> None:
    if os.path.lexists(folder) and not folder.is_dir():
        raise UsageError(f"'{folder}' finns redan och är ingen mapp; ange en ny eller tom mapp")
    missions = folder / "missions"
    if os.path.lexists(missions):
        raise UsageError(
            f"'{missions}' finns redan: här finns redan en arbetsyta, och init ändrade ingenting. "
            "Kontrollera den med `uppdrag validate`"
        )


def _write_new(path: Path, data: bytes) -> None:
    """Create path with data; never through a link or over a file (O_EXCL), and whole or not at all."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _remove(made_files: list[Path], made_folders: list[Path]) -> None:
    """Undo a start that failed half-way: only what this run made."""
    for path in reversed(made_files):
        path.unlink(missing_ok=True)
    for folder in reversed(made_folders):
        with contextlib.suppress(OSError):  # not empty after all: left as it is
            folder.rmdir()


def create_workspace(folder: Path, git: bool = True) -> NewWorkspace:
    """Make a workspace in folder (made if missing) that passes `uppdrag validate` at once.

    Refuses a folder that has missions/ already, changing nothing. A file that is there already
    (a README, a .gitignore of an existing repository) is kept as it is and reported. git: run
    `git init` when the folder is in no repository."""
    _refuse_unless_new(folder)
    result = NewWorkspace(folder)
    made_files: list[Path] = []
    made_folders: list[Path] = []
    try:
        for relative, data in starter_files().items():
            target = folder / relative
            for parent in reversed([target.parent, *target.parent.parents]):
                if not os.path.lexists(parent):
                    parent.mkdir()
                    made_folders.append(parent)
            if os.path.lexists(target):
                result.kept.append(relative)
                continue
            _write_new(target, data)
            made_files.append(target)
            result.made.append(relative)
    except OSError as exc:
        _remove(made_files, made_folders)
        where = exc.filename or folder
        raise OutputError(
            f"kan inte skapa arbetsytan i '{folder}' ({where}): {os_reason(exc)}; inget skapades"
        ) from None
    result.git = _git_init(folder) if git else "git init hoppades över (--utan-git)"
    return result


def _git_init(folder: Path) -> str:
    """`git init` unless folder is already in a repository; what happened, in words."""
    executable = shutil.which("git")
    if executable is None:
        return "git finns inte på datorn; kör `git init` när det är installerat, så fungerar `uppdrag diff`"
    try:
        inside = subprocess.run(
            [executable, "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
            check=False,
            capture_output=True,
            timeout=GIT_TIMEOUT,
        )
        if inside.returncode == 0:
            return "mappen är redan i ett git-förråd; inget nytt förråd skapades"
        made = subprocess.run(
            [executable, "init", "-q", str(folder)], check=False, capture_output=True, text=True, timeout=GIT_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"git init misslyckades ({exc}); kör `git init` själv"
    if made.returncode != 0:
        reason = (made.stderr.strip().splitlines() or ["okänt fel"])[-1]
        return f"git init misslyckades ({reason}); kör `git init` själv"
    return "git-förråd skapat (git init)"
