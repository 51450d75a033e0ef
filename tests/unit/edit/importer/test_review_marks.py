"""Tracked changes and comments read from a Word file's XML, bounded and placed."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from uppdrag.edit.importer import review_marks
from uppdrag.edit.importer.recorder import Imported, ReportField
from uppdrag.edit.importer.review_marks import Comment, Proposal, place_marks, read_review_marks
from uppdrag.errors import ImportDocumentError

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _change(tag: str, text: str, number: int, author: str = "Anna Berg", date: str | None = "2027-03-02T10:00:00Z"):
    change, run, content = OxmlElement(tag), OxmlElement("w:r"), OxmlElement("w:t" if tag == "w:ins" else "w:delText")
    change.set(qn("w:id"), str(number))
    change.set(qn("w:author"), author)
    if date:
        change.set(qn("w:date"), date)
    content.text = text
    content.set(XML_SPACE, "preserve")
    run.append(content)
    change.append(run)
    return change


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_proposals_with_author_date_and_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("Rubrik")
    paragraph = document.add_paragraph("Minst 4 möten per år på ")
    paragraph._p.append(_change("w:del", "fredagar", 1))
    paragraph._p.append(_change("w:ins", "tis", 2))
    paragraph._p.append(_change("w:ins", "dagar", 3))  # Word splits one typed word into runs
    paragraph._p.append(_change("w:ins", "Okänd", 4, author="", date=None))
    marks = read_review_marks(_saved(document))
    paragraph_text = "Minst 4 möten per år på tisdagarOkänd"
    assert marks.proposals == [
        Proposal("deletion", "Anna Berg", dt.date(2027, 3, 2), "fredagar", "stycke 2", paragraph_text),
        Proposal("insertion", "Anna Berg", dt.date(2027, 3, 2), "tisdagar", "stycke 2", paragraph_text),
        Proposal("insertion", "", None, "Okänd", "stycke 2", paragraph_text),
    ]
    assert [p.byline for p in marks.proposals] == [
        "förslag av Anna Berg, 2 mars 2027",
        "förslag av Anna Berg, 2 mars 2027",
        "förslag av okänd",
    ]
    assert marks.comments == []
    assert marks.notes(rejected=False) == [
        "Word-filen har 3 förslag (spårade ändringar: 2 tillägg, 1 borttagning); importen läser dem som godkända "
        "(--avvisa-förslag läser dem som avvisade); --diff visar dem"
    ]


def test_comments_with_the_text_they_are_anchored_to() -> None:
    document = docx.Document()
    document.add_paragraph("Bakgrund")
    first = document.add_paragraph("Nätverket delar erfarenheter.")
    second = document.add_paragraph("Nätverket delar framgångsfaktorer.")
    one = document.add_comment(first.runs, text="Gäller detta fritids?", author="Karin Holm")
    one._comment_elm.set(qn("w:date"), "2027-03-03T08:00:00Z")
    document.add_comment(second.runs, text="Stryk", author="Per Ek")
    marks = read_review_marks(_saved(document))
    assert [(c.author, c.text, c.anchored, c.where) for c in marks.comments] == [
        ("Karin Holm", "Gäller detta fritids?", "Nätverket delar erfarenheter.", "stycke 2"),
        ("Per Ek", "Stryk", "Nätverket delar framgångsfaktorer.", "stycke 3"),
    ]
    assert marks.comments[0].byline == "kommentar av Karin Holm, 3 mars 2027"
    assert marks.notes(rejected=True) == [
        "Word-filen har 2 kommentarer; --diff visar dem, de blir inte en del av uppdragsfilen"
    ]


def test_a_file_without_marks_has_none() -> None:
    document = docx.Document()
    document.add_paragraph("Text")
    marks = read_review_marks(_saved(document))
    assert (marks.proposals, marks.comments, marks.notes(False)) == ([], [], [])


def test_marks_are_counted_and_stop_at_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_marks, "MAX_REVIEW_MARKS", 3)
    document = docx.Document()
    for number in range(4):
        paragraph = document.add_paragraph(f"Stycke {number} ")
        paragraph._p.append(_change("w:ins", "ny", number))
    with pytest.raises(ImportDocumentError) as caught:
        read_review_marks(_saved(document))
    assert str(caught.value) == (
        "Word-filen har fler än 3 spårade ändringar och kommentarer; det är mer än importen läser "
        "(en granskad fil har några tiotal)"
    )


def test_marks_are_placed_under_the_part_their_paragraph_became() -> None:
    data = {
        "uppdrag": {"grupper": [{"punkter": ["Uppdrag ett"]}]},
        "roller": [{"roll": "ordförande", "ansvar": ["Leda"], "personer": [{"namn": "A", "kommun": "Hjo"}]}],
        "möten": {"minst_per_år": 4, "träffar": [{"datum": dt.date(2027, 2, 5)}]},
    }
    fields = [
        ReportField(
            "uppdrag.grupper[0].punkter[0]", "Uppdrag ett", "stycke 3", ("uppdrag", "grupper", 0, "punkter", 0)
        ),
        ReportField("roller[0].roll", "ordförande", "stycke 5", ("roller", 0, "roll")),
        ReportField("roller[0].personer[0]", "A, Hjo", "stycke 7", ("roller", 0, "personer", 0)),
        ReportField("möten.minst_per_år", "4", "stycke 9", ("möten", "minst_per_år")),
        ReportField("möten.träffar[0].datum", "2027-02-05", "stycke 11 (tabell)", ("möten", "träffar", 0, "datum")),
    ]
    marks = review_marks.ReviewMarks(
        [Proposal("insertion", "A", None, "x", where, "") for where in ("stycke 3", "stycke 6", "stycke 7")],
        [Comment("K", None, "?", "y", where, "") for where in ("stycke 9", "stycke 11 (tabell)", "stycke 1")],
    )
    notes = place_marks(marks, Imported(data, fields))
    assert [(n.section, n.subject, n.kind) for n in notes] == [
        ("Uppdrag", "uppdrag", "insertion"),
        ("Roller och ansvar", "ansvar för ordförande", "insertion"),  # after the role's heading
        ("Roller och ansvar", "personer för ordförande", "insertion"),
        ("Möten", "mötesregel", "comment"),
        ("Möten", "möte 2027-02-05", "comment"),
        ("Uppdrag", "uppdrag", "comment"),  # before anything read: the first part
    ]


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PART_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def _anchors(document, comment_id: int) -> list:
    """A comment's range start, end and reference, wherever python-docx put them."""
    return [
        element
        for element in document.element.body.iter(
            qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference")
        )
        if element.get(qn("w:id")) == str(comment_id)
    ]


