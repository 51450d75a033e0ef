"""Word (.docx) documents through python-docx: heading styles, bold lines and real lists."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from uppdrag.edit.importer.paragraphs import ListKind, Paragraph

if TYPE_CHECKING:  # python-docx is imported only when a .docx is read
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph as DocxParagraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _heading_level(style_name: str) -> int | None:
    match = re.match(r"^(?:heading|rubrik)\s*(\d)$", style_name.strip(), re.IGNORECASE)
    if match:
        return int(match.group(1))
    if style_name.strip().lower() in ("title", "rubrik"):
        return 0
    return None


def _list_info(paragraph: DocxParagraph, style_name: str) -> tuple[ListKind | None, int]:
    """('bullet' | 'number' | None, depth): from the paragraph's own numbering when it has one
    (Word's "List Paragraph"/"Liststycke" is either), else from a list style's name."""
    lowered = style_name.lower()
    properties: Any = paragraph._p.pPr  # python-docx types an XML child as its descriptor, not the element
    numbering = properties.numPr if properties is not None else None
    if numbering is not None and numbering.numId is not None and numbering.numId.val != 0:
        depth = int(numbering.ilvl.val) if numbering.ilvl is not None else 0
        return _numbering_kind(paragraph, numbering), depth
    if re.search(r"list (bullet|number)|punktlista|numrerad lista", lowered):
        level = re.search(r"(\d)$", lowered)
        depth = int(level.group(1)) - 1 if level else 0
        return ("number" if ("number" in lowered or "numrerad" in lowered) else "bullet"), depth
    return None, 0


def _numbering_kind(paragraph: DocxParagraph, numbering: Any) -> ListKind:  # numbering: <w:numPr>
    """A numbered list or bullets, as the document's numbering definitions say."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        num_id = numbering.numId.val
        # KeyError when the document has no numbering definitions at all
        numbering_part: Any = paragraph.part.part_related_by(RT.NUMBERING)  # an XmlPart, typed as a Part
        part = numbering_part.element
        num = next(n for n in part.iter(f"{_W}num") if n.get(f"{_W}numId") == str(num_id))
        abstract_id = num.find(f"{_W}abstractNumId").get(f"{_W}val")
        abstract = next(a for a in part.iter(f"{_W}abstractNum") if a.get(f"{_W}abstractNumId") == abstract_id)
        level = numbering.ilvl.val if numbering.ilvl is not None else 0
        lvl = next(x for x in abstract.iter(f"{_W}lvl") if x.get(f"{_W}ilvl") == str(level))
        fmt = lvl.find(f"{_W}numFmt").get(f"{_W}val")
        return "bullet" if fmt in ("bullet", "none") else "number"
    except (AttributeError, StopIteration, KeyError):
        return "bullet"  # a list without a definition is shown with bullets


def _accepted_text(element: BaseOxmlElement) -> str:
    """The text with every tracked change accepted: insertions in, deletions out (python-docx's
    own .text leaves out what a reviewer inserted)."""
    parts = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}p"):
        if any(a.tag in (f"{_W}del", f"{_W}moveFrom") for a in node.iterancestors()):
            continue
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}p" and parts:
            parts.append(" ")  # paragraphs inside a table cell
        else:
            parts.append(" ")
    return "".join(parts)


def review_notes(data: bytes) -> list[str]:
    """What a reviewer left in the file that the import handles in its own way: tracked
    changes (read as accepted) and comments (not imported)."""
    import zipfile

    notes = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml")
        comments = archive.read("word/comments.xml") if "word/comments.xml" in archive.namelist() else b""
    if b"<w:ins " in body or b"<w:del " in body:
        notes.append("Word-filen har spårade ändringar; importen läser dem som godkända")
    count = comments.count(b"<w:comment ")
    if count:
        notes.append(f"Word-filen har {count} kommentar{'er' if count > 1 else ''}; kommentarer importeras inte")
    return notes


def read_docx(data: bytes) -> list[Paragraph]:
    """Paragraphs of the body (and of its tables, row by row) in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = docx.Document(io.BytesIO(data))
    paragraphs: list[Paragraph] = []
    counters: dict[tuple[str, int], int] = {}
    number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                # A merged cell appears once per column it spans: keep it once.
                unique = list({id(c._tc): c for c in row.cells}.values())
                cells = tuple(" ".join(_accepted_text(c._tc).split()) for c in unique)
                if any(cells):
                    number += 1
                    text = " · ".join(c for c in cells if c)
                    paragraphs.append(Paragraph(text, f"stycke {number} (tabell)", cells=cells))
            continue
        assert isinstance(block, DocxParagraph)
        text = " ".join(_accepted_text(block._p).split())
        if not text:
            continue
        number += 1
        style = block.style.name if block.style is not None else ""
        kind, depth = _list_info(block, style)
        runs = [r for r in block.runs if r.text.strip()]
        # python-docx casts Run.style to never None, but a document without a default character style gives None.
        bold = bool(runs) and all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)  # type: ignore[redundant-expr]  # it can be None
        item_number = None
        if kind == "number":
            key = ("number", depth)
            counters[key] = counters.get(key, 0) + 1
            item_number = counters[key]
        paragraphs.append(
            Paragraph(
                text,
                f"stycke {number}",
                heading_level=_heading_level(style),
                bold=bold,
                list_kind=kind,
                number=item_number,
                depth=depth,
            )
        )
    for section in document.sections:  # the footer may carry the revision date
        for part in (section.header, section.footer):
            if part.is_linked_to_previous and section is not document.sections[0]:
                continue
            for index, paragraph in enumerate(part.paragraphs, start=1):
                text = " ".join(paragraph.text.split())
                if text:
                    where = f"{'sidhuvud' if part is section.header else 'sidfot'}, stycke {index}"
                    paragraphs.append(Paragraph(text, where, margin=True))
    return paragraphs
