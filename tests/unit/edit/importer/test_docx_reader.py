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


def _reviewed() -> bytes:
    """A chief's edit: 'på fredagar' struck out, 'på tisdagar' inserted, and a comment."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    paragraph = document.add_paragraph("Minst 4 möten per år")
    for tag, text in (("w:ins", " på tisdagar"), ("w:del", " på fredagar")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:ins" else "2")
        change.set(qn("w:author"), "Skolchef")
        run, content = OxmlElement("w:r"), OxmlElement("w:t" if tag == "w:ins" else "w:delText")
        content.text = text
        content.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(content)
        change.append(run)
        paragraph._p.append(change)
    document.add_comment(paragraph.runs, text="Fredagar passar inte längre.", author="Skolchef")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_tracked_changes_are_read_as_accepted_or_all_rejected() -> None:
    from uppdrag.edit.importer.docx_reader import proposals_rejected

    data = _reviewed()
    assert read_docx(data)[0].text == "Minst 4 möten per år på tisdagar"
    with proposals_rejected():
        assert read_docx(data)[0].text == "Minst 4 möten per år på fredagar"
    assert read_docx(data)[0].text == "Minst 4 möten per år på tisdagar"  # only inside the block


_TEXT_BOX_RUN = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>
        <w:p><w:r><w:t>Ruta med text</w:t></w:r></w:p>
      </w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:rect><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>Ruta med text</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:rect></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>"""


def test_a_text_box_is_read_once_from_its_choice_not_again_from_its_fallback() -> None:
    from docx.oxml import parse_xml

    from uppdrag.edit.importer.docx_reader import proposals_rejected

    document = docx.Document()
    paragraph = document.add_paragraph("Före rutan.")
    paragraph._p.append(parse_xml(_TEXT_BOX_RUN))
    buffer = io.BytesIO()
    document.save(buffer)
    expected = [Paragraph("Före rutan. Ruta med text", "stycke 1")]
    assert read_docx(buffer.getvalue()) == expected
    with proposals_rejected():  # the other reading of tracked changes skips the Fallback too
        assert read_docx(buffer.getvalue()) == expected
