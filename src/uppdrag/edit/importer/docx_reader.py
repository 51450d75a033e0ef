"""Word (.docx) documents through python-docx: heading styles, bold lines and real lists.

Before python-docx parses anything, every XML part streams once through lxml and what it would
build is counted: elements, paragraphs, runs, table cells, styles, list definitions and
characters, by namespace and name (any prefix may stand for Word's namespace). Styles and list
definitions are then looked up in dictionaries made once, not searched per paragraph.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from uppdrag.edit.importer.limits import (
    MAX_NUMBERING,
    MAX_PARAGRAPHS,
    MAX_RUNS,
    MAX_STYLES,
    MAX_TABLE_CELLS,
    MAX_XML_ELEMENTS,
    CharacterCount,
    too_much,
)
from uppdrag.edit.importer.paragraphs import ListKind, Paragraph
from uppdrag.errors import ImportDocumentError
from uppdrag.word_package import xml_parts

if TYPE_CHECKING:  # python-docx is imported only when a .docx is read
    from docx.document import Document as DocxDocument
    from docx.oxml.table import CT_Tbl
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph as DocxParagraph
    from docx.text.run import Run

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_DEPTH = 256  # libxml2's own limit without XML_PARSE_HUGE, which python-docx keeps

# What Word's elements build, the cap on each, and how the refusal names them.
_COUNTED = {
    f"{_W}p": (MAX_PARAGRAPHS, "stycken", "en uppdragsbeskrivning har några hundra"),
    f"{_W}r": (MAX_RUNS, "textavsnitt", "en uppdragsbeskrivning har några tusen"),
    f"{_W}tc": (MAX_TABLE_CELLS, "tabellceller", "en uppdragsbeskrivning har några hundra"),
    f"{_W}style": (MAX_STYLES, "formatmallar", "en vanlig Word-fil har under 200"),
    f"{_W}num": (MAX_NUMBERING, "listdefinitioner", "en uppdragsbeskrivning har några tiotal"),
    f"{_W}abstractNum": (MAX_NUMBERING, "listmallar", "en uppdragsbeskrivning har några tiotal"),
}


_PER_PART = (f"{_W}style", f"{_W}num", f"{_W}abstractNum")  # capped in each part, the rest in all together
_NOTED = (f"{_W}ins", f"{_W}del", f"{_W}comment")  # tracked changes and comments: the report tells of them


def count_parts(archive: zipfile.ZipFile) -> dict[str, int]:
    """Stream every XML part and count what parsing it builds; ImportDocumentError at the first
    cap passed, long before python-docx would hold it all. The counts, by Clark name."""
    from lxml import etree

    counts = dict.fromkeys((*_COUNTED, *_NOTED), 0)
    characters = CharacterCount("Word-filen")
    elements = 0
    for name in xml_parts(archive):
        for definitions in _PER_PART:  # Word 2010 keeps a second copy of the styles in stylesWithEffects.xml
            counts[definitions] = 0
        with archive.open(name) as part:
            events = etree.iterparse(
                part, events=("end",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
            )
            try:
                for _, element in events:
                    elements += 1
                    if elements > MAX_XML_ELEMENTS:
                        raise too_much(
                            "Word-filen", MAX_XML_ELEMENTS, "XML-element", "en uppdragsbeskrivning har några tiotusen"
                        )
                    tag = element.tag
                    if tag in counts:
                        counts[tag] += 1
                        if tag in _COUNTED and counts[tag] > _COUNTED[tag][0]:
                            raise too_much("Word-filen", *_COUNTED[tag])
                    elif tag == f"{_W}t" and element.text:
                        characters.add(len(element.text))
                    element.clear(keep_tail=True)  # what is counted need not be kept
            except etree.XMLSyntaxError as exc:
                raise ImportDocumentError(
                    f"Word-filen är trasig och kan inte läsas ({xml_problem(name, exc)})"
                ) from None
    return counts


def xml_problem(part: str, exc: Any) -> str:  # exc: lxml.etree.XMLSyntaxError (lxml is untyped)
    """libxml2's English, in Swedish."""
    line = exc.lineno or getattr(exc, "position", (0, 0))[0]
    if "Excessive depth" in str(exc):
        return f"{part} är nästlad djupare än {_MAX_DEPTH} nivåer, rad {line}"
    return f"{part} är ingen giltig XML, rad {line}"


