"""Writing the site's pages into a folder that the site owns, and only the files it wrote.

A manifest in the folder lists what `uppdrag site` wrote there. The next build replaces those
files, removes the ones no longer produced (a network that is gone) and leaves everything else
alone; a non-empty folder without a manifest is someone else's and is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from uppdrag.errors import OutputError
from uppdrag.files import atomic_write, inside, output_error
from uppdrag.workers import cores_for, forked_pool, worker_job

MANIFEST = ".uppdrag-webbplats.json"
_KIND = "uppdrag site"


def _owned(folder: Path) -> set[str]:
    """The names the manifest says this tool wrote; raises when the folder is not the site's."""
    manifest = folder / MANIFEST
    try:
        present = [p.name for p in folder.iterdir()]
    except OSError as exc:
        raise output_error(folder, exc) from None
    if not present:
        return set()
    refusal = OutputError(
        f"mappen '{folder}' innehåller filer som uppdrag inte har skrivit; "
        "välj en ny eller tom mapp för webbplatsen (till exempel -o site)"
    )
    if MANIFEST not in present:
        raise refusal
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise refusal from None
    files = data.get("files") if isinstance(data, dict) and data.get("kind") == _KIND else None
    if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
        raise refusal
    return {name for name in files if _safe_name(name)}


def _safe_name(name: str) -> bool:
    try:
        inside(Path("."), name)
    except ValueError:
        return False
    return name != MANIFEST


def _write_manifest(folder: Path, names: set[str]) -> None:
    text = json.dumps({"kind": _KIND, "files": sorted(names)}, ensure_ascii=False, indent=2) + "\n"
    atomic_write(folder / MANIFEST, text)


Content = str | bytes
Page = Content | Callable[[], Content]  # the content, or a producer of it (site_pages)


def write_site_folder(
    folder: Path, pages: Mapping[str, Page], progress: Callable[[str], None] = lambda name: None
) -> list[Path]:
    """Write pages ({file name: content or producer}) into folder; return the files written.

    Every page is produced before any is written, so a broken template leaves the old site
    whole. Stale pages of an earlier build are removed; files the manifest does not list are
    never touched, and a page whose name is taken by such a file is refused."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"kan inte skriva webbplatsen till '{folder}': det är inte en mapp")
    for name in pages:
        if not _safe_name(name):
            raise OutputError(f"ogiltigt sidnamn '{name}'")
    if folder.is_dir():
        _owned(folder)  # refuse a foreign folder before the slow work of making the pages
    return _write(folder, produce_pages(pages, progress))


def _produce(name: str) -> Content:
    pages: dict[str, Page] = worker_job(dict)
    page = pages[name]
    return page() if callable(page) else page


def produce_pages(pages: Mapping[str, Page], progress: Callable[[str], None] = lambda name: None) -> dict[str, Content]:
    """Every page's content, in the pages' order. The PDFs, which take most of the time, are
    made on all cores by workers forked after WeasyPrint is loaded."""
    pdfs = [name for name, page in pages.items() if name.endswith(".pdf") and callable(page)]
    cores = cores_for(len(pdfs))
    futures = {}
    with contextlib.ExitStack() as stack:
        if cores > 1:
            from uppdrag.output.pdf import load_weasyprint

            load_weasyprint()
            pool = stack.enter_context(forked_pool(cores, dict(pages)))
            futures = {name: pool.submit(_produce, name) for name in pdfs}
        produced: dict[str, Content] = {}
        for name, page in pages.items():
            progress(name)
            produced[name] = futures[name].result() if name in futures else (page() if callable(page) else page)
    return produced


def _write(folder: Path, pages: Mapping[str, Content]) -> list[Path]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        owned = _owned(folder)
        foreign = sorted(n for n in pages if n not in owned and os.path.lexists(folder / n))
        if foreign:
            raise OutputError(
                f"'{folder / foreign[0]}' finns redan och skrevs inte av uppdrag; flytta den eller välj en annan mapp"
            )
        _write_manifest(folder, owned | set(pages))  # first: a build cut short still owns its files
        written = []
        for name, content in pages.items():
            atomic_write(inside(folder, name), content)
            written.append(folder / name)
        for stale in sorted(owned - set(pages)):
            path = inside(folder, stale)
            if path.is_file() or path.is_symlink():
                path.unlink()
        _write_manifest(folder, set(pages))
    except OSError as exc:
        raise output_error(folder, exc) from None
    return written
