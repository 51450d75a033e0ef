"""Writing the user's files safely: atomically, through devices and links, never over an input.

A replacement is a new file renamed over the old one, so it never splits a hard link or
rewrites a read-only file silently: both are refused. Paths are compared as the file system
compares them, which on macOS and Windows volumes ignores case."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from uppdrag.ellipsis import shortened
from uppdrag.errors import OutputError, UsageError

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
    errno.EEXIST: "finns redan",
    errno.ENXIO: "enheten finns inte",
}


# No command writes YAML or templates with -o: such a file that exists is the user's data.
USER_DATA_SUFFIXES = (".yaml", ".yml", ".j2")


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Swedish where the reason is a common one."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def shorten(path: Path | str) -> str:
    """A path as shown in a message: a very long one keeps its start and its end."""
    return shortened(str(path), 100, 60, 20)


def path_error(exc: OSError) -> UsageError:
    """An OSError that no command caught where it happened, as a Swedish message (exit 2).

    A name longer than the file system allows, a file where a folder should be, a link loop,
    missing permission: each comes from a path the user gave or a file in the workspace,
    never from a bug, so it is a user's error, named with its path. Other errors stay OSError."""
    if exc.errno not in _REASONS:
        raise ValueError(f"not a path error: {exc!r}")
    where = exc.filename if exc.filename is not None else exc.filename2
    if where is None:
        return UsageError(f"ett filfel: {os_reason(exc)}")
    if isinstance(where, bytes):
        where = os.fsdecode(where)
    return UsageError(f"sökvägen '{shorten(where)}' går inte att använda: {os_reason(exc)}")


def is_path_error(exc: BaseException) -> bool:
    """True for an OSError that path_error turns into a message."""
    return isinstance(exc, OSError) and exc.errno in _REASONS


def output_error(path: Path | str, exc: OSError) -> OutputError:
    """An OSError met while writing path, as a Swedish message (exit 2)."""
    shown = shorten(path)
    if exc.errno == errno.ENOENT:
        parent = Path(path).parent
        if not parent.is_dir():
            return OutputError(f"kan inte skriva '{shown}': mappen '{parent}' finns inte")
        return OutputError(f"kan inte skriva '{shown}': det går inte att skapa filer i '{parent}'")
    return OutputError(f"kan inte skriva '{shown}': {os_reason(exc)}")


def atomic_write(path: Path, data: bytes | str, mode: int | None = None, shown: Path | str | None = None) -> None:
    """Write to a temporary file beside path, then rename it over path.

    A failure halfway leaves the old file (or none) in place, never a half-written one. The
    new file keeps the old one's mode (or gets mode, or the umask's default). A file with
    other hard links or without write permission is refused (OutputError naming shown, the
    path as the user knows it): renaming over it would split the links or ignore the lock."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    refuse_replacing(path, path if shown is None else shown)
    # The last folder only (build/, -o pdf/): a mistyped path never grows a chain of folders.
    path.parent.mkdir(exist_ok=True)
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


def refuse_replacing(path: Path, shown: Path | str) -> None:
    """OutputError if the regular file at path (not followed) may not be replaced by a new one:
    it has other hard links, or nobody may write it (0444)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise output_error(shown, exc) from None
    if not stat.S_ISREG(info.st_mode):
        return
    if info.st_nlink > 1:
        raise OutputError(
            f"kan inte skriva '{shorten(shown)}': filen har {info.st_nlink} hårda länkar, och en ny fil i "
            "dess ställe skulle skilja dem åt; skriv till en annan fil eller ta bort de andra länkarna"
        )
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise OutputError(
            f"kan inte skriva '{shorten(shown)}': filen är skrivskyddad; "
            "ta bort skrivskyddet (chmod u+w) om den ska skrivas över"
        )


def _existing_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


_CASE_PROBES = 50  # entries of a folder tried for a name with letters, before its own name is tried


def case_insensitive(folder: Path | str) -> bool:
    """True when the file system holding folder finds a name whatever its case (macOS's APFS,
    Windows volumes): one entry whose name has letters is looked up with its case swapped."""
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= _CASE_PROBES:
                    break
                if entry.name.swapcase() != entry.name:
                    return _same_entry(entry.path, os.path.join(folder, entry.name.swapcase()))
    except OSError:
        pass
    real = os.path.realpath(folder)
    parent, name = os.path.split(real)
    while name and name.swapcase() == name:  # a name without letters: try an ancestor's
        parent, name = os.path.split(parent)
    return bool(name) and _same_entry(os.path.join(parent, name), os.path.join(parent, name.swapcase()))


def _same_entry(a: str, b: str) -> bool:
    """True when a and b are one directory entry (not followed), the same inode."""
    try:
        first, second = os.lstat(a), os.lstat(b)
    except OSError:
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def _same_name(a: str, b: str) -> bool:
    """True when two real paths are one name to their file system: equal, or equal but for
    case where the folder is case-insensitive (so it holds even before the file exists)."""
    if a == b:
        return True
    return a.casefold() == b.casefold() and case_insensitive(os.path.dirname(b) or ".")


def same_file(a: Path | str, b: Path | str) -> bool:
    """True when a and b name one file (through links, '..', hard links, a name's case)."""
    try:
        if _same_name(os.path.realpath(a), os.path.realpath(b)):
            return True
        return os.path.samefile(a, b)
    except OSError:
        return False