def _comment(document, runs, text: str, author: str, para_id: str):
    comment = document.add_comment(runs, text=text, author=author)
    comment._comment_elm.set(qn("w:date"), "2027-03-03T08:00:00Z")
    comment._comment_elm.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", para_id)  # as Word numbers them
    return comment


def _with_parts(data: bytes, parts: dict[str, tuple[str, str]]) -> bytes:
    """The package with more parts ({name: (content type, xml)}), each declared as Word declares it."""
    import zipfile

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


def test_comments_anchored_in_every_part_with_replies_and_resolved() -> None:
    document = docx.Document()
    document.add_paragraph("Bakgrund")
    body = document.add_paragraph("Nätverket delar erfarenheter.")
    asked = _comment(document, body.runs, "Gäller detta fritids?", "Karin Holm", "0000000A")
    _comment(document, body.runs, "Ja, från hösten.", "Anna Berg", "0000000B")  # the reply
    cell = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    cell.add_run("Möte i Skövde")
    _comment(document, cell.runs, "Vilken lokal?", "Per Ek", "0000000C")
    header = document.sections[0].header.paragraphs[0]
    header.add_run("Utbildning Skaraborg")
    _comment(document, header.runs, "Ny logga?", "Per Ek", "0000000D")  # anchored in header1.xml
    in_footnote = _comment(document, body.runs, "Vilken källa?", "Karin Holm", "0000000E")
    in_endnote = _comment(document, body.runs, "Stämmer året?", "Per Ek", "00000010")
    nowhere = _comment(document, body.runs, "Allmänt: bra!", "Eva Ek", "0000000F")
    for comment in (in_footnote, in_endnote, nowhere):
        for element in _anchors(document, comment.comment_id):
            holder = element.getparent() if element.tag == qn("w:commentReference") else element
            holder.getparent().remove(holder)
    footnote = in_footnote.comment_id
    footnotes = (
        f'<w:footnotes xmlns:w="{WORD}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:commentRangeStart w:id="{footnote}"/><w:r><w:t>Källa: Skolverket</w:t></w:r>'
        f'<w:commentRangeEnd w:id="{footnote}"/><w:r><w:commentReference w:id="{footnote}"/></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    endnote = in_endnote.comment_id
    endnotes = (
        f'<w:endnotes xmlns:w="{WORD}">'
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f'</w:endnote><w:endnote w:id="1"><w:p><w:commentRangeStart w:id="{endnote}"/><w:r><w:t>Antagen 2026</w:t>'
        f'</w:r><w:commentRangeEnd w:id="{endnote}"/></w:p></w:endnote></w:endnotes>'
    )
    extended = (
        f'<w15:commentsEx xmlns:w15="{W15}">'
        '<w15:commentEx w15:paraId="0000000A" w15:done="1"/>'
        '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/>'
        "</w15:commentsEx>"
    )
    data = _with_parts(
        _saved(document),
        {
            "word/footnotes.xml": (PART_TYPE.format("footnotes"), footnotes),
            "word/endnotes.xml": (PART_TYPE.format("endnotes"), endnotes),
            "word/commentsExtended.xml": (PART_TYPE.format("commentsExtended"), extended),
        },
    )
    marks = read_review_marks(data)
    assert [(c.author, c.text, c.anchored, c.where, c.parent, c.resolved) for c in marks.comments] == [
        ("Karin Holm", "Gäller detta fritids?", "Nätverket delar erfarenheter.", "stycke 2", None, True),
        ("Anna Berg", "Ja, från hösten.", "Nätverket delar erfarenheter.", "stycke 2", str(asked.comment_id), False),
        ("Per Ek", "Vilken lokal?", "Möte i Skövde", "stycke 3 (tabell)", None, False),
        ("Per Ek", "Ny logga?", "Utbildning Skaraborg", "sidhuvud, stycke 1", None, False),
        ("Karin Holm", "Vilken källa?", "Källa: Skolverket", "fotnot 1", None, False),
        ("Per Ek", "Stämmer året?", "Antagen 2026", "slutnot 1", None, False),
        ("Eva Ek", "Allmänt: bra!", "", "", None, False),
    ]
    read = [ReportField("bakgrund_tillägg[0]", "x", "stycke 2", ("bakgrund_tillägg", 0))]
    notes = place_marks(marks, Imported({"bakgrund_tillägg": ["x"]}, read))
    assert [(n.section, n.subject, n.byline, n.resolved, [r.byline for r in n.replies]) for n in notes] == [
        ("Bakgrund", "bakgrund", "kommentar av Karin Holm, 3 mars 2027", True, ["svar av Anna Berg, 3 mars 2027"]),
        ("Bakgrund", "bakgrund", "kommentar av Per Ek, 3 mars 2027", False, []),
        ("Allmänt", "sidhuvud", "kommentar av Per Ek, 3 mars 2027", False, []),
        ("Allmänt", "fotnot 1", "kommentar av Karin Holm, 3 mars 2027", False, []),
        ("Allmänt", "slutnot 1", "kommentar av Per Ek, 3 mars 2027", False, []),
        ("Allmänt", "hela dokumentet", "kommentar av Eva Ek, 3 mars 2027", False, []),
    ]


def test_a_mark_has_the_place_and_text_of_the_readers_paragraph() -> None:
    """Marks are numbered by read_docx's own walk: a table row that goes on a vertical merge, a
    cell with a line break and a paragraph of lines number alike in both."""
    from uppdrag.edit.importer.docx_reader import read_docx

    document = docx.Document()
    document.add_paragraph("Möten")
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(1, 0))  # row 2 has text only through the merge
    merged.paragraphs[0].add_run("Skövde")
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("13:00")
    cell.runs[0].add_break()
    cell.add_run("16:00")
    cell._p.append(_change("w:ins", " ungefär", 1))
    lines = document.add_paragraph()
    lines.add_run("Emma Friman, Lidköping")
    lines.runs[0].add_break()
    lines.add_run("Fredrica Malmberg, Vara")
    _comment(document, lines.runs[1:], "Stämmer kommunen?", "Karin Holm", "00000001")
    data = _saved(document)
    marks = read_review_marks(data)
    read = {p.where.split(", rad")[0]: p for p in read_docx(data)}
    assert [(p.where, p.paragraph) for p in marks.proposals] == [("stycke 2 (tabell)", "Skövde · 13:00 16:00 ungefär")]
    assert [(c.where, c.anchored) for c in marks.comments] == [("stycke 4", "Fredrica Malmberg, Vara")]
    assert read["stycke 2 (tabell)"].text == "Skövde · 13:00 16:00 ungefär"
    assert read["stycke 3 (tabell)"].cells == ("Skövde", "")  # the merge's second row, numbered in both
    assert [p.text for p in read_docx(data) if p.where.startswith("stycke 4")] == [
        "Emma Friman, Lidköping",
        "Fredrica Malmberg, Vara",
    ]
