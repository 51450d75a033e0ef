"""Make templates/referens.docx, the reference document whose styles `render --docx` uses.

Run `.venv/bin/python tools/make_referens.py` after changing it and commit both files; a test checks that the
committed document is what this script makes. A workspace replaces the result with its own
letterhead by putting a referens.docx in its templates/ folder.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from uppdrag.output.docx import LANGUAGE, own_package_properties, set_language

FONT = "Calibri"  # Word's own; LibreOffice shows the metric-compatible Carlito
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
FIXED_DATE = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)  # a fixed date keeps the file reproducible
BULLET_NUM_ID, NUMBER_NUM_ID = 1, 2

# (style, size in points, space before, space after)
HEADINGS = [("Heading 1", 18, 0, 12), ("Heading 2", 14, 18, 6), ("Heading 3", 12, 12, 4)]


def _levels(first: str) -> str:
    """Two list levels: `first` ("bullet" or "decimal") and under it a dash-bullet level."""
    level0 = (
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        if first == "bullet"
        else '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
    )
    return (
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{first}"/>{level0}'
        '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>'
    )


def _numbering(document: docx.document.Document) -> None:
    """Replace the template's numbering with one bullet and one numbered definition."""
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for num_id, kind in ((BULLET_NUM_ID, "bullet"), (NUMBER_NUM_ID, "decimal")):
        numbering.append(
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
                f'<w:multiLevelType w:val="hybridMultilevel"/>{_levels(kind)}</w:abstractNum>'
            )
        )
    for num_id in (BULLET_NUM_ID, NUMBER_NUM_ID):
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
        )
    # Other list styles pointed into the old definitions; only the two used keep a numbering.
    for style in document.styles:
        p_pr = style.element.pPr
        if p_pr is not None and p_pr.numPr is not None:
            p_pr.remove(p_pr.numPr)
    for name, num_id in (("List Bullet", BULLET_NUM_ID), ("List Number", NUMBER_NUM_ID)):
        p_pr = document.styles[name].element.get_or_add_pPr()
        p_pr._insert_numPr(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{num_id}"/></w:numPr>'))
        if p_pr.ind is not None:
            p_pr.remove(p_pr.ind)  # the numbering's levels indent


def _set_font(style, size: float | None = None, bold: bool | None = None, color: RGBColor | None = None) -> None:
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is not None:
        r_pr.remove(fonts)  # theme fonts would win over the named one
    style.font.name = FONT
    r_pr.find(qn("w:rFonts")).set(qn("w:cs"), FONT)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if color is not None:
        style.font.color.rgb = color
    style.font.italic = False if style.name.startswith("Heading") else style.font.italic


def make_reference() -> docx.document.Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.2)

    styles = document.styles
    _set_font(styles["Normal"], 11)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    for name, size, before, after in HEADINGS:
        _set_font(styles[name], size, bold=True, color=ACCENT)
        styles[name].paragraph_format.space_before = Pt(before)
        styles[name].paragraph_format.space_after = Pt(after)
    for name in ("Title", "List Bullet", "List Number", "Header", "Footer"):
        _set_font(styles[name])
    _set_font(styles["Header"], 9, color=ACCENT)
    _set_font(styles["Footer"], 9)
    for name in ("Header", "Footer"):  # the renderer sets its own right tab at the margin
        p_pr = styles[name].element.pPr
        if p_pr is not None and p_pr.tabs is not None:
            p_pr.remove(p_pr.tabs)
    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(3)
    _numbering(document)

    set_language(document, LANGUAGE)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)

    properties = document.core_properties
    properties.title = "Uppdragsbeskrivning"
    properties.author = properties.last_modified_by = "Utbildning Skaraborg"
    properties.language = LANGUAGE
    properties.subject = properties.keywords = properties.comments = ""
    properties.created = properties.modified = FIXED_DATE
    properties.revision = 1
    own_package_properties(document)  # no thumbnail, and app.xml names uppdrag, not python-docx's Word

    # A sample of every style the renderer uses, to look at and change in Word.
    document.add_paragraph("Uppdragsbeskrivning för nätverket Exempel", style="Heading 1")
    document.add_paragraph("Avsnitt (Rubrik 2)", style="Heading 2")
    document.add_paragraph("Löptext i formatmallen Normal.")
    document.add_paragraph("Underrubrik (Rubrik 3)", style="Heading 3")
    document.add_paragraph("En punkt (List Bullet)", style="List Bullet")
    document.add_paragraph("En numrerad punkt (List Number)", style="List Number")
    table = document.add_table(rows=2, cols=3, style="Table Grid")
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ["Datum", "Tid", "Plats", "", "", ""]):
        cell.text = text
    return document


def main(target: Path) -> None:
    document = make_reference()
    # The header and footer stay empty: the renderer writes them unless a letterhead has its own.
    document.save(str(target))


if __name__ == "__main__":
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "templates" / "referens.docx"
    )
