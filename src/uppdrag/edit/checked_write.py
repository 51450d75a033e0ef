"""The one way to write a user's file: locked, re-read, checked as validate would, then atomic."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from uppdrag.check.validation import validate_replacement
from uppdrag.errors import OutputError, UnwrittenChangeError
from uppdrag.files import atomic_write, link_target_inside, output_error
from uppdrag.findings import CheckResult


def _lock_path(path: Path) -> Path:
    """A lock file in the temporary folder, named after the file's real path: never beside the
    missions (validate would read it), one per file however it is reached."""
    real = os.path.realpath(path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / f"uppdrag-{digest}.lock"


@dataclass(frozen=True)
class _Layout:
    """What a file was, beyond its text: kept when it is written back."""

    bom: bool = False
    newline: str = "\n"  # "\r\n" (Windows), or "\r" alone (old Mac: a file with no "\n" at all)

    @classmethod
    def of(cls, data: bytes) -> _Layout:
        if b"\r\n" in data:
            newline = "\r\n"
        elif b"\r" in data and b"\n" not in data:
            newline = "\r"
        else:
            newline = "\n"
        return cls(bom=data.startswith(codecs.BOM_UTF8), newline=newline)

    def decode(self, data: bytes) -> str:
        """The text with "\n" line ends, as the changes (ruamel, the comment edits) expect."""
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
        return text.replace("\r", "\n") if self.newline == "\r" else text

    def encode(self, text: str) -> bytes:
        text = text.replace("\r\n", "\n")
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


def write_checked(
    path: Path,
    change: Callable[[str], str],
    today: dt.date,
    *,
    create: bool = False,
    force: bool = False,
    timeout: float = 60,
) -> CheckResult:
    """The one way to write a user's YAML file: lock it, re-read it under the lock, apply change
    to its text, validate the result, and only then write it atomically.

    The file keeps its mode, owner (where allowed), BOM and line endings; a symbolic link stays
    a link and its target is written, if that lies inside the workspace (the folder holding
    the missions folder). A link out of it, a file with other hard links and a read-only file
    are refused. create makes a new file and refuses an existing one unless force. Returns
    what validate says of the new text (its warnings); raises UnwrittenChangeError when the
    result has errors, OutputError when it cannot be written."""
    from filelock import FileLock  # only writers pay for it, not `uppdrag validate`
    from filelock import Timeout as FileLockTimeout

    try:
        with FileLock(_lock_path(path), timeout=timeout, mode=0o666):
            return _write_locked(path, change, today, create, force)
    except FileLockTimeout:
        raise OutputError(f"'{path}' är låst av en annan uppdrag-körning; försök igen") from None


def _write_locked(path: Path, change: Callable[[str], str], today: dt.date, create: bool, force: bool) -> CheckResult:
    exists = os.path.lexists(path)
    if create and exists and not force:
        raise OutputError(f"{path} finns redan; välj ett annat namn")
    target = link_target_inside(path, Path(os.path.abspath(path)).parent.parent)
    try:
        info = os.stat(target) if os.path.exists(target) else None
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise OutputError(f"kan inte skriva '{path}': det är inte en vanlig fil")
        if info is None and not create:
            raise OutputError(f"'{path}' finns inte längre; inget skrevs")
        old = target.read_bytes() if info is not None and not create else b""
    except OSError as exc:
        raise output_error(path, exc) from None
    layout = _Layout.of(old)
    try:
        text = layout.decode(old)
    except UnicodeDecodeError:
        raise OutputError(f"'{path}' är inte längre en UTF-8-textfil; inget skrevs") from None
    new_text = change(text)
    result = validate_replacement(path, new_text, today)
    if result.errors:
        raise UnwrittenChangeError(f"den ändrade filen {path} skulle inte validera; inget skrevs", result)
    try:
        atomic_write(target, layout.encode(new_text), mode=stat.S_IMODE(info.st_mode) if info else None, shown=path)
        if info is not None:
            try:
                os.chown(target, info.st_uid, info.st_gid)
            except PermissionError:  # only root may give a file away; the group may still fit
                with contextlib.suppress(PermissionError):
                    os.chown(target, -1, info.st_gid)
    except OSError as exc:
        raise output_error(path, exc) from None
    return result
