"""A document view -> a Word file (.docx) styled by a reference document, with python-docx.

Like pandoc's --reference-doc: the styles, page size and a letterhead come from referens.docx on
the template search path; the content is written fresh with real Word structure (heading styles,
numbered and bulleted lists from numbering definitions, a table for the meetings) so a chief can
comment in Word and the importer can read it back. Text from the YAML only ever becomes run text,
never a field or markup. python-docx is imported here only, when a .docx is asked for.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml.etree import XMLSyntaxError

from uppdrag import limits
from uppdrag.ellipsis import shortened
from uppdrag.errors import EXIT_USAGE, TemplateError, WordError
from uppdrag.files import os_reason
from uppdrag.output.document_bounds import DocumentKind, bounded_document
from uppdrag.output.pdf import PDF_MEMORY, PDF_SECONDS
from uppdrag.swedish_dates import swedish_date
from uppdrag.views.document import MEETING_COLUMNS, Document
from uppdrag.word_package import package_problem

REFERENCE = "referens.docx"
LANGUAGE = "sv-SE"
DRAFT = "UTKAST"
# Each Word file is made under the PDF's limits, in a process of its own: the shipped documents
# take a fifth of a second, and the most a file can hold (about 95,000 bullets, below the
# loader's 100,000 nodes) 7 seconds and 300 MB; what takes longer is a runaway, not a document.
WORD_SECONDS = PDF_SECONDS
WORD_MEMORY = PDF_MEMORY
WORD = DocumentKind(
    "Word-filen", "en Word-fil", "filen har för många stycken, punkter eller tabellrader för ett dokument", WordError
)
STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Table Grid")


def open_reference(path: Path) -> Any:
    """The reference document, checked for the styles the renderer uses."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        info = os.stat(path)  # a workspace's own may be anyone's: measured before it is read
        if not stat.S_ISREG(info.st_mode):
            raise TemplateError(f"{path}: referensdokumentet är inte en vanlig fil", EXIT_USAGE)
        if info.st_size > limits.MAX_DOCUMENT_BYTES:
            raise _too_large(
                path, f"är {info.st_size // 1024 // 1024} MB (högst {limits.MAX_DOCUMENT_BYTES // 1024 // 1024} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: referensdokumentet kan inte läsas: {os_reason(exc)}", EXIT_USAGE) from None
    problem = package_problem(io.BytesIO(data))
    if problem is not None:
        raise _too_large(path, problem)
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError, XMLSyntaxError):
        raise TemplateError(f"{path}: referensdokumentet är ingen läsbar Word-fil (.docx)") from None
    names = {style.name for style in word.styles}
    missing = [name for name in STYLES if name not in names]
    if missing:
        raise TemplateError(f"{path}: referensdokumentet saknar formatmallen {', '.join(repr(m) for m in missing)}")
    for name in ("List Bullet", "List Number"):
        if _style_num_id(word, name) is None:
            raise TemplateError(f"{path}: formatmallen '{name}' har ingen numrering (punkter eller nummer)")
    return word


def _too_large(path: Path, why: str) -> TemplateError:
    return TemplateError(
        f"{path}: referensdokumentet {why}, mer än det som läses; ett riktigt är några hundra kB: "
        "spara om det i Word, eller ta bort det så används det inbyggda",
        EXIT_USAGE,
    )


def _style_num_id(word: Any, style_name: str) -> int | None:
    p_pr = word.styles[style_name].element.pPr
    if p_pr is None or p_pr.numPr is None or p_pr.numPr.numId is None:
        return None
    num_id: int = p_pr.numPr.numId.val
    return num_id


