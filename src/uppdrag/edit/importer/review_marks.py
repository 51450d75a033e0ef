"""What a reviewer left in a Word file besides the text: tracked changes (w:ins, w:del) and
comments (comments.xml, anchored by w:commentRangeStart/End in the body, a table, a header or
footer, a footnote or an endnote; replies and resolved ones from commentsExtended.xml), each with
its author, date and the paragraph it stands in. The body is walked by docx_reader.body_units,
the reader's own walk, so "stycke 12" and "stycke 14 (tabell)" are the paragraphs the import read.

The parts are found by the content types the package declares and parsed only after
count_parts has bounded every part; what is built here
(one mark per tracked change or comment, their text) is counted against MAX_REVIEW_MARKS and
the document's character cap, and every comment's anchor against MAX_COMMENT_ANCHORS. A
comment's anchored text is sliced from one stream of the document's text, and only its first
ANCHORED_SHOWN characters are kept: the work is the text's and the anchors', never their product.
Control characters are taken out of what the marks show, as the importer takes them out of the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from uppdrag.control_characters import CONTROL
from uppdrag.edit.importer.docx_reader import body_units, count_parts, proposals_rejected, visible_text
from uppdrag.edit.importer.limits import MAX_COMMENT_ANCHORS, MAX_REVIEW_MARKS, CharacterCount, too_much
from uppdrag.edit.importer.recorder import Imported
from uppdrag.ellipsis import shortened
from uppdrag.swedish_dates import swedish_date
from uppdrag.views.changes import SECTION_OF_KEY, ReviewNote
from uppdrag.word_package import declared_types

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHANGES = {f"{_W}ins": "insertion", f"{_W}del": "deletion", f"{_W}moveTo": "insertion", f"{_W}moveFrom": "deletion"}
# A comment's anchored text is shown up to this many characters (two lines of a terminal); a
# reviewer marks a phrase or a sentence, a hostile file the whole document for every comment.
ANCHORED_SHOWN = 200


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
    anchored: str  # at most ANCHORED_SHOWN characters and '…'
    where: str  # "" for a comment anchored nowhere
    paragraph: str
    id: str = ""
    parent: str | None = None  # the id of the comment this one replies to
    resolved: bool = False
    anchored_characters: int = 0  # the whole anchored text's length, when anchored is shortened
    thread: str = ""  # the id of the top-level comment this one answers, directly or through replies
    depth: int = 0  # 0 a comment, 1 a reply to it, 2 a reply to a reply (and deeper)

    @property
    def byline(self) -> str:
        """'kommentar av Karin Holm, 3 mars 2027', 'svar av …' for a reply, 'svar på svar av …' deeper."""
        said = "svar på svar av " if self.depth > 1 else "svar av " if self.parent else "kommentar av "
        return said + _signed(self.author, self.date)


@dataclass
class ReviewMarks:
    proposals: list[Proposal] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    controls_removed: int = 0  # control characters taken out of authors, comments and proposals
    first_control: str = ""  # 'U+202E i ett förslag på stycke 4', 'U+2028 i en kommentar'

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
    """What the marks build, against the caps, and the control characters taken out of them."""

    def __init__(self) -> None:
        self.marks = 0
        self.anchors = 0
        self.characters = CharacterCount("Word-filens spårade ändringar och kommentarer")
        self.controls = 0
        self.first_control = ""

    def mark(self, *texts: str) -> None:
        self.marks += 1
        if self.marks > MAX_REVIEW_MARKS:
            raise too_much(
                "Word-filen", MAX_REVIEW_MARKS, "spårade ändringar och kommentarer", "en granskad fil har några tiotal"
            )
        self.characters.add(sum(len(text) for text in texts))

    def anchor(self) -> None:
        self.anchors += 1
        if self.anchors > MAX_COMMENT_ANCHORS:
            raise too_much(
                "Word-filen", MAX_COMMENT_ANCHORS, "markeringar för kommentarer", "en granskad fil har några tiotal"
            )

    def clean(self, text: str, where: str) -> str:
        """text without control characters, counted ('where': 'ett förslag på stycke 4'), its
        spaces as one: a line separator in an author's name breaks no line."""
        found = CONTROL.findall(text)
        if found:
            self.controls += len(found)
            self.first_control = self.first_control or f"U+{ord(found[0]):04X} i {where}"
            text = CONTROL.sub("", text)
        return " ".join(text.split())


def _parse(archive: zipfile.ZipFile, name: str) -> Any:  # a python-docx oxml element, or None when missing
    from docx.oxml.parser import parse_xml  # its parser: no entities, and the body's table rows typed

    try:
        data = archive.read(name)
    except KeyError:
        return None
    return parse_xml(data)


