"""Writing the site's pages into a folder that the site owns, and only the files it wrote.

A manifest in the folder lists what `uppdrag site` wrote there, each file with the SHA-256 of
its content. The next build replaces those files and removes the ones no longer produced (a
network that is gone), but only a regular file that still has exactly that content: a file
changed since, a link, or anything else is left alone and reported. A non-empty folder
without a manifest is someone else's and is refused, and so is the missions folder, a
template folder and any folder holding YAML files, whatever a manifest in it says.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from uppdrag.errors import OutputError, PdfError
from uppdrag.files import (
    USER_DATA_SUFFIXES,
    atomic_write,
    inside,
    is_within,
    output_error,
    refuse_links_out,
    refuse_replacing,
    shorten,
)
from uppdrag.models.common import join_swedish
from uppdrag.workers import cores_for, forked_pool, worker_job

MANIFEST = ".uppdrag-webbplats.json"
_KIND = "uppdrag site"
_VERSION = 2  # 1 listed names alone, which proved nothing: a forged one could delete any file
MAX_MANIFEST_BYTES = 4 * 1024 * 1024  # a real one is ~100 bytes per page; thousands of networks fit


@dataclass
class SiteBuild:
    """What a build did: the pages written, and the files it left though it once wrote them."""

    written: list[Path] = field(default_factory=list)
    kept: list[tuple[Path, str]] = field(default_factory=list)  # (file, why it was left)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _owned(folder: Path) -> dict[str, list[str]]:
    """The names the manifest says this tool wrote, each with the digests it may have; raises
    when the folder is not the site's."""
    manifest = folder / MANIFEST
    try:
        present = [p.name for p in folder.iterdir()]
    except OSError as exc:
        raise output_error(folder, exc) from None
    if not present:
        return {}
    refusal = OutputError(
        f"mappen '{shorten(folder)}' innehåller filer som uppdrag inte har skrivit; "
        "välj en ny eller tom mapp för webbplatsen (till exempel -o site)"
    )
    if MANIFEST not in present:
        raise refusal
    try:
        info = os.lstat(manifest)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_MANIFEST_BYTES:
            raise refusal
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise refusal from None
    if not isinstance(data, dict) or data.get("kind") != _KIND:
        raise refusal
    files = data.get("files")
    if isinstance(files, list) and "version" not in data:  # an uppdrag before 2026-12: names alone
        return _owned_by_an_older_build(folder, files)
    if data.get("version") != _VERSION or not isinstance(files, dict):
        raise refusal
    owned = {}
    for name, listed in files.items():
        digests = [listed] if isinstance(listed, str) else listed
        if _safe_name(name) and isinstance(digests, list) and all(isinstance(d, str) for d in digests):
            owned[name] = digests
    return owned


# How each kind of file the site writes begins: what an older build's file must still show.
_SITE_FILE_STARTS = {".html": b"<!DOCTYPE html>", ".pdf": b"%PDF-", ".ics": b"BEGIN:VCALENDAR", ".css": b""}


def _owned_by_an_older_build(folder: Path, names: list[object]) -> dict[str, list[str]]:
    """The files an older manifest (names without digests: version 1) lists that are still
    the site's kind of file: a regular file with one link, named and begun as the site's pages,
    PDFs, calendars and stylesheets are. Those are taken as written with their present content
    and replaced or removed as a current manifest's are; anything else it lists (a forged
    name, a file of another kind) is not the site's, and is left alone."""
    owned: dict[str, list[str]] = {}
    for name in names:
        if not isinstance(name, str) or not _safe_name(name) or Path(name).suffix not in _SITE_FILE_STARTS:
            continue
        path = folder / name
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
                continue
            with open(path, "rb") as stream:
                if not stream.read(64).startswith(_SITE_FILE_STARTS[path.suffix]):
                    continue
                stream.seek(0)
                owned[name] = [hashlib.file_digest(stream, "sha256").hexdigest()]
        except OSError:
            continue  # gone or unreadable: not the site's to touch
    return owned


def _safe_name(name: str) -> bool:
    try:
        inside(Path("."), name)
    except ValueError:
        return False
    return name != MANIFEST


def _still_ours(path: Path, digests: list[str]) -> str | None:
    """None when path is a regular file, with no other hard link, holding content the site
    wrote (one of digests); otherwise why it is not the site's to replace or remove."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"kan inte läsas ({exc.strerror})"
    if not stat.S_ISREG(info.st_mode):
        return "är inte längre en vanlig fil"
    if info.st_nlink > 1:
        return "har fler hårda länkar"
    try:
        with open(path, "rb") as stream:  # read in pieces: a forged manifest may name a huge file
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError as exc:
        return f"kan inte läsas ({exc.strerror})"
    return None if digest in digests else "har ändrats sedan uppdrag skrev den"


def _write_manifest(folder: Path, files: Mapping[str, list[str]]) -> None:
    text = json.dumps(
        {"kind": _KIND, "version": _VERSION, "files": {name: files[name] for name in sorted(files)}},
        ensure_ascii=False,
        indent=2,
    )
    atomic_write(folder / MANIFEST, text + "\n")


def refuse_user_folder(folder: Path, protected: Iterable[Path]) -> None:
    """OutputError when folder is, or lies in, a folder the tool reads (missions, templates),
    or holds YAML files or templates: the user's data, whatever a manifest there says."""
    for own in protected:
        if is_within(folder, own):  # a folder not made yet counts too: templates/ is the user's
            raise OutputError(
                f"'{shorten(folder)}' är eller ligger i '{shorten(own)}', som uppdrag läser, och dit skrivs "
                "webbplatsen aldrig; välj en egen mapp (till exempel -o site)"
            )
    try:
        names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    except OSError as exc:
        raise output_error(folder, exc) from None
    data = [name for name in names if name.casefold().endswith(USER_DATA_SUFFIXES)]  # the user's files
    if data:
        raise OutputError(
            f"mappen '{shorten(folder)}' innehåller YAML-filer eller mallar ({data[0]}), och i en sådan mapp "
            "skrivs webbplatsen aldrig; välj en egen mapp (till exempel -o site)"
        )


