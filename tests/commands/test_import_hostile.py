"""Hostile documents through `uppdrag import`: one Swedish line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.support.raw_pdf import pdf, text_pdf
from tests.unit.edit.importer.test_docx_reader_bounds import W, _body, _word
from tests.unit.edit.importer.test_pdf_bounds import _saved_again
from uppdrag.cli import app


def _hostile() -> dict[str, tuple[bytes, str]]:
    return {
        "prefix.docx": (
            _word({"word/document.xml": _body("<x:p/>" * 5001)}),
            "fel: Word-filen har fler än 5 000 stycken; det är mer än importen läser",
        ),
        "djup.docx": (
            _word({"word/document.xml": _body("<x:p>" + "<x:r>" * 300 + "</x:r>" * 300 + "</x:p>")}),
            "fel: Word-filen är trasig och kan inte läsas (word/document.xml är nästlad djupare än 256 nivåer",
        ),
        "stilar.docx": (
            _word({"word/styles.xml": f'<s:styles xmlns:s="{W}">{"<s:style/>" * 2001}</s:styles>'.encode()}),
            "fel: Word-filen har fler än 2 000 formatmallar",
        ),
        "bomb.pdf": (
            text_pdf([b"BT (a) Tj ET " + b" " * (17 * 1024 * 1024)], deflate=True),
            "fel: en ström i PDF-filen packas upp till mer än 16 MB",
        ),
        "ring.pdf": (
            pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"], prev=-1),
            "fel: PDF-filen är trasig och kan inte läsas (dess innehållsförteckningar, xref, hänvisar till varandra i en ring)\n",
        ),
        "sparad-3000-gånger.pdf": (
            _saved_again(3000),
            "fel: PDF-filen har fler än 200 uppdateringar (xref-avsnitt); det är mer än importen läser "
            "(en fil som sparats om har några tiotal)\n",
        ),
        "lång.txt": (b"Bakgrund\n\n" + b"*a " * 20_000, "fel: rad 3 i textfilen har fler än 20 000 tecken"),
        "lång.md": (b"# Bakgrund\n\n" + b"x" * 210_000, "fel: textfilen har fler än 200 000 tecken text"),
    }


@pytest.mark.parametrize("name", sorted(_hostile()))
def test_a_hostile_document_is_refused_in_one_swedish_line(name: str, workspace: Path, runner) -> None:
    data, message = _hostile()[name]
    (workspace / name).write_bytes(data)
    before = sorted(p.name for p in (workspace / "missions").iterdir())
    result = runner.invoke(app, ["import", name, "--id", "forskola", "--today", TODAY])
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert sorted(p.name for p in (workspace / "missions").iterdir()) == before