# The parts a comment's anchor or a tracked change may stand in, by the content type the package
# declares (…wordprocessingml.header+xml), and how a place in each is named
_MAIN = "document.main+xml"
_MARGINS = {"header+xml": "sidhuvud", "footer+xml": "sidfot"}
_NOTES = {"footnotes+xml": ("footnote", "fotnot"), "endnotes+xml": ("endnote", "slutnot")}
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def _part_units(archive: zipfile.ZipFile) -> list[tuple[str, str, Any]]:
    """(where, text, element) for every paragraph of every part that can hold marks: the body as
    read_docx numbers it, then headers and footers ('sidhuvud, stycke 1'), footnotes ('fotnot 2')
    and endnotes ('slutnot 1')."""
    types = declared_types(archive) or {}
    units: list[tuple[str, str, Any]] = []
    for name, kind in sorted(types.items(), key=lambda item: not item[1].endswith(_MAIN)):
        margin = next((word for end, word in _MARGINS.items() if kind.endswith(end)), None)
        note = next((pair for end, pair in _NOTES.items() if kind.endswith(end)), None)
        if not kind.endswith(_MAIN) and margin is None and note is None:
            continue
        root = _parse(archive, name)
        if root is None:
            continue
        if kind.endswith(_MAIN):
            body = root.find(f"{_W}body")
            with proposals_rejected(False):  # numbered as the document reads with proposals accepted
                units += [(u.where, u.text, u.element) for u in body_units(body)] if body is not None else []
        elif margin is not None:
            index = 0
            for block in root:
                index += block.tag == f"{_W}p"  # as read_docx counts a header's paragraphs
                units.append((f"{margin}, stycke {max(index, 1)}", " ".join(visible_text(block).split()), block))
        elif note is not None:
            tag, word = note
            number = 0
            for element in root.iter(f"{_W}{tag}"):
                if element.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                number += 1
                units.append((f"{word} {number}", " ".join(visible_text(element).split()), element))
    return units


@dataclass(frozen=True)
class _Written:
    author: str
    date: dt.date | None
    text: str
    parent: str | None = None  # the id of the comment this one answers
    resolved: bool = False


def _comment_texts(archive: zipfile.ZipFile, counter: _Counter) -> dict[str, _Written]:
    """Each comment by id, with what it replies to and whether it is resolved (commentsExtended)."""
    types = declared_types(archive) or {}
    found: dict[str, _Written] = {}
    by_paragraph: dict[str, str] = {}  # w14:paraId of a comment's last paragraph -> its id
    for name in (n for n, kind in types.items() if kind.endswith("wordprocessingml.comments+xml")):
        root = _parse(archive, name)
        for comment in root.iter(f"{_W}comment") if root is not None else ():
            paragraphs = list(comment.iter(f"{_W}p"))
            text = counter.clean(" ".join(visible_text(p) for p in paragraphs), "en kommentar")
            author = counter.clean(comment.get(f"{_W}author", ""), "en kommentars författare")
            counter.mark(text, author)
            comment_id = comment.get(f"{_W}id", "")
            found[comment_id] = _Written(author, _date(comment.get(f"{_W}date")), text)
            if paragraphs and paragraphs[-1].get(f"{_W14}paraId"):
                by_paragraph[paragraphs[-1].get(f"{_W14}paraId")] = comment_id
    for name in (n for n, kind in types.items() if kind.endswith("commentsExtended+xml")):
        root = _parse(archive, name)
        for extended in root.iter(f"{_W15}commentEx") if root is not None else ():
            comment_id = by_paragraph.get(extended.get(f"{_W15}paraId", ""))
            if comment_id is None:
                continue
            parent = by_paragraph.get(extended.get(f"{_W15}paraIdParent", ""))
            found[comment_id] = dataclasses.replace(
                found[comment_id],
                parent=parent if parent != comment_id else None,
                resolved=extended.get(f"{_W15}done") in ("1", "true", "on"),
            )
    return found


