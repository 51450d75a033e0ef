"""HTML -> PDF with WeasyPrint, imported only when a PDF is asked for."""

from __future__ import annotations

import logging
from pathlib import Path

from uppdrag.errors import PdfError


def load_weasyprint():  # -> the weasyprint module
    try:
        import weasyprint
    except OSError as exc:  # Pango or its friends are missing on this machine
        raise PdfError(f"WeasyPrint kan inte laddas: {exc}") from None
    # fontTools warns about the bundled font's old 'created' date on every subset.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def html_to_pdf(html: str, base_url: Path, variant: str = "pdf/ua-1") -> bytes:
    """A tagged PDF by default (PDF/UA-1): structure tags, /Lang and the title shown."""
    weasyprint = load_weasyprint()
    document = weasyprint.HTML(string=html, base_url=str(base_url))
    return document.write_pdf(pdf_variant=variant, pdf_tags=True)
