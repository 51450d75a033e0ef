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
