"""Changes between two versions of a mission as text lines and Markdown."""

from __future__ import annotations

from collections.abc import Iterator

from uppdrag.output.diagnostics import Line
from uppdrag.output.escape import markdown_escape as md
from uppdrag.views.changes import SECTIONS, Change, MissionChanges, ReviewNote

KIND_WORDS = {
    "added": "tillagt",
    "removed": "borttaget",
    "reworded": "omformulerat",
    "changed": "ändrat",
    "shared": "ändrar",  # a document's edit of shared text: 'ändrar den gemensamma bakgrunden …: …'
    "unplaced": "KONTROLLERA, utan plats",  # import --diff: text the import puts in no field
    "unpaired": "obs",  # pairing rewordings stopped at its budget: the rest shown removed and added
}
NOTE_WORDS = {"insertion": "lägger till", "deletion": "stryker", "comment": "om"}
RESOLVED = " (löst)"


def note_line(note: ReviewNote) -> str:
    """'förslag av Anna Berg, 2 mars 2027: lägger till i uppdrag: "…"' or
    'kommentar av Karin Holm, 3 mars 2027 om "…" (uppdrag): …'."""
    if note.kind == "comment":
        anchored = f' "{note.anchored}"{_shortened(note)}' if note.anchored else ""
        return f"{note.byline}{RESOLVED if note.resolved else ''} om{anchored} ({note.subject}): {note.text}"
    return f'{note.byline}: {NOTE_WORDS[note.kind]} i {note.subject}: "{note.text}"'


def _shortened(note: ReviewNote) -> str:
    """' (förkortad, 40 499 tecken)' after a comment's anchored text shown only in part."""
    whole = f"{note.anchored_characters:,}".replace(",", " ")
    return f" (förkortad, {whole} tecken)" if note.anchored_characters else ""


def _by_section(
    changes: list[Change], notes: list[ReviewNote] | None
) -> Iterator[tuple[str, list[Change], list[ReviewNote]]]:
    """Each section that has changes or notes, in document order, with its own of each."""
    for section in SECTIONS:
        own = [c for c in changes if c.section == section]
        own_notes = [n for n in notes or [] if n.section == section]
        if own or own_notes:
            yield section, own, own_notes


def reply_line(reply: ReviewNote) -> str:
    """'svar av Anna Berg, 4 mars 2027: Ja, från hösten.'"""
    return f"{reply.byline}{RESOLVED if reply.resolved else ''}: {reply.text}"


def text_lines(changes: list[Change], notes: list[ReviewNote] | None = None) -> list[Line]:
    """Grouped by section; reworded text shows [-removed-] and {+added+} words; a reviewer's
    proposals and comments follow the section's direct edits."""
    lines: list[Line] = []
    for section, own, own_notes in _by_section(changes, notes):
        lines.append([(section, "file")])
        for change in own:
            line: Line = [
                ("  ", None),
                (f"{KIND_WORDS[change.kind]}{' ' if change.kind == 'shared' else ': '}", change.kind),
                (f"{change.subject}: ", "key"),
            ]
            if change.kind in ("reworded", "shared"):
                for index, (op, text) in enumerate(change.words):
                    if index:
                        line.append((" ", None))
                    line.append(
                        (text, None)
                        if op == "="
                        else (f"[-{text}-]" if op == "-" else f"{{+{text}+}}", "removed" if op == "-" else "added")
                    )
            elif change.kind == "changed":
                line += [(change.old or "", "removed"), (" → ", None), (change.new or "", "added")]
            else:
                line.append(((change.old if change.kind == "removed" else change.new) or "", change.kind))
            lines.append(line)
        for note in own_notes:
            lines.append([("  ", None), (note_line(note), "key")])
            lines += [[("    ", None), (reply_line(reply), "key")] for reply in note.replies]
        lines.append([])
    return lines


def to_markdown(changes: list[Change], title: str, notes: list[ReviewNote] | None = None) -> str:
    """For a person: struck-out words ~~struck~~, new ones **bold**, each proposal and comment
    as its own line under the part it belongs to."""
    out = [f"# {md(title)}", ""]
    if not changes:
        out += ["Inga direkta ändringar; förslag och kommentarer:" if notes else "Inga ändringar.", ""]
    for section, own, own_notes in _by_section(changes, notes):
        out += [f"## {section}", ""]
        for change in own:
            word = KIND_WORDS[change.kind]
            head = f"- **{word[:1].upper() + word[1:]}** {md(change.subject)}: "
            if change.kind in ("reworded", "shared"):
                body = " ".join(
                    md(t) if op == "=" else (f"~~{md(t)}~~" if op == "-" else f"**{md(t)}**") for op, t in change.words
                )
            elif change.kind == "changed":
                body = f"~~{md(change.old)}~~ → **{md(change.new)}**"
            else:
                body = md(change.old if change.kind == "removed" else change.new)
            out.append(head + body)
        for note in own_notes:
            byline = md(note.byline[:1].upper() + note.byline[1:])
            if note.kind == "comment":
                anchored = f" om ”{md(note.anchored)}”{_shortened(note)}" if note.anchored else ""
                resolved = RESOLVED if note.resolved else ""
                out.append(f"- *{byline}*{resolved}{anchored} ({md(note.subject)}): {md(note.text)}")
                out += [
                    f"  - *{md(r.byline[:1].upper() + r.byline[1:])}*{RESOLVED if r.resolved else ''}: {md(r.text)}"
                    for r in note.replies
                ]
            else:
                out.append(f"- *{byline}*: {NOTE_WORDS[note.kind]} i {md(note.subject)}: ”{md(note.text)}”")
        out.append("")
    return "\n".join(out)


def to_data(found: MissionChanges) -> dict[str, object]:
    """For programs: every change with its section, kind and values, every proposal and comment."""
    return {
        "title": found.title,
        "changes": [
            {"section": c.section, "kind": c.kind, "subject": c.subject, "old": c.old, "new": c.new}
            for c in found.changes
        ],
        "proposals": [_note(n) for n in found.notes if n.kind != "comment"],
        "comments": [_note(n) for n in found.notes if n.kind == "comment"],
    }


def _note(note: ReviewNote) -> dict[str, object]:
    found: dict[str, object] = {
        "section": note.section,
        "subject": note.subject,
        "author": note.author,
        "date": note.date.isoformat() if note.date else None,
        "where": note.where,
    }
    if note.kind == "comment":
        found |= {
            "comment": note.text,
            "anchored": note.anchored,
            "anchored_characters": note.anchored_characters or len(note.anchored),
            "anchored_shortened": bool(note.anchored_characters),
            "resolved": note.resolved,
            "replies": [
                {
                    "author": r.author,
                    "date": r.date.isoformat() if r.date else None,
                    "comment": r.text,
                    "resolved": r.resolved,
                    "reply_to_reply": r.nested,
                }
                for r in note.replies
            ],
        }
    else:
        found |= {"kind": note.kind, "text": note.text}
    return found
