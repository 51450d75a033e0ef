"""One network's document as the bytes of a file, and where each of several goes."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from uppdrag.errors import UsageError
from uppdrag.files import inside
from uppdrag.read.loading import LoadedMission, Workspace
from uppdrag.views.document import build_document

DocumentFormat = Literal["md", "html", "pdf"]


def output_targets(ids: list[str], fmt: DocumentFormat, output: str | None) -> list[Path | None]:
    """Where each document goes: -o FIL for one, a folder (-o MAPP, default build/) for several,
    None for stdout ('-o -', one Markdown or HTML document)."""
    if output == "-":
        if fmt == "pdf" or len(ids) > 1:
            raise UsageError("-o - skriver ett dokument i Markdown eller HTML till stdout")
        return [None]
    if output is not None and len(ids) == 1 and not Path(output).is_dir():
        return [Path(output)]
    folder = Path(output) if output is not None else Path("build")
    return [inside(folder, f"{mission_id}.{fmt}") for mission_id in ids]


def document_bytes(
    renderer, workspace: Workspace, loaded: LoadedMission, fmt: DocumentFormat, pdf_variant: str
) -> bytes:
    """renderer: output.templates.Renderer; Jinja and WeasyPrint stay out of this module's imports."""
    from uppdrag.output.templates import render_output

    return render_output(renderer, build_document(loaded, workspace), fmt, pdf_variant)
