"""Changes between two versions of a mission as text lines and Markdown."""

from __future__ import annotations

from uppdrag.output.diagnostics import Line
from uppdrag.output.escape import markdown_escape as md
from uppdrag.views.changes import SECTIONS, Change

KIND_WORDS = {"added": "tillagt", "removed": "borttaget", "reworded": "omformulerat", "changed": "ändrat"}


def text_lines(changes: list[Change]) -> list[Line]:
    """Grouped by section; reworded text shows [-removed-] and {+added+} words."""
    lines: list[Line] = []
    for section in SECTIONS:
        own = [c for c in changes if c.section == section]
        if not own:
            continue
        lines.append([(section, "file")])
        for change in own:
            line: Line = [
                ("  ", None),
                (f"{KIND_WORDS[change.kind]}: ", change.kind),
                (f"{change.subject}: ", "key"),
            ]
            if change.kind == "reworded":
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
                line.append(((change.new if change.kind == "added" else change.old) or "", change.kind))
            lines.append(line)
        lines.append([])
    return lines


def to_markdown(changes: list[Change], title: str) -> str:
    out = [f"# {md(title)}", ""]
    if not changes:
        return "\n".join(out + ["Inga ändringar.", ""])
    for section in SECTIONS:
        own = [c for c in changes if c.section == section]
        if not own:
            continue
        out += [f"## {section}", ""]
        for change in own:
            head = f"- **{KIND_WORDS[change.kind].capitalize()}** {md(change.subject)}: "
            if change.kind == "reworded":
                body = " ".join(
                    md(t) if op == "=" else (f"~~{md(t)}~~" if op == "-" else f"**{md(t)}**") for op, t in change.words
                )
            elif change.kind == "changed":
                body = f"~~{md(change.old)}~~ → **{md(change.new)}**"
            else:
                body = md(change.new if change.kind == "added" else change.old)
            out.append(head + body)
        out.append("")
    return "\n".join(out)