class _TextStream:
    """The text of every part in document order, its spaces as one, written once: an anchor is
    two positions in it, and what it shows one slice of at most ANCHORED_SHOWN characters."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.spaced = True  # the stream ends in a space (or is empty): the next space is not written

    def add(self, text: str) -> None:
        text = CONTROL.sub("", text)  # the document's own text: the import's note counts what it takes out
        words = text.split()
        if not words:
            if text and not self.spaced:
                self._write(" ")
            return
        lead = " " if text[0].isspace() and not self.spaced else ""
        tail = " " if text[-1].isspace() else ""
        self._write(lead + " ".join(words) + tail)

    def _write(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)
        self.spaced = text.endswith(" ")

    def shown(self, start: int, end: int) -> tuple[str, int]:
        """The text from start to end, shortened to ANCHORED_SHOWN characters, and its whole length
        when it was shortened (0 when shown whole). Call after the last add."""
        if len(self.pieces) != 1:
            self.pieces = ["".join(self.pieces)]
        text = self.pieces[0]
        if text[start : start + 1] == " ":  # the stream's spaces are single: one at each end at most
            start += 1
        if end > start and text[end - 1 : end] == " ":
            end -= 1
        whole = max(end - start, 0)
        shown = shortened(text[start : min(end, start + ANCHORED_SHOWN + 1)], ANCHORED_SHOWN)
        return shown, whole if whole > ANCHORED_SHOWN else 0


def read_review_marks(data: bytes) -> ReviewMarks:
    """Every tracked change and comment in the Word file, in document order: the body, then its
    headers, footers, footnotes and endnotes. A comment anchored nowhere is kept, placed nowhere;
    every comment is kept once, its replies threaded under it (see _threaded)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        count_parts(archive)  # every part bounded before any is parsed whole
        counter = _Counter()
        comments = _comment_texts(archive, counter)
        units = _part_units(archive)
    marks = ReviewMarks()
    stream = _TextStream()
    opened: dict[str, tuple[str, str, int]] = {}  # open comment id -> where, paragraph, start in the stream
    anchored: dict[str, tuple[str, str, int, int]] = {}  # comment id -> where, paragraph, start, end
    for where, paragraph, unit in units:
        for node in unit.iter():
            tag = node.tag
            if tag in _CHANGES:
                text = visible_text(node, rejected=_CHANGES[tag] == "deletion")  # spaces kept: runs join as typed
                if not text.strip():
                    continue
                author = node.get(f"{_W}author", "")
                counter.mark(text, author)
                proposal = Proposal(_CHANGES[tag], author, _date(node.get(f"{_W}date")), text, where, paragraph)
                previous = node.getprevious()
                follows = previous is not None and previous.tag == tag
                marks.proposals.append(_joined(marks.proposals, proposal) if follows else proposal)
            elif tag == f"{_W}commentRangeStart":
                counter.anchor()
                comment_id = node.get(f"{_W}id", "")
                if comment_id in comments:  # a range no comment has shows nothing
                    opened[comment_id] = (where, paragraph, stream.length)
            elif tag == f"{_W}commentRangeEnd":
                comment_id = node.get(f"{_W}id", "")
                if comment_id in opened:
                    anchored[comment_id] = (*opened.pop(comment_id), stream.length)
            elif tag == f"{_W}commentReference":
                comment_id = node.get(f"{_W}id", "")
                if comment_id in comments and comment_id not in anchored:
                    anchored[comment_id] = (where, paragraph, 0, 0)
            elif tag in (f"{_W}t", f"{_W}delText"):
                stream.add(node.text or "")
        stream.add(" ")
    marks.proposals = [
        dataclasses.replace(
            p,
            author=counter.clean(p.author, f"ett förslag på {p.where}"),
            text=counter.clean(p.text, f"ett förslag på {p.where}"),
        )
        for p in marks.proposals
    ]
    for comment_id, written in comments.items():
        where, paragraph, start, end = anchored.get(comment_id, ("", "", 0, 0))
        quoted, whole = stream.shown(start, end)
        counter.characters.add(len(quoted))
        marks.comments.append(
            Comment(
                written.author,
                written.date,
                written.text,
                quoted,
                where,
                paragraph,
                comment_id,
                written.parent,
                written.resolved,
                whole,
            )
        )
    marks.comments = _threaded(marks.comments)
    marks.controls_removed, marks.first_control = counter.controls, counter.first_control
    return marks


def _threaded(comments: list[Comment]) -> list[Comment]:
    """The comments with their thread and depth, so that each is shown once: a reply under the
    top-level comment of its thread, however deep; a reply to a comment the file lacks, or to
    itself, as a comment of its own; and of replies that answer each other in a circle, the
    first in the file as the comment the others answer. Each comment is walked to once."""
    order = {c.id: index for index, c in enumerate(comments)}
    parent = {c.id: c.parent if c.parent in order and c.parent != c.id else None for c in comments}
    placed: dict[str, tuple[str, int]] = {}  # id -> (its thread's top-level id, its depth)
    for comment in comments:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node = comment.id
        while node not in placed:
            if node in on_path:  # a circle: its first comment in the file stands alone
                first = min(path[on_path[node] :], key=order.__getitem__)
                parent[first] = None
                placed[first] = (first, 0)
                path = path[: path.index(first)]
                node = first
                break
            above = parent[node]
            if above is None:
                placed[node] = (node, 0)
                break
            on_path[node] = len(path)
            path.append(node)
            node = above
        thread, depth = placed[node]
        for below in reversed(path):  # the walk back down: each one deeper than its parent
            depth += 1
            placed[below] = (thread, depth)
    return [
        dataclasses.replace(c, parent=parent[c.id], thread=placed[c.id][0], depth=placed[c.id][1]) for c in comments
    ]


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