@dataclass
class _Definitions:
    """A document's styles and list definitions, read once: a paragraph's lookups cost O(1)."""

    style_names: dict[str, str] = field(default_factory=dict)  # paragraph style id -> name
    default_style: str = ""
    bold_characters: dict[str, bool] = field(default_factory=dict)  # character style id -> bold
    default_bold: bool = False
    list_formats: dict[tuple[str, int], str] = field(default_factory=dict)  # (numId, level) -> numFmt

    @classmethod
    def of(cls, document: DocxDocument) -> _Definitions:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        found = cls()
        for style in document.styles.element.iter(f"{_W}style"):
            kind, style_id = style.get(f"{_W}type"), style.get(f"{_W}styleId")
            default = style.get(f"{_W}default") in ("1", "true", "on")
            if kind == "paragraph":
                name = style.find(f"{_W}name")
                found.style_names[style_id] = _ui_name(name.get(f"{_W}val", "") if name is not None else "")
                if default:
                    found.default_style = found.style_names[style_id]
            elif kind == "character":
                found.bold_characters[style_id] = _is_on(style.find(f"{_W}rPr/{_W}b"))
                found.default_bold = found.default_bold or (default and found.bold_characters[style_id])
        try:
            numbering_part: Any = document.part.part_related_by(RT.NUMBERING)  # an XmlPart, typed as a Part
            numbering = numbering_part.element
        except KeyError:  # no numbering definitions at all
            return found
        formats: dict[tuple[str, str], str] = {}
        for abstract in numbering.iter(f"{_W}abstractNum"):
            for level in abstract.iter(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                if fmt is not None:  # a level without a format is shown with bullets
                    key = (abstract.get(f"{_W}abstractNumId"), level.get(f"{_W}ilvl"))
                    formats.setdefault(key, fmt.get(f"{_W}val", ""))
        for num in numbering.iter(f"{_W}num"):
            abstract_id = num.find(f"{_W}abstractNumId")
            if abstract_id is None:
                continue
            found._link(num.get(f"{_W}numId"), abstract_id.get(f"{_W}val"), formats)
        return found

    def _link(self, num_id: str, abstract_id: str, formats: dict[tuple[str, str], str]) -> None:
        for level in range(10):  # Word's levels are 0 to 8
            fmt = formats.get((abstract_id, str(level)))
            if fmt is not None:
                self.list_formats.setdefault((num_id, level), fmt)

    def paragraph_style(self, paragraph: DocxParagraph) -> str:
        """The style's name as python-docx gives it (the default style when none or unknown)."""
        properties = paragraph._p.pPr
        style = properties.pStyle if properties is not None else None
        return self.style_names.get(style.val, self.default_style) if style is not None else self.default_style

    def run_bold(self, run: Run) -> bool:
        """Bold by the run's own formatting or by its character style."""
        if run.bold:
            return True
        properties = run._r.rPr
        style = properties.rStyle if properties is not None else None
        if style is None:
            return self.default_bold
        return self.bold_characters.get(style.val, self.default_bold)


def _is_on(element: Any) -> bool:  # an lxml element or None
    """A w:b, w:i… switch: on when present unless its value says off."""
    return element is not None and element.get(f"{_W}val", "true") not in ("0", "false", "off")


def _ui_name(internal: str) -> str:
    """'heading 1' as Word shows it, 'Heading 1', the way python-docx names styles."""
    from docx.styles import BabelFish

    return BabelFish.internal2ui(internal)


def _heading_level(style_name: str) -> int | None:
    match = re.match(r"^(?:heading|rubrik)\s*(\d)$", style_name.strip(), re.IGNORECASE)
    if match:
        return int(match.group(1))
    if style_name.strip().lower() in ("title", "rubrik"):
        return 0
    return None


def _list_info(paragraph: DocxParagraph, style_name: str, definitions: _Definitions) -> tuple[ListKind | None, int]:
    """('bullet' | 'number' | None, depth): from the paragraph's own numbering when it has one
    (Word's "List Paragraph"/"Liststycke" is either), else from a list style's name."""
    lowered = style_name.lower()
    properties: Any = paragraph._p.pPr  # python-docx types an XML child as its descriptor, not the element
    numbering = properties.numPr if properties is not None else None
    if numbering is not None and numbering.numId is not None and numbering.numId.val != 0:
        depth = int(numbering.ilvl.val) if numbering.ilvl is not None else 0
        fmt = definitions.list_formats.get((str(numbering.numId.val), depth))
        # a list without a definition is shown with bullets
        return ("number" if fmt not in (None, "bullet", "none") else "bullet"), depth
    if re.search(r"list (bullet|number)|punktlista|numrerad lista", lowered):
        level = re.search(r"(\d)$", lowered)
        depth = int(level.group(1)) - 1 if level else 0
        return ("number" if ("number" in lowered or "numrerad" in lowered) else "bullet"), depth
    return None, 0


# Word stores a text box twice, as mc:AlternateContent: the drawing (wps:txbx) in mc:Choice and
# the same text in a VML v:textbox in mc:Fallback, for readers that lack the Choice. Only the
# Choice is read, or the text would come twice.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = (f"{_W}del", f"{_W}moveFrom", _FALLBACK)  # what a reviewer struck out, the old copy of a text box
_REJECTED_SKIPPED = (f"{_W}ins", f"{_W}moveTo", _FALLBACK)  # what a reviewer added, the old copy of a text box
_REJECTING: ContextVar[bool] = ContextVar("rejecting_proposals", default=False)


@contextmanager
def proposals_rejected(rejected: bool = True) -> Iterator[None]:
    """Within it, read_docx reads every tracked change as rejected (import --avvisa-förslag)."""
    token = _REJECTING.set(rejected)
    try:
        yield
    finally:
        _REJECTING.reset(token)


def _accepted_text(element: BaseOxmlElement) -> str:
    """The text with every tracked change accepted: insertions in, deletions out (python-docx's
    own .text leaves out what a reviewer inserted); inside proposals_rejected() the other way."""
    return visible_text(element, _REJECTING.get())


def visible_text(element: Any, rejected: bool = False) -> str:  # element: an lxml element
    """The text with every tracked change accepted, or with every one rejected: then insertions
    out and struck-out text (w:delText) in. One walk, each node once: a skipped subtree is never
    entered (asking every node for its ancestors costs the depth each time)."""
    skipped = _REJECTED_SKIPPED if rejected else _SKIPPED
    if any(a.tag in skipped for a in element.iterancestors()):
        return ""
    texts = (f"{_W}t", f"{_W}delText") if rejected else (f"{_W}t",)
    parts: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag in skipped:
            continue
        if tag in texts:
            parts.append(node.text or "")
        elif tag == f"{_W}br" and node.get(f"{_W}type") in (None, "textWrapping"):
            parts.append("\n")  # Shift+Enter: a line of its own ("Namn, Kommun" per line)
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            parts.append(" ")
        elif tag == f"{_W}p" and parts:
            parts.append(" ")  # paragraphs inside a table cell
        stack.extend(reversed(node))  # children, first child on top
    return "".join(parts)


def rejecting_proposals() -> bool:
    """True inside proposals_rejected()."""
    return _REJECTING.get()


def text_lines(text: str) -> list[str]:
    """A paragraph's lines, split at its line breaks (Shift+Enter); a line that begins in lower
    case goes on the sentence before it, as a break typed mid-sentence only wraps."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        if lines and line[:1].islower():
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def _table_rows(table: CT_Tbl) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """Each row (its w:tr) and its cells, one per w:tc (a cell merged across columns once). A cell
    that goes on a vertical merge has the merged cell's text, as python-docx's row.cells gives
    it, but from a note per column rather than by walking up the rows for every cell."""
    above: dict[int, str] = {}  # grid column -> the text of the cell a vertical merge started
    for row in table.tr_lst:
        cells = []
        column = row.grid_before
        for tc in row.tc_lst:
            if tc.vMerge == "continue":
                text = above.get(column, "")
            else:
                text = " ".join(_accepted_text(tc).split())
                above[column] = text
            cells.append(text)
            column += tc.grid_span
        yield row, tuple(cells)


@dataclass(frozen=True)
class BodyUnit:
    """One paragraph or table row of the body as read_docx numbers it. One that reads as empty
    is not numbered and carries the name of the one before it, so a mark in it has a place."""

    where: str  # "stycke 12", "stycke 14 (tabell)"
    element: Any  # its w:p or w:tr (a python-docx oxml element)
    lines: tuple[str, ...] = ()  # a paragraph's lines (text_lines)
    cells: tuple[str, ...] | None = None  # a table row's cells

    @property
    def counted(self) -> bool:
        return bool(self.lines) or any(self.cells or ())

    @property
    def text(self) -> str:
        return " · ".join(c for c in self.cells if c) if self.cells is not None else " ".join(self.lines)


def body_units(body: BaseOxmlElement) -> Iterator[BodyUnit]:
    """The body's paragraphs and table rows in document order, numbered: the one walk read_docx
    and the review marks both number by, so a mark's place is the reader's paragraph."""
    number = 0
    last = "början av dokumentet"
    for block in body.iterchildren(f"{_W}p", f"{_W}tbl"):  # python-docx's iter_inner_content
        if block.tag == f"{_W}tbl":
            for row, cells in _table_rows(block):
                if any(cells):
                    number += 1
                    last = f"stycke {number} (tabell)"
                yield BodyUnit(last if any(cells) else _between(row, last), row, cells=cells)
            continue
        lines = tuple(text_lines(_accepted_text(block)))
        if lines:
            number += 1
            last = f"stycke {number}"
        yield BodyUnit(last if lines else _between(block, last), block, lines=lines)


def _between(element: Any, last: str) -> str:
    """The place of a paragraph or row that is not read: the one before it, or "efter stycke 18"
    when it is one the reading leaves out whole (a paragraph a reviewer struck, read with the
    proposals accepted): a paragraph of its own in the document the reviewer saw, never number 18."""
    if last.startswith("stycke") and visible_text(element, not _REJECTING.get()).strip():
        return f"efter {last}"
    return last


def read_docx(data: bytes) -> list[Paragraph]:
    """Paragraphs of the body (and of its tables, row by row) in document order."""
    import docx
    from docx.text.paragraph import Paragraph as DocxParagraph

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        count_parts(archive)
    document = docx.Document(io.BytesIO(data))
    definitions = _Definitions.of(document)
    paragraphs: list[Paragraph] = []
    counters: dict[tuple[str, int], int] = {}
    for unit in body_units(document.element.body):
        if not unit.counted:
            continue
        if unit.cells is not None:
            paragraphs.append(Paragraph(unit.text, unit.where, cells=unit.cells))
            continue
        block = DocxParagraph(unit.element, document)
        lines = unit.lines
        style = definitions.paragraph_style(block)
        kind, depth = _list_info(block, style, definitions)
        runs = [r for r in block.runs if r.text.strip()]
        bold = bool(runs) and all(definitions.run_bold(r) for r in runs)
        item_number = None
        if kind == "number":
            key = ("number", depth)
            counters[key] = counters.get(key, 0) + 1
            item_number = counters[key]
        for index, text in enumerate(lines, start=1):
            paragraphs.append(
                Paragraph(
                    text,
                    unit.where + (f", rad {index}" if len(lines) > 1 else ""),
                    heading_level=_heading_level(style),
                    bold=bold,
                    list_kind=kind if index == 1 else None,
                    number=item_number if index == 1 else None,
                    depth=depth,
                )
            )
    read: set[int] = set()  # each header and footer once, however many sections share it
    for section in document.sections:  # the footer may carry the revision date
        for part, name in ((section.header, "sidhuvud"), (section.footer, "sidfot")):
            if part.is_linked_to_previous or id(part.part) in read:
                continue
            read.add(id(part.part))
            for index, paragraph in enumerate(part.paragraphs, start=1):
                text = " ".join(paragraph.text.split())
                if text:
                    paragraphs.append(Paragraph(text, f"{name}, stycke {index}", margin=True))
    return paragraphs