def is_within(path: Path | str, folder: Path | str) -> bool:
    """True when path (which need not exist) lies in folder or is folder, through links, '..'
    and a name's case: each existing folder on the way is compared by inode with folder."""
    real, base = Path(os.path.realpath(path)), os.path.realpath(folder)
    try:
        wanted = os.stat(base)
    except OSError:
        wanted = None
    for candidate in (real, *real.parents):
        if _same_name(str(candidate), base):
            return True
        if wanted is not None:
            try:
                info = os.stat(candidate)
            except OSError:
                continue
            if (info.st_dev, info.st_ino) == (wanted.st_dev, wanted.st_ino):
                return True
    return False


def link_target_inside(path: Path, workspace: Path) -> Path:
    """Where a write to path lands: path itself, or the file its symbolic links lead to when
    that lies inside workspace. A link out of the workspace is refused (OutputError): a cloned
    repository must not make uppdrag write one of the user's other files."""
    real = Path(os.path.realpath(path))
    if real == Path(os.path.abspath(path)) or is_within(real, workspace):
        return real if path.is_symlink() else path
    raise _link_out(path, path, real, workspace)


def _link_out(path: Path, link: Path, real: Path, workspace: Path) -> OutputError:
    """The refusal of path, whose link (path itself or a folder on it) leads to real, out of workspace."""
    via = "en symbolisk länk" if link == path else f"den symboliska länken '{shorten(link)}'"
    return OutputError(
        f"'{shorten(path)}' leder via {via} till '{shorten(real)}', utanför arbetsytan "
        f"'{shorten(os.path.realpath(workspace))}'; uppdrag skriver bara genom länkar som stannar i arbetsytan; "
        f"ersätt länken med {'en vanlig mapp' if os.path.isdir(link) else 'en kopia'} eller ange den verkliga sökvägen"
    )


def refuse_links_out(path: Path, workspace: Path, own_parts: int = 1) -> None:
    """OutputError when a symbolic link anywhere on path leads out of workspace: a link that lies
    in the workspace, or one of the last own_parts parts of path (the names the tool chose, as
    build/ka.pdf). A cloned repository may hold build/ or site/ as a link to another folder of
    the user's. Each such link must itself lead into the workspace (one out and back is refused
    too). A link outside the workspace in a folder the user named (/tmp on macOS) is followed."""
    parts = path.parts
    first = 1 if path.is_absolute() else 0
    current = Path(path.anchor) if path.is_absolute() else Path(os.path.realpath(os.getcwd()))
    for index in range(first, len(parts)):
        part = parts[index]
        if part == "..":
            current = current.parent
            continue
        step = current / part
        if not os.path.islink(step):
            current = step
            continue
        target = Path(os.path.realpath(step))
        chosen_by_tool = index >= len(parts) - own_parts
        if (chosen_by_tool or is_within(current, workspace)) and not is_within(target, workspace):
            raise _link_out(path, Path(*parts[: index + 1]), target, workspace)
        current = target


def write_output(
    path: Path | str,
    data: bytes | str,
    inputs: Iterable[Path] = (),
    make_folder: bool = False,
    links_within: Path | None = None,
    own_parts: int = 1,
) -> Path:
    """Write an output file the user named with -o; return where it went.

    Refuses the tool's own inputs; writes through a character device or FIFO (/dev/null stays a
    device); writes a symbolic link's target, atomically, and keeps the link; any OSError becomes
    an OutputError with a Swedish message. make_folder creates missing folders (build/).
    links_within is for a name the tool chose (build/forskola.pdf, the last own_parts parts of
    path): the whole path is resolved, and a link on it is followed only into that folder (the
    workspace), since a cloned repository may have put it there (refuse_links_out)."""
    shown = str(path)
    if shown.endswith(("/", os.sep)):
        raise OutputError(f"kan inte skriva '{shown}': det är en mapp; ange ett filnamn")
    path = Path(path)
    if links_within is not None:
        refuse_links_out(path, links_within, own_parts)
    for source in inputs:
        if os.path.isdir(source) and is_within(path, source):
            raise OutputError(f"'{shown}' ligger i mallmappen {source}, som verktyget läser; välj en annan utdatafil")
        if same_file(path, source):
            raise OutputError(f"'{shown}' är en av verktygets egna indatafiler ({source}); välj en annan utdatafil")
    real = Path(os.path.realpath(path))  # what a write would reach, through any link
    if any(p.suffix.casefold() in USER_DATA_SUFFIXES and os.path.lexists(p) for p in (path, real)):  # even if not read
        raise OutputError(f"'{shown}' är en YAML-fil eller mall; uppdrag skriver aldrig över en sådan med -o")
    if path.suffix.casefold() in (".yaml", ".yml") and any(
        Path(source).suffix.casefold() in (".yaml", ".yml") and same_file(path.parent, Path(source).parent)
        for source in inputs
    ):  # a calendar or a report among the mission files would break the next validate
        raise OutputError(f"'{shown}' skulle hamna bland uppdragsfilerna, som verktyget läser; välj en annan utdatafil")
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
        if not path.is_symlink():
            target = path
        elif links_within is not None:
            target = link_target_inside(path, links_within)
        else:
            target = Path(os.path.realpath(path))  # the user named the link: its target is meant
        if not make_folder and not target.parent.is_dir():
            raise OSError(errno.ENOENT, os.strerror(errno.ENOENT))
        atomic_write(target, payload, shown=shown)
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