def _number(where: str) -> int:
    """12 for 'stycke 12', 'stycke 12, rad 2', 'stycke 12 (tabell)' or 'efter stycke 12' (a
    paragraph struck whole, placed with the one before it); 0 for a place before any paragraph."""
    words = where.removeprefix("efter ").replace(",", " ").split()
    return int(words[1]) if len(words) > 1 and words[0] == "stycke" and words[1].isdigit() else 0


def place_marks(marks: ReviewMarks, imported: Imported) -> list[ReviewNote]:
    """Each proposal and comment under the part of the mission its paragraph became: the value
    read from that paragraph, or else the last one read before it (of several read from
    one paragraph, the first) (a heading's mark goes with
    what follows it only when nothing was read before)."""
    placed = sorted(((_number(f.where), f.key) for f in imported.fields if _number(f.where)), key=lambda x: x[0])

    def part(where: str) -> tuple[str, str]:
        if not where.removeprefix("efter ").startswith("stycke"):  # a header, a footnote, no anchor: no part's
            return "Allmänt", where.split(",", maxsplit=1)[0] if where else "hela dokumentet"
        number = _number(where)
        same = [key for at, key in placed if at == number]  # the first value read from the paragraph
        before = [key for at, key in placed if at < number]
        key = same[0] if same else before[-1] if before else (placed[0][1] if placed else ())
        return _section(key, imported.data), _subject(key, imported.data)

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
    replies: dict[str, list[ReviewNote]] = {}
    for comment in (c for c in marks.comments if c.depth):  # in the file's order, under their thread
        section, subject = part(comment.where)
        replies.setdefault(comment.thread, []).append(_comment_note(comment, section, subject, ()))
    for comment in (c for c in marks.comments if not c.depth):
        section, subject = part(comment.where)
        notes.append(_comment_note(comment, section, subject, tuple(replies.get(comment.id, ()))))
    return notes


def _comment_note(comment: Comment, section: str, subject: str, replies: tuple[ReviewNote, ...]) -> ReviewNote:
    return ReviewNote(
        section,
        subject,
        "comment",
        comment.byline,
        comment.author,
        comment.date,
        comment.text,
        comment.anchored,
        comment.where,
        comment.resolved,
        replies,
        comment.anchored_characters,
        comment.depth > 1,
    )


def _section(key: tuple[str | int, ...], data: dict[str, Any]) -> str:
    return SECTION_OF_KEY.get(_part_key(key, data), "Allmänt") if key else "Allmänt"


def _part_key(key: tuple[str | int, ...], data: dict[str, Any]) -> str:
    """The top-level key a value stands in; for a heading (avsnitt[2]) the part it heads ('uppdrag')."""
    head = str(key[0]) if key else ""
    if head == "avsnitt" and len(key) > 1 and isinstance(key[1], int):
        parts = data.get("avsnitt") or []
        entry = parts[key[1]] if key[1] < len(parts) else {}
        return str(entry.get("del", "")) if isinstance(entry, dict) else ""
    return head


# What a mark that stands in a top-level key is about, in Swedish; a key not here is 'dokumentet'
_SUBJECTS = {
    "id": "namn",
    "namn": "namn",
    "styrdokument": "styrdokument",
    "bakgrund": "bakgrund",
    "bakgrund_egen": "bakgrund",
    "bakgrund_tillägg": "bakgrund",
    "medlemmar": "medlemmar",
    "antagen": "antagen",
    "reviderad": "reviderad",
    "reviderad_av": "reviderad av",
    "syfte": "syfte",
    "uppdrag": "uppdrag",
    "roller": "roller",
    "möten": "möten",
}


def _subject(key: tuple[str | int, ...], data: dict[str, Any]) -> str:
    """What the paragraph is, in the words of `uppdrag diff`: 'uppdrag', 'ansvar för ordförande',
    'möte 2027-03-05', 'mötesregel', 'syfte', 'bakgrund'; a heading is the part it heads."""
    head = _part_key(key, data)
    if head != (str(key[0]) if key else ""):  # a heading: the part, not the heading's key
        return _SUBJECTS.get(head, "dokumentet")
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
    return _SUBJECTS.get(head, "dokumentet")
