"""One network's document as the bytes of a file, and where each of several goes."""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from uppdrag.errors import PdfError, UsageError, WordError
from uppdrag.files import inside
from uppdrag.read.loading import LoadedMission, Workspace
from uppdrag.views.document import build_document
from uppdrag.workers import cores_for, forked_pool, worker_job

if TYPE_CHECKING:
    from uppdrag.output.templates import Renderer

DocumentFormat = Literal["md", "html", "pdf", "docx"]
# A file named with -o says its format: `-o build/ka.pdf` without --pdf is a PDF, not Markdown in a .pdf.
FORMAT_OF_SUFFIX: dict[str, DocumentFormat] = {
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def document_format(flag: DocumentFormat | None, output: str | None) -> DocumentFormat:
    """The documents' format: the one asked for (flag), else what the file named with -o says by
    its suffix, else Markdown. A flag and a file name that disagree are a usage error."""
    named = None if output in (None, "-") or output.endswith(("/", os.sep)) else Path(output)
    by_name = FORMAT_OF_SUFFIX.get(named.suffix.lower()) if named is not None else None
    if flag and by_name and by_name != flag:
        raise UsageError(
            f"-o {output} är en .{by_name}-fil men formatet är --{flag}; byt filnamn eller skriv --{by_name}"
        )
    return flag or by_name or "md"


def output_targets(ids: list[str], fmt: DocumentFormat, output: str | None) -> list[Path | None]:
    """Where each document goes: -o FIL for one, a folder (-o MAPP, default build/) for several,
    None for stdout ('-o -', one Markdown or HTML document)."""
    if output == "-":
        if fmt in ("pdf", "docx") or len(ids) > 1:
            raise UsageError("-o - skriver ett dokument i Markdown eller HTML till stdout")
        return [None]
    if output is not None and len(ids) == 1 and not Path(output).is_dir() and not output.endswith(("/", os.sep)):
        return [Path(output)]  # 'MAPP/' names a folder even before it exists
    folder = Path(output) if output is not None else Path("build")
    try:
        return [inside(folder, f"{mission_id}.{fmt}") for mission_id in ids]
    except ValueError as exc:  # ids are checked before; a caller of the library may not have
        raise UsageError(str(exc)) from None


def document_bytes(
    renderer: Renderer,
    workspace: Workspace,
    loaded: LoadedMission,
    fmt: DocumentFormat,
    pdf_variant: str,
    draft: bool = False,
) -> bytes:
    """renderer: output.templates.Renderer; Jinja and WeasyPrint stay out of this module's imports."""
    from uppdrag.output.templates import render_output

    return render_output(renderer, build_document(loaded, workspace, draft=draft), fmt, pdf_variant)


@dataclass(frozen=True)
class _RenderJob:
    """What every PDF worker needs; it reaches them with the fork."""

    renderer: Renderer
    workspace: Workspace
    fmt: DocumentFormat
    variant: str
    drafts: frozenset[str]


def _render_in_worker(mission_id: str) -> bytes:
    from uppdrag.output.pdf import bounded_pdf

    job = worker_job(_RenderJob)
    loaded = job.workspace.mission(mission_id)
    assert loaded is not None  # the ids are the chosen missions' own
    return bounded_pdf(
        lambda: document_bytes(job.renderer, job.workspace, loaded, job.fmt, job.variant, mission_id in job.drafts),
        mission_id,
        in_worker=True,
    )


def render_documents(
    renderer: Renderer,
    workspace: Workspace,
    chosen: list[LoadedMission],
    fmt: DocumentFormat,
    pdf_variant: str,
    drafts: Collection[str] = (),
) -> Iterator[bytes | PdfError | WordError]:
    """The documents' bytes in the order chosen. Each PDF is made within the PDF limits
    (output.pdf.bounded_pdf), each Word file within the Word limits (output.docx.bounded_docx);
    one beyond them is its PdfError or WordError in its place, so the others are still made. Several PDFs are made on all cores: the workers are forked after WeasyPrint
    is loaded, so each starts ready and nothing needs pickling in. Each worker limits its own
    task; should the system end one (out of memory), the PDFs it took down with it are made
    again one by one, each in a process of its own."""
    from concurrent.futures.process import BrokenProcessPool

    cores = cores_for(len(chosen))
    if fmt == "docx":
        yield from _word_files(renderer, workspace, chosen, drafts)
        return
    if fmt != "pdf":
        for loaded in chosen:
            yield document_bytes(renderer, workspace, loaded, fmt, pdf_variant, loaded.mission.id in drafts)
        return
    from uppdrag.output.pdf import bounded_pdf, load_weasyprint

    def alone(loaded: LoadedMission) -> bytes | PdfError:
        try:
            return bounded_pdf(
                lambda: document_bytes(renderer, workspace, loaded, fmt, pdf_variant, loaded.mission.id in drafts),
                loaded.mission.id,
            )
        except PdfError as exc:
            return exc

    load_weasyprint()  # once, before any fork
    if cores < 2:
        yield from map(alone, chosen)
        return
    job = _RenderJob(renderer, workspace, fmt, pdf_variant, frozenset(drafts))
    with forked_pool(cores, job) as pool:
        futures = [pool.submit(_render_in_worker, loaded.mission.id) for loaded in chosen]
        for loaded, future in zip(chosen, futures):
            try:
                yield future.result()
            except PdfError as exc:
                yield exc
            except BrokenProcessPool:
                yield alone(loaded)


def _word_files(
    renderer: Renderer, workspace: Workspace, chosen: list[LoadedMission], drafts: Collection[str]
) -> Iterator[bytes | WordError]:
    """Each Word file within the Word limits (output.docx.bounded_docx), one after the other: one
    beyond them is its WordError in its place, so the others are still made."""
    from uppdrag.output.docx import bounded_docx

    for loaded in chosen:
        try:
            draft = loaded.mission.id in drafts
            make = functools.partial(document_bytes, renderer, workspace, loaded, "docx", "", draft)
            yield bounded_docx(make, loaded.mission.id)
        except WordError as exc:
            yield exc
