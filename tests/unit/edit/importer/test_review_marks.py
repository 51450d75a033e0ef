"""Tracked changes and comments read from a Word file's XML, bounded and placed."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from tests.support.word_review import PART_TYPE, W14, W15, comment_on, tracked_change, with_parts
from uppdrag.edit.importer import limits, review_marks
from uppdrag.edit.importer.recorder import Imported, ReportField
from uppdrag.edit.importer.review_marks import Comment, Proposal, place_marks, read_review_marks
from uppdrag.errors import ImportDocumentError


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_proposals_with_author_date_and_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("Rubrik")
    paragraph = document.add_paragraph("Minst 4 möten per år på ")
    paragraph._p.append(tracked_change("w:del", "fredagar", 1))
    paragraph._p.append(tracked_change("w:ins", "tis", 2))
    paragraph._p.append(tracked_change("w:ins", "dagar", 3))  # Word splits one typed word into runs
    paragraph._p.append(tracked_change("w:ins", "Okänd", 4, author="", date=None))
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
    comment_on(document, first.runs, "Gäller detta fritids?", "Karin Holm")
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
        paragraph._p.append(tracked_change("w:ins", "ny", number))
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


WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


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
    comment = comment_on(document, runs, text, author)
    comment._comment_elm.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", para_id)  # as Word numbers them
    return comment


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
    data = with_parts(
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
    cell._p.append(tracked_change("w:ins", " ungefär", 1))
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


def _struck_whole(paragraph, number: int) -> None:
    """The whole paragraph struck out with track changes on: its runs inside one w:del."""
    change = tracked_change("w:del", paragraph.text, number)
    for run in list(paragraph.runs):
        paragraph._p.remove(run._r)
    paragraph._p.append(change)


def test_a_paragraph_struck_whole_is_placed_after_the_one_before_it_not_as_it() -> None:
    document = docx.Document()
    document.add_paragraph("Uppdrag")
    document.add_paragraph("Nätverket delar erfarenheter.")
    _struck_whole(document.add_paragraph("Nätverket delar framgångsfaktorer."), 1)
    after = document.add_paragraph("Nätverket följer upp ")
    after._p.append(tracked_change("w:ins", "varje år", 2))
    comment = document.add_comment(after.runs, text="Varje termin?", author="Karin Holm")
    comment._comment_elm.set(qn("w:date"), "2027-03-03T08:00:00Z")
    marks = read_review_marks(_saved(document))
    assert [(p.kind, p.text, p.where) for p in marks.proposals] == [
        ("deletion", "Nätverket delar framgångsfaktorer.", "efter stycke 2"),
        ("insertion", "varje år", "stycke 3"),  # the paragraphs as the import reads them, struck one left out
    ]
    assert [(c.text, c.where) for c in marks.comments] == [("Varje termin?", "stycke 3")]
    # the struck paragraph goes with the value read from the paragraph before it
    imported = Imported(
        {"uppdrag": {"grupper": [{"punkter": ["Nätverket delar erfarenheter.", "Nätverket följer upp varje år"]}]}},
        fields=[
            ReportField("uppdrag.grupper[0].punkter[0]", "", "stycke 2", ("uppdrag", "grupper", 0, "punkter", 0)),
            ReportField("uppdrag.grupper[0].punkter[1]", "", "stycke 3", ("uppdrag", "grupper", 0, "punkter", 1)),
        ],
    )
    notes = place_marks(marks, imported)
    assert [(n.section, n.subject, n.kind, n.where) for n in notes[:2]] == [
        ("Uppdrag", "uppdrag", "deletion", "efter stycke 2"),
        ("Uppdrag", "uppdrag", "insertion", "stycke 3"),
    ]


def test_a_struck_first_paragraph_is_at_the_documents_start() -> None:
    document = docx.Document()
    _struck_whole(document.add_paragraph("Utkast"), 1)
    document.add_paragraph("Uppdrag")
    assert [p.where for p in read_review_marks(_saved(document)).proposals] == ["början av dokumentet"]


def _comments_part(comments: list[tuple[str, str, str]]) -> tuple[str, str]:
    """comments.xml with (id, author, text), the last paragraph of comment n numbered 0000000n."""
    body = "".join(
        f'<w:comment w:id="{number}" w:author="{author}" w:date="2027-03-03T08:00:00Z">'
        f'<w:p w14:paraId="{int(number):08X}"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:comment>'
        for number, author, text in comments
    )
    return PART_TYPE.format("comments"), f'<w:comments xmlns:w="{WORD}" xmlns:w14="{W14}">{body}</w:comments>'


def _with_body(document, xml: str) -> None:
    """Raw WordprocessingML (a hostile file's own) appended to the body, before its sectPr."""
    from docx.oxml.parser import parse_xml

    holder = parse_xml(f'<w:body xmlns:w="{WORD}">{xml}</w:body>')
    for element in list(holder):
        document.element.body.insert(len(document.element.body) - 1, element)


def test_comment_anchors_are_counted_and_stop_at_their_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranges are counted whether or not a comment has them: a file of ranges alone is refused."""
    monkeypatch.setattr(review_marks, "MAX_COMMENT_ANCHORS", 3)
    document = docx.Document()
    _with_body(document, "<w:p>" + "".join(f'<w:commentRangeStart w:id="{n}"/>' for n in range(3)) + "</w:p>")
    assert read_review_marks(_saved(document)).comments == []  # three are read
    _with_body(document, '<w:p><w:commentRangeStart w:id="3"/><w:r><w:t>o</w:t></w:r></w:p>')
    with pytest.raises(ImportDocumentError) as caught:
        read_review_marks(_saved(document))
    assert str(caught.value) == (
        "Word-filen har fler än 3 markeringar för kommentarer; det är mer än importen läser "
        "(en granskad fil har några tiotal)"
    )


def _open_anchors(anchors: int, runs: int) -> bytes:
    """anchors comments, every range opened before runs runs of one letter and closed after them."""
    document = docx.Document()
    starts = "".join(f'<w:commentRangeStart w:id="{n}"/>' for n in range(1, anchors + 1))
    ends = "".join(f'<w:commentRangeEnd w:id="{n}"/>' for n in range(1, anchors + 1))
    _with_body(document, f"<w:p>{starts}{'<w:r><w:t>o</w:t></w:r>' * runs}{ends}</w:p>")
    comments = [(str(n), "A", "k") for n in range(1, anchors + 1)]
    return with_parts(_saved(document), {"word/comments.xml": _comments_part(comments)})


def test_the_text_is_gathered_once_however_many_ranges_are_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """The work is the text's and the anchors', not their product: 1 or 400 open ranges over 3 000
    runs write the same 3 001 characters (the runs and the paragraph's end), where one list of text
    per open range wrote 1 200 000; each range then shows one slice of at most 201 characters."""
    written: list[int] = []
    write = review_marks._TextStream._write

    def counted(stream: review_marks._TextStream, text: str) -> None:
        written.append(len(text))
        write(stream, text)

    monkeypatch.setattr(review_marks._TextStream, "_write", counted)
    for anchors in (1, 400):
        written.clear()
        marks = read_review_marks(_open_anchors(anchors, 3_000))
        assert sum(written) == 3_001
        assert len(marks.comments) == anchors
        assert {(c.anchored, c.anchored_characters) for c in marks.comments} == {("o" * 200 + "…", 3_000)}


def test_the_anchored_text_is_shortened_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """A range over paragraphs of thousands of words shows its first 200 characters and says how
    long it is; what is shown counts against the character cap."""
    document = docx.Document()
    words = "ord " * 4_500
    paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{words}</w:t></w:r></w:p>' for _ in range(3))
    starts = "".join(f'<w:commentRangeStart w:id="{n}"/>' for n in range(1, 5))
    ends = "".join(f'<w:commentRangeEnd w:id="{n}"/>' for n in range(1, 5))
    _with_body(document, f"<w:p>{starts}<w:r><w:t>Start</w:t></w:r></w:p>{paragraphs}<w:p>{ends}</w:p>")
    short = docx.Document()
    short.add_paragraph("Kort text.")
    _with_body(
        short,
        '<w:p><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">  Ord  och   ord </w:t></w:r>'
        '<w:commentRangeEnd w:id="1"/></w:p>',
    )
    comments = _comments_part([(str(n), "A", "k") for n in range(1, 5)])
    data = with_parts(_saved(document), {"word/comments.xml": comments})
    marks = read_review_marks(data)
    whole = " ".join(["Start"] + ["ord"] * 13_500)
    assert [(c.anchored, c.anchored_characters, c.where) for c in marks.comments] == [
        (whole[:200] + "…", len(whole), "stycke 1")
    ] * 4
    one = read_review_marks(with_parts(_saved(short), {"word/comments.xml": _comments_part([("1", "A", "k")])}))
    assert [(c.anchored, c.anchored_characters) for c in one.comments] == [("Ord och ord", 0)]  # whole: no length
    monkeypatch.setattr(limits, "MAX_CHARACTERS", 1_000)  # the body's 300 characters pass; 5 anchors on them do not
    for anchors in (4, 5):
        document = docx.Document()
        starts = "".join(f'<w:commentRangeStart w:id="{n}"/>' for n in range(1, anchors + 1))
        ends = "".join(f'<w:commentRangeEnd w:id="{n}"/>' for n in range(1, anchors + 1))
        _with_body(document, f"<w:p>{starts}<w:r><w:t>{'o' * 300}</w:t></w:r>{ends}</w:p>")
        comments = _comments_part([(str(n), "A", "k") for n in range(1, anchors + 1)])
        data = with_parts(_saved(document), {"word/comments.xml": comments})
        if anchors == 4:  # 4 comments of 2 characters, 4 anchored texts of 201: 812
            assert [c.anchored for c in read_review_marks(data).comments] == ["o" * 200 + "…"] * 4
            continue
        with pytest.raises(ImportDocumentError) as caught:
            read_review_marks(data)
        assert str(caught.value) == (
            "Word-filens spårade ändringar och kommentarer har fler än 1 000 tecken text; det är mer än importen "
            "läser (en uppdragsbeskrivning har högst omkring 60 000)"
        )


def _extended_part(answers: dict[int, int], comments: int) -> tuple[str, str]:
    """commentsExtended.xml: comment n (paraId 0000000n in hex) answers answers[n]."""
    body = "".join(
        f'<w15:commentEx w15:paraId="{n:08X}"'
        + (f' w15:paraIdParent="{answers[n]:08X}"' if n in answers else "")
        + f' w15:done="{int(n == 5)}"/>'
        for n in range(1, comments + 1)
    )
    return PART_TYPE.format("commentsExtended"), f'<w15:commentsEx xmlns:w15="{W15}">{body}</w15:commentsEx>'


def test_every_comment_is_kept_once_in_its_thread() -> None:
    """A reply to a reply goes under the thread's comment; replies that answer each other in a
    circle keep the first in the file as their comment (4 and 5; 7, 8 and 9 with 10 answering 8);
    a reply to itself or to a comment the file lacks is a comment of its own."""
    answers = {2: 1, 3: 2, 4: 5, 5: 4, 6: 6, 7: 9, 8: 7, 9: 8, 10: 8, 11: 99}
    document = docx.Document()
    document.add_paragraph("Text")
    comments = _comments_part([(str(n), f"Person {n}", f"Kommentar {n}") for n in range(1, 12)])
    data = with_parts(
        _saved(document),
        {"word/comments.xml": comments, "word/commentsExtended.xml": _extended_part(answers, 11)},
    )
    marks = read_review_marks(data)
    assert [(c.id, c.parent, c.thread, c.depth, c.resolved, c.byline) for c in marks.comments] == [
        ("1", None, "1", 0, False, "kommentar av Person 1, 3 mars 2027"),
        ("2", "1", "1", 1, False, "svar av Person 2, 3 mars 2027"),
        ("3", "2", "1", 2, False, "svar på svar av Person 3, 3 mars 2027"),
        ("4", None, "4", 0, False, "kommentar av Person 4, 3 mars 2027"),  # the circle broken at its first
        ("5", "4", "4", 1, True, "svar av Person 5, 3 mars 2027"),
        ("6", None, "6", 0, False, "kommentar av Person 6, 3 mars 2027"),
        ("7", None, "7", 0, False, "kommentar av Person 7, 3 mars 2027"),
        ("8", "7", "7", 1, False, "svar av Person 8, 3 mars 2027"),
        ("9", "8", "7", 2, False, "svar på svar av Person 9, 3 mars 2027"),
        ("10", "8", "7", 2, False, "svar på svar av Person 10, 3 mars 2027"),
        ("11", None, "11", 0, False, "kommentar av Person 11, 3 mars 2027"),
    ]
    notes = place_marks(marks, Imported({}, []))
    assert [(n.text, [(r.text, r.nested) for r in n.replies]) for n in notes] == [
        ("Kommentar 1", [("Kommentar 2", False), ("Kommentar 3", True)]),
        ("Kommentar 4", [("Kommentar 5", False)]),
        ("Kommentar 6", []),
        ("Kommentar 7", [("Kommentar 8", False), ("Kommentar 9", True), ("Kommentar 10", True)]),
        ("Kommentar 11", []),
    ]
    assert marks.notes(rejected=False) == [
        "Word-filen har 11 kommentarer; --diff visar dem, de blir inte en del av uppdragsfilen"
    ]


def test_a_long_chain_of_replies_is_one_thread() -> None:
    """2 000 replies each to the one before: one comment and its replies, each at its depth."""
    document = docx.Document()
    document.add_paragraph("Text")
    comments = _comments_part([(str(n), "A", f"{n}") for n in range(1, 2_001)])
    answers = {n: n - 1 for n in range(2, 2_001)}
    data = with_parts(
        _saved(document),
        {"word/comments.xml": comments, "word/commentsExtended.xml": _extended_part(answers, 2_000)},
    )
    marks = read_review_marks(data)
    assert [(c.thread, c.depth) for c in marks.comments] == [("1", n) for n in range(2_000)]
    assert [len(n.replies) for n in place_marks(marks, Imported({}, []))] == [1_999]


E = "\u202eRTL\u202c \u2028LS \u200f"  # an override, its end, a line separator and a right-to-left mark


def test_control_characters_are_taken_out_of_the_marks_and_counted() -> None:
    document = docx.Document()
    document.add_paragraph("Rubrik")
    paragraph = document.add_paragraph("Text ")
    paragraph._p.append(tracked_change("w:ins", f"ny{E}", 1, author=f"Anna{E}"))
    _with_body(
        document, '<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>Här</w:t></w:r><w:commentRangeEnd w:id="1"/></w:p>'
    )
    comments = _comments_part([("1", f"Karin{E}", f"Fråga{E} **fet**")])
    marks = read_review_marks(with_parts(_saved(document), {"word/comments.xml": comments}))
    assert [(p.author, p.text, p.byline) for p in marks.proposals] == [
        ("AnnaRTL LS", "nyRTL LS", "förslag av AnnaRTL LS, 2 mars 2027")
    ]
    assert [(c.author, c.text, c.anchored) for c in marks.comments] == [("KarinRTL LS", "FrågaRTL LS **fet**", "Här")]
    assert (marks.controls_removed, marks.first_control) == (16, "U+202E i en kommentar")


def test_a_mark_is_named_by_the_part_it_stands_in_never_by_a_key() -> None:
    """A heading is read as avsnitt[n]: a mark after it is named by the part the heading heads."""
    data = {
        "avsnitt": [
            {"del": "bakgrund", "rubrik": "Bakgrund"},
            {"del": "uppdrag", "rubrik": "Uppdrag"},
            {"del": "medlemmar", "rubrik": "Kommunrepresentanter"},
        ],
        "reviderad_av": "Karin Holm",
    }
    fields = [
        ReportField("bakgrund", "strategi-2023-2026", "stycke 2", ("bakgrund",)),
        ReportField("avsnitt[0]", "Bakgrund", "stycke 2", ("avsnitt", 0)),  # after bakgrund, as the import reads it
        ReportField("avsnitt[1]", "Uppdrag", "stycke 10", ("avsnitt", 1)),
        ReportField("avsnitt[2]", "Kommunrepresentanter", "stycke 11", ("avsnitt", 2)),
        ReportField("reviderad_av", "Karin Holm", "stycke 12", ("reviderad_av",)),
        ReportField("okänd", "x", "stycke 14", ("okänd",)),
    ]
    marks = review_marks.ReviewMarks(
        [],
        [
            Comment("K", None, "?", "y", where, "")
            for where in ("stycke 4", "stycke 10", "stycke 11", "stycke 12", "stycke 15")
        ],
    )
    notes = place_marks(marks, Imported(data, fields))
    assert [(n.section, n.subject) for n in notes] == [
        ("Bakgrund", "bakgrund"),
        ("Uppdrag", "uppdrag"),
        ("Nätverkets medlemmar", "medlemmar"),
        ("Allmänt", "reviderad av"),
        ("Allmänt", "dokumentet"),
    ]
