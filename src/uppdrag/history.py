"""A mission file as it was at a git revision: the one module that runs git."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from uppdrag import limits
from uppdrag.errors import HistoryError
from uppdrag.limits import file_too_large

NO_GIT = "git finns inte på den här datorn"


def _git(folder: Path, *args: str) -> str:
    try:
        proc = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
            env={**os.environ, "LC_ALL": "C"},  # git's own messages in English, so they can be recognised
        )
    except subprocess.TimeoutExpired:
        raise HistoryError(f"git svarade inte inom 60 sekunder (git {' '.join(args)})") from None
    except FileNotFoundError:
        raise HistoryError(NO_GIT) from None
    except UnicodeDecodeError:
        raise HistoryError(f"git gav text som inte är UTF-8 (git {' '.join(args)})") from None
    if proc.returncode != 0:
        raise HistoryError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "git misslyckades")
    return proc.stdout


def _repository(path: Path) -> Path:
    try:
        return Path(_git(path.parent, "rev-parse", "--show-toplevel").strip())
    except HistoryError as exc:
        if "not a git repository" not in exc.message:  # git missing or hung: say that instead
            raise
        raise HistoryError(f"{path.parent} ligger inte i ett git-förråd; jämför med en fil med --file") from None


def _not_committed(path: Path) -> str:
    return f"{path} finns inte i någon incheckning; checka in den (`git add {path}` och `git commit`) eller jämför med en fil: `--file GAMMAL.yaml`"


def _unknown_revision(path: Path, revision: str) -> str:
    return (
        f"okänd revision '{revision}'; ange ett datum (`--sedan ÅÅÅÅ-MM-DD`) eller en incheckning "
        f"som `git log --oneline -- {path}` visar"
    )


def last_revision(path: Path) -> str:
    """The newest commit that touched path."""
    root = _repository(path)
    relative = path.resolve().relative_to(root.resolve())
    found = _git(root, "log", "-1", "--format=%H", "--", str(relative)).strip()
    if not found:
        raise HistoryError(_not_committed(path))
    return found


def file_at(path: Path, revision: str) -> str:
    """The text of path at revision."""
    root = _repository(path)
    relative = path.resolve().relative_to(root.resolve())
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except HistoryError:
        raise HistoryError(_unknown_revision(path, revision)) from None
    try:
        _git(root, "cat-file", "-e", f"{revision}:{relative.as_posix()}")
    except HistoryError:
        raise HistoryError(
            f"{relative} finns inte i revision '{revision}'; välj en senare eller jämför med en fil: `--file GAMMAL.yaml`"
        ) from None
    # Its size first: a file made huge in one commit (and emptied in the next) is refused, never read.
    size = _git(root, "cat-file", "-s", f"{revision}:{relative.as_posix()}").strip()
    if int(size) > limits.MAX_FILE_BYTES:
        raise HistoryError(f"kan inte läsa {relative} i revision '{revision}': {file_too_large(int(size))}")
    return _git(root, "show", f"{revision}:{relative.as_posix()}")


def commit_of(path: Path, revision: str) -> tuple[str, dt.date]:
    """The full hash of revision and the day it was committed."""
    root = _repository(path)
    try:
        sha, _, stamp = _git(root, "show", "-s", "--format=%H %cI", f"{revision}^{{commit}}").strip().partition(" ")
    except HistoryError:
        raise HistoryError(_unknown_revision(path, revision)) from None
    return sha, dt.date.fromisoformat(stamp[:10])


def revision_before(path: Path, day: dt.date) -> str:
    """The newest commit before day that touched path: the version in force when day began."""
    root = _repository(path)
    relative = path.resolve().relative_to(root.resolve())
    found = _git(root, "log", "-1", "--format=%H", f"--before={day.isoformat()}T00:00:00", "--", str(relative))
    if found.strip():
        return found.strip()
    first = _git(root, "log", "--reverse", "--format=%h %cI", "--", str(relative)).split("\n", 1)[0].split()
    if not first:
        raise HistoryError(_not_committed(path))
    raise HistoryError(
        f"{path.name} fanns inte i git före {day.isoformat()}; den äldsta versionen är från {first[1][:10]}: "
        f"`uppdrag diff {path.stem} {first[0]}`"
    )


def version_of(path: Path, revision: str | None, since: dt.date | None) -> tuple[str, str, dt.date]:
    """path's text at revision, or as it was when since began, or at its last commit (neither
    given), with the full hash of that commit and the day it was made."""
    revision = revision_before(path, since) if since is not None else revision or last_revision(path)
    text = file_at(path, revision)
    sha, committed = commit_of(path, revision)
    return text, sha, committed
