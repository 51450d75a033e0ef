"""output.pdf: a tagged Swedish PDF from HTML, and a clear error when WeasyPrint cannot load."""

from __future__ import annotations

import builtins
import functools
import io
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import BooleanObject

from uppdrag.errors import EXIT_USAGE, PdfError
from uppdrag.output import pdf
from uppdrag.output.pdf import bounded_pdf, html_to_pdf
from uppdrag.workers import forked_pool

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


def _spin() -> bytes:
    while True:
        pass


def _gigabyte() -> bytes:
    return bytes(1 << 30)


def _bounded_error(make: Callable[[], object], in_worker: bool) -> tuple[str, int]:
    """The PdfError's message and exit code from make(). In a worker's place (in_worker) it runs
    in a forked pool's worker, where bounded_pdf runs it: the limits are that process's, and in
    pytest's own a limit on the CPU time of all its threads could end the whole run."""
    if in_worker:
        with forked_pool(1) as pool:
            return pool.submit(_bounded_error, make, False).result()
    with pytest.raises(PdfError) as caught:
        make()
    return caught.value.message, caught.value.exit_code


@pytest.mark.parametrize("in_worker", [False, True])
def test_a_pdf_over_its_time_is_an_error_naming_the_network(in_worker: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "PDF_SECONDS", 0.3)
    assert _bounded_error(functools.partial(bounded_pdf, _spin, "ka", in_worker), in_worker) == (
        "PDF:en för ka blev inte klar inom 0.3 sekunder (gränsen för en PDF); mallarna, t.ex. pdf.css, "
        "eller filen ger för många sidor",
        EXIT_USAGE,
    )


@pytest.mark.parametrize("in_worker", [False, True])
def test_a_pdf_over_its_memory_is_an_error_naming_the_network(in_worker: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "PDF_MEMORY", 64 << 20)
    assert _bounded_error(functools.partial(bounded_pdf, _gigabyte, "skis", in_worker), in_worker) == (
        "PDF:en för skis behövde mer än 64 MB minne (gränsen för en PDF); mallarna, t.ex. pdf.css, "
        "eller filen ger för många sidor",
        EXIT_USAGE,
    )


def test_a_pdf_whose_process_the_system_ends_is_an_error_naming_the_network() -> None:
    with pytest.raises(PdfError) as caught:
        bounded_pdf(lambda: os.kill(os.getpid(), signal.SIGKILL), "ka")
    assert (caught.value.message, caught.value.exit_code) == (
        "PDF:en för ka avbröts innan den blev klar; den gick troligen över gränsen på 60 sekunder eller 2 GB minne",
        EXIT_USAGE,
    )


def test_a_pdf_within_its_limits_is_made() -> None:
    assert bounded_pdf(lambda: b"%PDF-", "ka") == b"%PDF-"
    assert bounded_pdf(lambda: b"%PDF-", "ka", in_worker=True) == b"%PDF-"


def test_weasyprint_is_imported_in_one_place_only() -> None:
    """load_weasyprint is the one import: its message when WeasyPrint is broken, and the one
    load before forking PDF workers, hold only if nothing else imports it."""
    import ast

    src = Path(pdf.__file__).parents[1]
    importers = sorted(
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (isinstance(node, ast.Import) and any(a.name.split(".")[0] == "weasyprint" for a in node.names))
        or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "weasyprint")
    )
    assert importers == ["output/pdf.py"]
