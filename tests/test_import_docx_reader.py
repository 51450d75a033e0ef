"""Word documents: heading styles, bold lines, bulleted and numbered lists, tables."""

from __future__ import annotations

import io

import docx

from uppdrag.edit.importer.docx_reader import read_docx
from uppdrag.edit.importer.paragraphs import Paragraph


def test_structure_from_styles_and_runs() -> None:
    document = docx.Document()
    document.add_heading("Uppdragsbeskrivning för nätverket X", level=0)
    document.add_heading("Bakgrund", level=1)
    document.add_paragraph().add_run("Uppdrag ordförande:").bold = True
    document.add_paragraph("Stärkt tillväxt", style="List Number")
    document.add_paragraph("en underpunkt", style="List Bullet 2")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "2027-02-05", "Skövde"
    document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_docx(buffer.getvalue()) == [
        Paragraph("Uppdragsbeskrivning för nätverket X", "stycke 1", heading_level=0),
        Paragraph("Bakgrund", "stycke 2", heading_level=1),
        Paragraph("Uppdrag ordförande:", "stycke 3", bold=True),
        Paragraph("Stärkt tillväxt", "stycke 4", list_kind="number", number=1),
        Paragraph("en underpunkt", "stycke 5", list_kind="bullet", depth=1),
        Paragraph("2027-02-05 · Skövde", "stycke 6 (tabell)", cells=("2027-02-05", "Skövde")),
    ]


def test_header_and_footer_are_margins() -> None:
    document = docx.Document()
    document.add_paragraph("Text.")
    document.sections[0].footer.paragraphs[0].text = "Förskola · Reviderad 12 maj 2026"
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_docx(buffer.getvalue())[1:] == [
        Paragraph("Förskola · Reviderad 12 maj 2026", "sidfot, stycke 1", margin=True)
    ]