class _Writer:
    """Appends paragraphs, lists and tables to the body of a Word document, each in constant time.

    python-docx's own add_paragraph is linear in what the body already holds (it looks for the
    body's last element, and for the default style among every style, at each paragraph): a file
    of 9,000 bullets took 27 seconds. So the styles are looked up once, and every paragraph is
    put before an empty end marker, removed again by done()."""

    def __init__(self, word: Any):
        from docx.enum.style import WD_STYLE_TYPE

        self.word = word
        bullet_num = _style_num_id(word, "List Bullet")
        assert bullet_num is not None  # open_reference refuses a reference document without it
        self.bullet_num = bullet_num
        numbering = word.part.numbering_part.element
        self.numbering = numbering
        self.number_abstract = numbering.num_having_numId(_style_num_id(word, "List Number")).abstractNumId.val
        nums = numbering.num_lst
        self.last_num = nums[-1]  # at least the bullets' own
        self.next_num_id = max(num.numId for num in nums) + 1
        default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        # The default style is no w:pStyle at all, as python-docx writes it.
        self.style_ids = {
            name: None if word.styles[name] == default else word.styles[name].style_id
            for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number")
        }
        self.properties: dict[tuple[str, int | None, int], Any] = {}  # each kind of paragraph's w:pPr
        self.end = word.add_paragraph()

    def done(self) -> None:
        self.end._p.getparent().remove(self.end._p)

    def _paragraph(self, text: str, style: str, num_id: int | None = None, level: int = 0) -> Any:
        """A paragraph of text in style, in list num_id at level if given, before the end marker.
        Its properties are copied from the first such paragraph's: python-docx builds them with a
        search of every possible child at each step, a tenth of a millisecond a paragraph."""
        key = (style, num_id, level)
        if key not in self.properties:
            self.properties[key] = self._properties(style, num_id, level)
        paragraph = self.end.insert_paragraph_before()
        properties = self.properties[key]
        if properties is not None:
            paragraph._p.append(copy.deepcopy(properties))
        if text:
            paragraph.add_run(text)
        return paragraph

    def _properties(self, style: str, num_id: int | None, level: int) -> Any:
        """w:pPr with the style (none for the default style) and, in a list, w:numPr: on the
        paragraph too, not only through the style, so every reader sees the list."""
        from docx.oxml import OxmlElement

        p = OxmlElement("w:p")
        style_id = self.style_ids[style]
        if style_id is None and num_id is None:
            return None
        p_pr = p.get_or_add_pPr()
        p_pr.style = style_id
        if num_id is not None:
            num_pr = p_pr.get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = num_id
        return p_pr

    def heading(self, text: str, level: int) -> None:
        self._paragraph(text, f"Heading {level}")

    def paragraph(self, text: str, bold: bool = False, italic: bool = False, leads_in: bool = False) -> None:
        paragraph = self._paragraph("", "Normal")
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if leads_in or text.rstrip().endswith(":"):
            paragraph.paragraph_format.keep_with_next = True  # never alone at the foot of a page

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self._paragraph(item, "List Bullet", self.bullet_num, 0)

    def numbered(self, items: list[tuple[str, list[str]]], start: int = 1) -> None:
        """A numbered list that starts at `start`, each item with its own bullets beneath."""
        from docx.oxml.numbering import CT_Num

        # A num of its own restarts the count; numbered after the last one (python-docx's
        # add_num searches every num for a free id: quadratic in a file of many goal lists).
        num = CT_Num.new(self.next_num_id, self.number_abstract)  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
        self.last_num.addnext(num)
        self.last_num, self.next_num_id = num, self.next_num_id + 1
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        for text, sub_items in items:
            self._paragraph(text, "List Number", num.numId, 0)
            for sub in sub_items:
                # The numbered list's own bullet level, styled as the bullets it shows.
                self._paragraph(sub, "List Bullet", num.numId, 1)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        table = self.word.add_table(rows=1 + len(rows), cols=len(header), style="Table Grid")
        self.end._p.addprevious(table._tbl)  # moved before the end marker, in its place
        for row, values in zip(table.rows, [header, *rows]):
            for cell, value in zip(row.cells, values):
                cell.text = value
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
        # The first row is a header row, repeated on each page and announced by screen readers.
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
        tr_pr[-1].set(qn("w:val"), "true")


def _heading(writer: _Writer, doc: Document, part: str) -> None:
    heading = doc.heading(part)
    if heading:
        writer.heading(heading, 2)


def _background(writer: _Writer, doc: Document) -> None:
    _heading(writer, doc, "bakgrund")
    if doc.background_heading:
        writer.paragraph(doc.background_heading, bold=True, leads_in=True)
    for block in doc.background:
        if block.kind == "text":
            writer.paragraph(block.text)
        elif block.kind == "bullets":
            writer.bullets(block.items)
        else:
            items: list[tuple[str, list[str]]] = [
                (g.name + (f" ({g.description})" if g.description else ""), []) for g in block.goals
            ]
            first = block.goals[0].number if block.goals else None
            writer.numbered(items, start=int(first) if first else 1)
    for paragraph in doc.background_additions:
        writer.paragraph(paragraph)


def _purpose(writer: _Writer, doc: Document) -> None:
    _heading(writer, doc, "syfte")
    for paragraph in doc.purpose_paragraphs:
        writer.paragraph(paragraph)
    if doc.purpose_numbered:
        writer.numbered([(g.heading, g.goal.subgoals) for g in doc.purpose_goals])
    else:
        for purpose_goal in doc.purpose_goals:
            writer.heading(purpose_goal.heading, 3)
            writer.bullets(purpose_goal.goal.subgoals)
    writer.bullets(doc.purpose_bullets)


