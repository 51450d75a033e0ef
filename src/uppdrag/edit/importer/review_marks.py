"""What a reviewer left in a Word file besides the text: tracked changes (w:ins, w:del) and
comments (comments.xml, anchored by w:commentRangeStart/End), each with its author, date and
the paragraph it stands in, numbered as read_docx numbers them ("stycke 12", "stycke 14 (tabell)").

The XML is read with lxml only after count_parts has bounded every part; what is built here
(one mark per tracked change or comment, their text) is counted against MAX_REVIEW_MARKS and
the document's character cap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from uppdrag.edit.importer.docx_reader import count_parts, visible_text
from uppdrag.edit.importer.limits import MAX_REVIEW_MARKS, CharacterCount, too_much
from uppdrag.edit.importer.recorder import Imported
from uppdrag.swedish_dates import swedish_date
from uppdrag.views.changes import ReviewNote

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHANGES = {f"{_W}ins": "insertion", f"{_W}del": "deletion", f"{_W}moveTo": "insertion", f"{_W}moveFrom": "deletion"}


@dataclass(frozen=True)
class Proposal:
    """One tracked change: text a reviewer inserted or struck out."""

    kind: str  # "insertion" or "deletion"
    author: str
    date: dt.date | None
    text: str
    where: str  # "stycke 12": the paragraph as read_docx numbers it
    paragraph: str  # that paragraph's text with every change accepted, to show it in context

    @property
    def byline(self) -> str:
        """'förslag av Anna Berg, 2 mars 2027'."""
        return "förslag av " + _signed(self.author, self.date)


@dataclass(frozen=True)
class Comment:
    """One comment with the text it is anchored to."""

    author: str
    date: dt.date | None
    text: str
    anchored: str
    where: str
    paragraph: str

    @property
    def byline(self) -> str:
        """'kommentar av Karin Holm, 3 mars 2027'."""
        return "kommentar av " + _signed(self.author, self.date)


@dataclass
class ReviewMarks:
    proposals: list[Proposal] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)

    def notes(self, rejected: bool) -> list[str]:
        """The report's notes: how many proposals and comments, and how they were read."""
        notes = []
        inserted = sum(1 for p in self.proposals if p.kind == "insertion")
        deleted = len(self.proposals) - inserted
        if self.proposals:
            reading = (
                "importen läser dem som avvisade (--avvisa-förslag)"
                if rejected
                else "importen läser dem som godkända (--avvisa-förslag läser dem som avvisade)"
            )
            notes.append(
                f"Word-filen har {len(self.proposals)} förslag (spårade ändringar: {inserted} tillägg, "
                f"{deleted} borttagning{'ar' if deleted != 1 else ''}); {reading}; --diff visar dem"
            )
        if self.comments:
            count = len(self.comments)
            notes.append(
                f"Word-filen har {count} kommentar{'er' if count > 1 else ''}; --diff visar "
                f"{'dem' if count > 1 else 'den'}, de blir inte en del av uppdragsfilen"
            )
        return notes


def _signed(author: str, date: dt.date | None) -> str:
    name = author.strip() or "okänd"
    return f"{name}, {swedish_date(date)}" if date else name


def _date(value: str | None) -> dt.date | None:
    """w:date is ISO 8601 ('2027-03-02T10:00:00Z'); Word leaves it out when told to."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


class _Counter:
    def __init__(self) -> None:
        self.marks = 0
        self.characters = CharacterCount("Word-filens spårade ändringar och kommentarer")

    def mark(self, text: str) -> None:
        self.marks += 1
        if self.marks > MAX_REVIEW_MARKS:
            raise too_much(
                "Word-filen", MAX_REVIEW_MARKS, "spårade ändringar och kommentarer", "en granskad fil har några tiotal"
            )
        self.characters.add(len(text))


def _parse(archive: zipfile.ZipFile, name: str) -> Any:  # an lxml element, or None when the part is missing
    from lxml import etree

    try:
        data = archive.read(name)
    except KeyError:
        return None
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))


def _units(body: Any) -> list[tuple[str, Any]]:
    """(where, element) for every paragraph and table row of the body, named as read_docx names
    them; an element read_docx skips (no text) carries the name of the one before it."""
    units: list[tuple[str, Any]] = []
    number = 0
    last = "början av dokumentet"
    for block in body:
        if block.tag == f"{_W}p":
            if " ".join(visible_text(block).split()):
                number += 1
                last = f"stycke {number}"
            units.append((last, block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                if any(" ".join(visible_text(cell).split()) for cell in row.iter(f"{_W}tc")):
                    number += 1
                    last = f"stycke {number} (tabell)"
                units.append((last, row))
    return units


def _comment_texts(archive: zipfile.ZipFile, counter: _Counter) -> dict[str, tuple[str, dt.date | None, str]]:
    root = _parse(archive, "word/comments.xml")
    found: dict[str, tuple[str, dt.date | None, str]] = {}
    if root is None:
        return found
    for comment in root.iter(f"{_W}comment"):
        text = " ".join(" ".join(visible_text(p).split()) for p in comment.iter(f"{_W}p")).strip()
        counter.mark(text)
        found[comment.get(f"{_W}id", "")] = (comment.get(f"{_W}author", ""), _date(comment.get(f"{_W}date")), text)
    return found


def read_review_marks(data: bytes) -> ReviewMarks:
    """Every tracked change and comment in the body of the Word file, in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        count_parts(archive)  # every part bounded before any is parsed whole
        counter = _Counter()
        comments = _comment_texts(archive, counter)
        root = _parse(archive, "word/document.xml")
    marks = ReviewMarks()
    body = root.find(f"{_W}body") if root is not None else None
    if body is None:
        return marks
    anchors: dict[str, tuple[str, str, list[str]]] = {}  # open comment id -> where, paragraph, text so far
    anchored: dict[str, tuple[str, str, str]] = {}
    for where, unit in _units(body):
        paragraph = " ".join(visible_text(unit).split())
        for node in unit.iter():
            tag = node.tag
            if tag in _CHANGES:
                text = visible_text(node, rejected=_CHANGES[tag] == "deletion")  # spaces kept: runs join as typed
                if not text.strip():
                    continue
                counter.mark(text)
                proposal = Proposal(
                    _CHANGES[tag], node.get(f"{_W}author", ""), _date(node.get(f"{_W}date")), text, where, paragraph
                )
                previous = node.getprevious()
                follows = previous is not None and previous.tag == tag
                marks.proposals.append(_joined(marks.proposals, proposal) if follows else proposal)
            elif tag == f"{_W}commentRangeStart":
                anchors[node.get(f"{_W}id", "")] = (where, paragraph, [])
            elif tag == f"{_W}commentRangeEnd":
                comment_id = node.get(f"{_W}id", "")
                if comment_id in anchors:
                    start, text_at, texts = anchors.pop(comment_id)
                    anchored[comment_id] = (start, text_at, " ".join("".join(texts).split()))
            elif tag == f"{_W}commentReference":
                anchored.setdefault(node.get(f"{_W}id", ""), (where, paragraph, ""))
            elif tag in (f"{_W}t", f"{_W}delText") and anchors:
                for _, _, texts in anchors.values():
                    texts.append(node.text or "")
        for _, _, texts in anchors.values():
            texts.append(" ")
    marks.proposals = [dataclasses.replace(p, text=" ".join(p.text.split())) for p in marks.proposals]
    for comment_id, (author, date, text) in comments.items():
        where, paragraph, quoted = anchored.get(comment_id, ("okänt ställe", "", ""))
        marks.comments.append(Comment(author, date, text, quoted, where, paragraph))
    return marks


