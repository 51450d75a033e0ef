"""Word and PDF versions of a plain-text uppdragsbeskrivning, made the way a person's tools make
them: real Heading styles, bold role headings and Word lists; a PDF with a text layer from HTML.

The text is cut into paragraphs by the importer's own text reader; what these files test is
how the Word and PDF readers see real documents, not how text is cut.
"""

from __future__ import annotations

import html
from pathlib import Path

from uppdrag.edit.importer.headings import classify, title_rest
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.text_reader import read_text


def _kind(paragraph: Paragraph) -> str:
    """'title', 'heading', 'role' (a bold short line), 'goal', 'bullet', 'number' or 'text'."""
    if paragraph.list_kind is not None:
        return paragraph.list_kind
    if title_rest(paragraph.text) is not None:
        return "title"
    heading = classify(paragraph.text.rstrip(":")) if not paragraph.text.endswith(".") else None
    if heading is None:
        return "heading" if paragraph.heading_level is not None else "text"
    return {"roll": "role", "mål": "goal"}.get(heading.kind, "heading")


def to_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for paragraph in read_text(text):
        kind = _kind(paragraph)
        if kind == "title":
            document.add_heading(paragraph.text, level=0)
        elif kind == "heading":
            document.add_heading(paragraph.text, level=1)
        elif kind == "goal":
            document.add_heading(paragraph.text, level=2)
        elif kind == "role":
            document.add_paragraph().add_run(paragraph.text).bold = True
        elif kind in ("bullet", "number"):
            style = "List Bullet" if kind == "bullet" else "List Number"
            document.add_paragraph(paragraph.text, style=style + (" 2" if paragraph.depth else ""))
        else:
            document.add_paragraph(paragraph.text)
    document.save(str(path))
    return path


def to_html(text: str) -> str:
    out = ['<html lang="sv"><head><meta charset="utf-8"><style>body { font-family: sans-serif; font-size: 11pt }'
           " h1 { font-size: 18pt } h2 { font-size: 14pt } h3 { font-size: 12pt }</style></head><body>"]  # fmt: skip
    open_list: str | None = None
    for paragraph in read_text(text):
        kind, escaped = _kind(paragraph), html.escape(paragraph.text)
        if kind in ("bullet", "number") and paragraph.depth == 0:
            tag = "ul" if kind == "bullet" else "ol"
            if open_list != tag:
                out.append(f"</{open_list}>" if open_list else "")
                out.append(f"<{tag}>")
                open_list = tag
            out.append(f"<li>{escaped}</li>")
            continue
        if kind in ("bullet", "number"):
            out.append(f'<ul style="margin-left: 2em"><li>{escaped}</li></ul>')
            continue
        if open_list:
            out.append(f"</{open_list}>")
            open_list = None
        if kind == "role":
            out.append(f"<p><b>{escaped}</b></p>")  # a bold short line, not a heading
        else:
            tag = {"title": "h1", "heading": "h2", "goal": "h3"}.get(kind, "p")
            out.append(f"<{tag}>{escaped}</{tag}>")
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out) + "</body></html>"


def to_pdf(text: str, path: Path) -> Path:
    import weasyprint

    weasyprint.HTML(string=to_html(text)).write_pdf(str(path))
    return path