def _assignments(writer: _Writer, doc: Document) -> None:
    _heading(writer, doc, "uppdrag")
    writer.paragraph(doc.assignment_intro, leads_in=True)
    for group in doc.assignment_groups:
        if group.heading:
            writer.heading(group.heading, 3)
        if group.reporting:
            writer.paragraph(f"(återrapportering {group.reporting})", italic=True, leads_in=True)
        writer.bullets(group.items)


def _roles(writer: _Writer, doc: Document) -> None:
    _heading(writer, doc, "roller")
    for role in doc.roles:
        writer.heading(role.title, 3)
        for duty in role.duties:
            writer.paragraph(duty)
        writer.bullets([person.line for person in role.people])


def _members(writer: _Writer, doc: Document) -> None:
    if doc.members is None:
        return
    _heading(writer, doc, "medlemmar")
    writer.table(doc.members.header, doc.members.rows)


def _meetings(writer: _Writer, doc: Document) -> None:
    if not (doc.meeting_sentences or doc.meetings):
        return  # a part with no content shows nothing, heading included
    _heading(writer, doc, "möten")
    for sentence in doc.meeting_sentences:
        writer.paragraph(sentence)
    if doc.meetings:
        minutes = any(m.minutes for m in doc.meetings)  # the link too, so an import gives it back
        keys = ["datum", "tid", "plats"] + (["närvarande"] if doc.meetings_attendance else [])
        header = [MEETING_COLUMNS[key] for key in keys + (["minnesanteckningar"] if minutes else [])]
        rows = []
        for meeting in doc.meetings:
            time = f"{meeting.start}–{meeting.end}" if meeting.start and meeting.end else meeting.start or ""
            row = [swedish_date(meeting.date), time, meeting.place or ""]
            row += [", ".join(meeting.present)] if doc.meetings_attendance else []
            rows.append(row + ([meeting.minutes or ""] if minutes else []))
        writer.table(header, rows)


SECTIONS: dict[str, Callable[[_Writer, Document], None]] = {
    "bakgrund": _background,
    "syfte": _purpose,
    "uppdrag": _assignments,
    "roller": _roles,
    "medlemmar": _members,
    "möten": _meetings,
}


def footer_lines(doc: Document) -> tuple[str, str]:
    """The title, and 'Uppdraget gäller … · Reviderad …' as the PDF's running footer says it."""
    second = f"Uppdraget gäller {doc.period}"
    if doc.revised:
        by = f" av {doc.mission.revised_by}" if doc.mission.revised_by else ""
        second += f" · Reviderad {swedish_date(doc.revised)}{by}"
    return doc.title, second