Content = str | bytes
Page = Content | Callable[[], Content]  # the content, or a producer of it (site_pages)


def write_site_folder(
    folder: Path,
    pages: Mapping[str, Page],
    progress: Callable[[str], None] = lambda name: None,
    protected: Iterable[Path] = (),
    workspace: Path | None = None,
    own_parts: int = 0,
) -> SiteBuild:
    """Write pages ({file name: content or producer}) into folder; say what was written and
    what was left.

    Every page is produced before any is written, so a broken template leaves the old site
    whole. Stale pages of an earlier build are removed if they are as the site wrote them;
    other files are never touched, and a page whose name is taken by one is refused. folder
    may not be or lie in one of protected (the missions and template folders). With workspace,
    no symbolic link on folder may lead out of it, whether in the workspace or among the last
    own_parts parts of folder (site/, a name the tool chose): see files.refuse_links_out."""
    if os.path.islink(folder) and not os.path.exists(folder):
        raise OutputError(
            f"kan inte skriva webbplatsen till '{shorten(folder)}': det är en symbolisk länk till "
            f"'{shorten(os.readlink(folder))}', som inte finns"
        )
    if workspace is not None:
        refuse_links_out(folder, workspace, own_parts)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"kan inte skriva webbplatsen till '{shorten(folder)}': det är inte en mapp")
    for name in pages:
        if not _safe_name(name):
            raise OutputError(f"ogiltigt sidnamn '{name}'")
    refuse_user_folder(folder, protected)
    if folder.is_dir():
        _owned(folder)  # refuse a foreign folder before the slow work of making the pages
    return _write(folder, produce_pages(pages, progress))


def _produce(name: str) -> Content:
    pages: dict[str, Page] = worker_job(dict)
    return _made(name, pages[name], in_worker=True)


def _made(name: str, page: Page, in_worker: bool = False) -> Content:
    """A page's content; a network's PDF within the PDF limits (output.pdf.bounded_pdf)."""
    if not callable(page):
        return page
    if not name.endswith(".pdf"):
        return page()
    from uppdrag.output.pdf import bounded_pdf

    return bounded_pdf(page, name.removesuffix(".pdf"), in_worker)


def produce_pages(pages: Mapping[str, Page], progress: Callable[[str], None] = lambda name: None) -> dict[str, Content]:
    """Every page's content, in the pages' order. The PDFs, which take most of the time, are
    made on all cores by workers forked after WeasyPrint is loaded, each within the PDF
    limits; should the system end a worker (out of memory), the PDFs it took down with it
    are made again, each in a process of its own. A PDF beyond the limits does not stop the
    others: all are made, and then the first is raised, naming the others."""
    from concurrent.futures.process import BrokenProcessPool

    pdfs = [name for name, page in pages.items() if name.endswith(".pdf") and callable(page)]
    cores = cores_for(len(pdfs))
    futures = {}
    failed: list[tuple[str, PdfError]] = []
    with contextlib.ExitStack() as stack:
        if pdfs:
            from uppdrag.output.pdf import load_weasyprint

            load_weasyprint()  # once, before any fork
        if cores > 1:
            pool = stack.enter_context(forked_pool(cores, dict(pages)))
            futures = {name: pool.submit(_produce, name) for name in pdfs}
        produced: dict[str, Content] = {}
        for name, page in pages.items():
            progress(name)
            try:
                try:
                    produced[name] = futures[name].result() if name in futures else _made(name, page)
                except BrokenProcessPool:
                    produced[name] = _made(name, page)
            except PdfError as exc:
                failed.append((name, exc))
    if failed:
        first, others = failed[0][1], [name.removesuffix(".pdf") for name, _ in failed[1:]]
        also = f" (likadant för {join_swedish(others)})" if others else ""
        raise PdfError(first.message + also)
    return produced


def _write(folder: Path, pages: Mapping[str, Content]) -> SiteBuild:
    done = SiteBuild()
    payloads = {name: c.encode("utf-8") if isinstance(c, str) else c for name, c in pages.items()}
    try:
        folder.mkdir(exist_ok=True)  # the site's own folder; a missing parent is a mistyped path
        owned = _owned(folder)
        for name in pages:
            path = folder / name
            why = _still_ours(path, owned[name]) if name in owned else "skrevs inte av uppdrag"
            if os.path.lexists(path) and why:
                raise OutputError(f"'{shorten(path)}' finns redan och {why}; flytta den eller välj en annan mapp")
            refuse_replacing(path, path)  # a read-only page stops the build before anything is written
        # First the old digests and the new: a build cut short still owns every file it touched.
        interim = {name: list(digests) for name, digests in owned.items()}
        for name, data in payloads.items():
            interim[name] = [*interim.get(name, []), _digest(data)]
        _write_manifest(folder, interim)
        for name, data in payloads.items():
            atomic_write(inside(folder, name), data)
            done.written.append(folder / name)
        for stale in sorted(set(owned) - set(pages)):
            path = inside(folder, stale)
            why = _still_ours(path, owned[stale])
            if why:
                done.kept.append((path, why))
            elif os.path.lexists(path):
                path.unlink()
        _write_manifest(folder, {name: [_digest(data)] for name, data in payloads.items()})
    except OSError as exc:
        raise output_error(folder, exc) from None
    return done
