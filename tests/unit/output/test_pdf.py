"""output.pdf: a tagged Swedish PDF from HTML, and a clear error when WeasyPrint cannot load."""

from __future__ import annotations

import builtins
import io
import sys
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import BooleanObject

from uppdrag.errors import EXIT_USAGE, PdfError
from uppdrag.output.pdf import html_to_pdf

HTML = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Uppdrag för Särskolan</title></head>
<body><h1>Särskolan</h1><p>Minst 4 möten per år på fredagar.</p></body></html>
"""


@pytest.fixture(scope="module")
def reader() -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(html_to_pdf(HTML, base_url=Path.cwd())))


def test_the_pdf_is_swedish_and_titled(reader: pypdf.PdfReader) -> None:
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert reader.metadata.title == "Uppdrag för Särskolan"


def test_the_pdf_is_tagged(reader: pypdf.PdfReader) -> None:
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == BooleanObject(True)
    assert "/StructTreeRoot" in root


def test_the_text_is_in_the_pdf(reader: pypdf.PdfReader) -> None:
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Särskolan" in text and "Minst 4 möten per år på fredagar." in text


def test_a_machine_without_pango_gets_a_pdf_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def without_pango(name: str, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", without_pango)
    with pytest.raises(PdfError) as caught:
        html_to_pdf(HTML, base_url=Path.cwd())
    assert caught.value.message == "WeasyPrint kan inte laddas: cannot load library 'libpango-1.0-0'"
    assert caught.value.exit_code == EXIT_USAGE
