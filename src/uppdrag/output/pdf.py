"""HTML -> PDF with WeasyPrint, imported only when a PDF is asked for."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit
from urllib.request import url2pathname

from uppdrag.ellipsis import shortened
from uppdrag.errors import EXIT_USAGE, PdfError, TemplateError
from uppdrag.output.document_bounds import DocumentKind, bounded_document

# Each PDF is made under these limits, by `render`, `site` and `serve` alike. The shipped
# documents take under a second and map under 60 MB more than the process had (measured with
# smaller limits); a PDF that takes a minute or 2 GB more is a runaway (a stylesheet or a file
# that makes thousands of pages).
PDF_SECONDS = 60.0
PDF_MEMORY = 2 * 2**30
PDF = DocumentKind("PDF:en", "en PDF", "mallarna, t.ex. pdf.css, eller filen ger för många sidor", PdfError)

Made = TypeVar("Made")


def load_weasyprint() -> Any:  # the weasyprint module, which has no type information
    try:
        import weasyprint
    except OSError as exc:  # Pango or its friends are missing on this machine
        raise PdfError(f"WeasyPrint kan inte laddas: {exc}") from None
    # fontTools warns about the bundled font's old 'created' date on every subset.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def html_to_pdf(html: str, base_url: Path, variant: str = "pdf/ua-1", allowed: list[Path] | None = None) -> bytes:
    """A tagged PDF by default (PDF/UA-1): structure tags, /Lang and the title shown.

    WeasyPrint fetches only files inside the allowed folders (the templates in use; default:
    base_url's folder): a workspace template must not put another file into the PDF, nor
    reach the network. Anything else it asks for is refused, and the PDF is not made."""
    weasyprint = load_weasyprint()
    folders = [Path(os.path.realpath(f)) for f in (allowed or [base_url])]
    refused: list[str] = []

    fetcher: Any = weasyprint.urls.URLFetcher

    class TemplateFilesOnly(fetcher):  # type: ignore[misc]  # WeasyPrint is untyped: its class is Any
        def fetch(self, url: str, headers: object = None) -> Any:
            local = url.startswith("file:")
            path = Path(os.path.realpath(url2pathname(urlsplit(url).path))) if local else None
            if not url.startswith("data:") and not (path and any(path.is_relative_to(f) for f in folders)):
                refused.append(url)
                raise ValueError(f"refused: {url}")  # WeasyPrint leaves the resource out
            return super().fetch(url, headers)

    document = weasyprint.HTML(
        string=html, base_url=str(base_url), url_fetcher=TemplateFilesOnly(allowed_protocols={"file", "data"})
    )
    data: bytes = document.write_pdf(pdf_variant=variant, pdf_tags=True)
    if refused:
        shown = shortened(refused[0], 80)
        raise TemplateError(
            f"mallen hämtar '{shown}', som ligger utanför mallmapparna; en PDF får bara använda "
            "mallmapparnas egna filer (inga andra filer, ingen webbadress)",
            exit_code=EXIT_USAGE,
        )
    return data


def bounded_pdf(
    make: Callable[[], Made], network: str, in_worker: bool = False, stop: threading.Event | None = None
) -> Made:
    """make() (one network's PDF) within PDF_SECONDS and PDF_MEMORY: in a process of its own, or
    (in_worker) in this one, a forked pool's worker that nothing else needs if it has to die.
    Beyond a limit it is a PdfError that names the network."""
    return bounded_document(make, PDF, network, PDF_SECONDS, PDF_MEMORY, in_worker, stop)
