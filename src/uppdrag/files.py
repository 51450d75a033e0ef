"""Writing the user's files safely: atomically, through devices and links, never over an input."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from uppdrag.errors import OutputError

_REASONS = {
    errno.ENOENT: "finns inte",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.EISDIR: "det är en mapp; ange ett filnamn",
    errno.ELOOP: "för många symboliska länkar i sökvägen",
    errno.EFBIG: "filen blir för stor",
}


# No command writes YAML or templates with -o: such a file that exists is the user's data.
_NEVER_REPLACED = (".yaml", ".yml", ".j2")


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Swedish where the reason is a common one."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def output_error(path: Path | str, exc: OSError) -> OutputError:
    """An OSError met while writing path, as a Swedish message (exit 2)."""
    shown = str(path) if len(str(path)) <= 100 else str(path)[:60] + "…" + str(path)[-20:]
    if exc.errno == errno.ENOENT:
        parent = Path(path).parent
        if not parent.is_dir():
            return OutputError(f"kan inte skriva '{shown}': mappen '{parent}' finns inte")
        return OutputError(f"kan inte skriva '{shown}': det går inte att skapa filer i '{parent}'")
    return OutputError(f"kan inte skriva '{shown}': {os_reason(exc)}")


def atomic_write(path: Path, data: bytes | str, mode: int | None = None) -> None:
    """Write to a temporary file beside path, then rename it over path.

    A failure halfway leaves the old file (or none) in place, never a half-written one. The
    new file keeps the old one's mode (or gets mode, or the umask's default)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = _existing_mode(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _existing_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def same_file(a: Path, b: Path) -> bool:
    """True when a and b name one file (through links, '..', hard links)."""
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_output(path: Path | str, data: bytes | str, inputs: Iterable[Path] = (), make_folder: bool = False) -> Path:
    """Write an output file the user named with -o; return where it went.

    Refuses the tool's own inputs; writes through a character device or FIFO (/dev/null stays a
    device); writes a symbolic link's target, atomically, and keeps the link; any OSError becomes
    an OutputError with a Swedish message. make_folder creates missing folders (build/)."""
    shown = str(path)
    if shown.endswith(("/", os.sep)):
        raise OutputError(f"kan inte skriva '{shown}': det är en mapp; ange ett filnamn")
    path = Path(path)
    for source in inputs:
        if os.path.isdir(source) and Path(os.path.realpath(path)).is_relative_to(os.path.realpath(source)):
            raise OutputError(f"'{shown}' ligger i mallmappen {source}, som verktyget läser; välj en annan utdatafil")
        if same_file(path, source):
            raise OutputError(f"'{shown}' är en av verktygets egna indatafiler ({source}); välj en annan utdatafil")
    real = Path(os.path.realpath(path))  # what a write would reach, through any link
    if any(p.suffix in _NEVER_REPLACED and os.path.lexists(p) for p in (path, real)):  # even if not read
        raise OutputError(f"'{shown}' är en YAML-fil eller mall; uppdrag skriver aldrig över en sådan med -o")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        try:
            info = os.stat(path)  # follows links: what a write would reach
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISCHR(info.st_mode):
            with open(path, "wb") as stream:  # a device: write through it, never replace it
                stream.write(payload)
            return path
        if info is not None and stat.S_ISFIFO(info.st_mode):
            _write_fifo(path, shown, payload)
            return path
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise OSError(errno.EISDIR, os.strerror(errno.EISDIR))
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise OutputError(f"kan inte skriva '{shown}': det är inte en vanlig fil")
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        if not make_folder and not target.parent.is_dir():
            raise OSError(errno.ENOENT, os.strerror(errno.ENOENT))
        atomic_write(target, payload)
    except OSError as exc:
        raise output_error(shown, exc) from None
    return path


def _write_fifo(path: Path, shown: str, payload: bytes) -> None:
    """Write into a named pipe that something reads; with no reader, say so instead of hanging."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"kan inte skriva '{shown}': ingen läser från det namngivna röret (FIFO)") from None
        raise
    os.set_blocking(handle, True)  # a reader is there: wait for it to take all of the data
    with os.fdopen(handle, "wb") as stream:
        stream.write(payload)


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that would leave folder ('../x', '/etc/x', 'a/b')."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"ogiltigt filnamn '{name}'")
    return folder / name