def _field(paragraph: Any, instruction: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice fill in as they lay the
    pages out. It stores no result: a cached "1" would be what every reader that does not
    lay out pages (pandoc, a search index, a screen reader's text view) takes for the number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    paragraph.add_run()._r.append(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(char("separate"))
    paragraph.add_run()._r.append(char("end"))


def _has_content(part: Any) -> bool:
    """A letterhead: the reference's header or footer already holds text, a picture or a field."""
    if part.is_linked_to_previous:
        return False
    element = part._element
    return any(t.text for t in element.iter("{*}t")) or next(element.iter("{*}drawing", "{*}pict"), None) is not None


def _right_tab(paragraph: Any, position: int) -> None:
    """One right-aligned tab stop at the margin; the style's own stops (Word's centre stop in
    Header and Footer) are cleared, or the page number would stop in the middle."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    stops = paragraph.paragraph_format.tab_stops
    if paragraph.style is not None:
        for inherited in paragraph.style.paragraph_format.tab_stops:
            if inherited.position != position:
                stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)


def _header_and_footer(word: Any, doc: Document) -> None:
    from docx.shared import RGBColor

    names = {style.name for style in word.styles}
    for section in word.sections:
        width = section.page_width - section.left_margin - section.right_margin
        letterhead = _has_content(section.header)
        header = section.header.add_paragraph() if letterhead else section.header.paragraphs[0]
        header.style = word.styles["Header"] if "Header" in names else None
        if not letterhead:
            header.add_run(doc.organisation.header)
        if doc.draft:  # on every page, beside the letterhead's own header
            _right_tab(header, width)
            header.add_run("\t")
            mark = header.add_run(DRAFT)
            mark.bold = True
            mark.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
        elif letterhead:
            header._p.getparent().remove(header._p)
        footer = section.footer
        paragraph = footer.add_paragraph() if _has_content(footer) else footer.paragraphs[0]
        paragraph.style = word.styles["Footer"] if "Footer" in names else None
        _right_tab(paragraph, width)
        title, period = footer_lines(doc)
        paragraph.add_run(title).add_break()
        paragraph.add_run(f"{period}\tSida ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" av ")
        _field(paragraph, "NUMPAGES")


def _clear_body(word: Any) -> None:
    """Drop the reference's sample content; keep the section properties (page, header, footer)."""
    body = word.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def set_language(word: Any, language: str = LANGUAGE) -> None:
    """w:lang on the document defaults and every paragraph and character style, so Word checks
    the spelling in Swedish whatever language the reference document was made in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def child(parent: Any, tag: str, first: bool = False) -> Any:
        element = parent.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            parent.insert(0, element) if first else parent.append(element)
        return element

    def set_lang(r_pr: Any) -> None:
        for old in r_pr.findall(qn("w:lang")):
            r_pr.remove(old)
        lang = OxmlElement("w:lang")
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), language)
        r_pr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")  # schema order

    styles = word.styles.element
    set_lang(child(child(child(styles, "w:docDefaults", first=True), "w:rPrDefault", first=True), "w:rPr"))
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character"):
            set_lang(style.get_or_add_rPr())


PROPERTY_CHARACTERS = 255  # python-docx refuses a longer core property (docProps/core.xml)


def property_text(text: str) -> str:
    """text as a core property can hold it: whole, or cut to the limit and ended with '…'.
    Only the property is cut; the document's own text has the whole name."""
    return shortened(text, PROPERTY_CHARACTERS, PROPERTY_CHARACTERS - 1)


def _core_properties(word: Any, doc: Document) -> None:
    properties = word.core_properties
    properties.title = property_text(doc.title)
    properties.author = properties.last_modified_by = property_text(doc.organisation.name)
    properties.language = LANGUAGE
    properties.subject = property_text(f"Uppdragsbeskrivning, {doc.steering.name}")
    properties.keywords = properties.comments = ""
    properties.revision = 1
    properties.content_status = "Utkast" if doc.draft else ""
    if doc.revised:
        properties.created = properties.modified = dt.datetime.combine(doc.revised, dt.time(), dt.UTC)
    else:  # not the reference document's dates: Word sets them when the file is saved
        element = properties._element
        for date in (*element.findall("{*}created"), *element.findall("{*}modified")):
            element.remove(date)


APPLICATION = "uppdrag"
_EXTENDED_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{application}</Application>{company}</Properties>"
)


def own_package_properties(word: Any, company: str | None = None) -> None:
    """What the package says of itself, made true of a file uppdrag writes: docProps/app.xml
    names uppdrag (not the Word the reference document was saved in, its template, or page
    and word counts nobody counted), and the reference's thumbnail, a picture of some other
    page, is dropped."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = word.part.package
    for r_id, relationship in list(package.rels.items()):
        if relationship.reltype in (RELATIONSHIP_TYPE.THUMBNAIL, RELATIONSHIP_TYPE.EXTENDED_PROPERTIES):
            del package.rels[r_id]  # a part no relationship reaches is not saved
    from xml.sax.saxutils import escape

    owner = "" if company is None else f"<Company>{escape(company)}</Company>"
    blob = _EXTENDED_PROPERTIES.format(application=APPLICATION, company=owner).encode("utf-8")
    app = Part(PackURI("/docProps/app.xml"), CONTENT_TYPE.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(app, RELATIONSHIP_TYPE.EXTENDED_PROPERTIES)


def bounded_docx(make: Callable[[], bytes], network: str) -> bytes:
    """make() (one network's Word file) within WORD_SECONDS and WORD_MEMORY, in a process of its
    own; beyond a limit a WordError that names the network."""
    import docx  # noqa: F401 - loaded once here, before the fork, not again in each child

    return bounded_document(make, WORD, network, WORD_SECONDS, WORD_MEMORY)


def render_docx(doc: Document, reference: Path) -> bytes:
    """The Word file's bytes: the reference's styles and letterhead, the document's content."""
    word = open_reference(reference)
    _clear_body(word)
    set_language(word)
    _core_properties(word, doc)
    own_package_properties(word, doc.organisation.name)
    writer = _Writer(word)
    writer.heading(doc.title, 1)
    for section in doc.sections:
        SECTIONS[section.part](writer, doc)
    writer.done()
    _header_and_footer(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
