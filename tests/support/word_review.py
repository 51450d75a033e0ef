"""A reviewer's marks in a Word file, written as Word writes them: tracked changes (<w:ins>,
<w:del> with author and date), comments in word/comments.xml, and text typed over a paragraph.

The review tests and the README's example of a reviewed file make their documents with these.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PROPOSED_ON = "2027-03-02T10:15:00Z"
COMMENTED_ON = "2027-03-03T08:00:00Z"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
PART_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def text_run(text: str, tag: str = "w:t") -> Any:
    """A <w:r> holding text, its spaces kept as Word keeps them."""
    run, content = OxmlElement("w:r"), OxmlElement(tag)
    content.text = text
    content.set(XML_SPACE, "preserve")
    run.append(content)
    return run


def tracked_change(tag: str, text: str, number: int, author: str = "Anna Berg", date: str | None = PROPOSED_ON) -> Any:
    """A tracked change: <w:ins> around a run, or <w:del> around a run of delText."""
    change = OxmlElement(tag)
    change.set(qn("w:id"), str(number))
    change.set(qn("w:author"), author)
    if date:
        change.set(qn("w:date"), date)
    change.append(text_run(text, "w:t" if tag == "w:ins" else "w:delText"))
    return change


def paragraph_starting(document: Any, start: str) -> Any:
    """The first body paragraph whose text starts with start."""
    return next(paragraph for paragraph in document.paragraphs if paragraph.text.startswith(start))


def set_text(paragraph: Any, text: str) -> None:
    """The paragraph's text replaced as a person typing over it does: in its first run."""
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)


def propose_replacement(paragraph: Any, struck: str, inserted: str, first_id: int) -> None:
    """With track changes on: struck is struck out and inserted typed in its place."""
    before, found, after = paragraph.text.partition(struck)
    assert found, f"{struck!r} is not in {paragraph.text!r}"
    set_text(paragraph, before)
    paragraph._p.append(tracked_change("w:del", struck, first_id))
    paragraph._p.append(tracked_change("w:ins", inserted, first_id + 1))
    paragraph._p.append(text_run(after))


def comment_on(document: Any, runs: Any, text: str, author: str, date: str = COMMENTED_ON) -> Any:
    """A comment on runs, dated as Word dates it (python-docx leaves the date out)."""
    comment = document.add_comment(runs, text=text, author=author)
    comment._comment_elm.set(qn("w:date"), date)
    return comment


def with_parts(data: bytes, parts: dict[str, tuple[str, str]]) -> bytes:
    """The package with more parts ({name: (content type, xml)}), each declared as Word declares it."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                overrides = "".join(f'<Override PartName="/{n}" ContentType="{t}"/>' for n, (t, _) in parts.items())
                content = content.replace(b"</Types>", overrides.encode() + b"</Types>")
            target.writestr(item, content)
        for name, (_, xml) in parts.items():
            target.writestr(name, xml)
    return out.getvalue()