def _joined(proposals: list[Proposal], proposal: Proposal) -> Proposal:
    """Word splits one typed insertion into a change per run: a change right after one of the
    same kind, author and date in the same paragraph continues it."""
    if proposals:
        last = proposals[-1]
        if (last.kind, last.author, last.date, last.where) == (
            proposal.kind,
            proposal.author,
            proposal.date,
            proposal.where,
        ):
            proposals.pop()
            return dataclasses.replace(last, text=last.text + proposal.text)
    return proposal


_SECTIONS = {"syfte": "Syfte", "uppdrag": "Uppdrag", "roller": "Roller och ansvar", "möten": "Möten"}


def _number(where: str) -> int:
    """12 for 'stycke 12' or 'stycke 12 (tabell)'; 0 for a place before any paragraph."""
    words = where.split()
    return int(words[1]) if len(words) > 1 and words[0] == "stycke" and words[1].isdigit() else 0


def place_marks(marks: ReviewMarks, imported: Imported) -> list[ReviewNote]:
    """Each proposal and comment under the part of the mission its paragraph became: the value
    read from that paragraph, or else the last one read before it (of several read from
    one paragraph, the first) (a heading's mark goes with
    what follows it only when nothing was read before)."""
    placed = sorted(((_number(f.where), f.key) for f in imported.fields if _number(f.where)), key=lambda x: x[0])

    def part(where: str) -> tuple[str, str]:
        number = _number(where)
        same = [key for at, key in placed if at == number]  # the first value read from the paragraph
        before = [key for at, key in placed if at < number]
        key = same[0] if same else before[-1] if before else (placed[0][1] if placed else ())
        return _section(key), _subject(key, imported.data)

    notes = []
    for proposal in marks.proposals:
        section, subject = part(proposal.where)
        notes.append(
            ReviewNote(
                section,
                subject,
                proposal.kind,
                proposal.byline,
                proposal.author,
                proposal.date,
                proposal.text,
                where=proposal.where,
            )
        )
    for comment in marks.comments:
        section, subject = part(comment.where)
        notes.append(
            ReviewNote(
                section,
                subject,
                "comment",
                comment.byline,
                comment.author,
                comment.date,
                comment.text,
                comment.anchored,
                comment.where,
            )
        )
    return notes


def _section(key: tuple[str | int, ...]) -> str:
    return _SECTIONS.get(str(key[0]), "Allmänt") if key else "Allmänt"


def _subject(key: tuple[str | int, ...], data: dict[str, Any]) -> str:
    """What the paragraph is, in the words of `uppdrag diff`: 'uppdrag', 'ansvar för ordförande',
    'möte 2027-03-05', 'mötesregel', 'syfte', 'bakgrund'."""
    head = str(key[0]) if key else ""
    if head == "roller" and len(key) > 1 and isinstance(key[1], int):
        roles = data.get("roller") or []
        role = roles[key[1]] if key[1] < len(roles) else {}
        name = str(role.get("roll", "")) if isinstance(role, dict) else ""
        kind = "personer för" if len(key) > 2 and key[2] == "personer" else "ansvar för"
        return f"{kind} {name}".strip()
    if head == "möten":
        if len(key) > 2 and key[1] == "träffar" and isinstance(key[2], int):
            meetings = (data.get("möten") or {}).get("träffar") or []
            if key[2] < len(meetings) and isinstance(meetings[key[2]], dict):
                return f"möte {meetings[key[2]].get('datum', '')}"
        return "mötesregel" if len(key) > 1 and key[1] in ("minst_per_år", "veckodagar") else "möten"
    if head == "uppdrag":
        return "period" if len(key) > 1 and key[1] == "period" else "uppdrag"
    return {"namn": "namn", "bakgrund": "bakgrund", "bakgrund_tillägg": "bakgrund"}.get(head, head or "dokumentet")
