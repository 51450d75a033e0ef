"""Plain text and Markdown: lines into paragraphs, list items and headings.

Text copied out of a scanned PDF wraps a paragraph over several lines; a line joins the one
before it unless a blank line, a list marker, a heading or the end of a sentence says otherwise.
"""

from __future__ import annotations

import re
from typing import Any

from uppdrag.edit.importer.headings import stands_alone
from uppdrag.edit.importer.paragraphs import Paragraph, join_lines
from uppdrag.edit.importer.people import parse_people

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
# '-', '*', '•' and the OCR's readings of '•': 'e' and '=' (only before a capital letter).
_BULLET = re.compile("^(\\s*)(?:[-*+•▪◦·–●○■➢►✓\uf0b7\uf0a7]|[e=](?=\\s+[A-ZÅÄÖ]))\\s+(.*)$")
_NUMBER = re.compile(r"^(\s*)(\d{1,2})[.)]\s+(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_SENTENCE_END = re.compile(r"([.!?]|\S+@\S+\.[a-z]{2,}|https?://\S+)$")


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text).strip()


def _is_bold(text: str) -> bool:
    return text.startswith("**") and "**" in text[2:]


def read_text(text: str) -> list[Paragraph]:
    """Paragraphs of a .txt or .md file, each with the line it starts on."""
    paragraphs: list[Paragraph] = []
    current: dict[str, Any] | None = None  # the paragraph being built: its fields and whether it may grow

    def close() -> None:
        nonlocal current
        if current is not None:
            paragraphs.append(Paragraph(**{k: v for k, v in current.items() if k != "open"}))
            current = None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        where = f"rad {number}"
        if not line.strip() or _RULE.match(line):
            close()
            continue
        heading = _MD_HEADING.match(line.strip())
        bullet = _BULLET.match(line)
        numbered = _NUMBER.match(line)
        if heading:
            close()
            body = heading.group(2)
            current = {"text": _inline(body), "where": where, "heading_level": len(heading.group(1)) - 1,
                       "bold": _is_bold(body), "open": False}  # fmt: skip
            close()
        elif bullet or numbered:
            close()
            if bullet:
                indent, body = bullet.group(1), bullet.group(2)
            else:
                assert numbered is not None  # one of the two matched
                indent, body = numbered.group(1), numbered.group(3)
            current = {
                "text": _inline(body),
                "where": where,
                "list_kind": "bullet" if bullet else "number",
                "number": int(numbered.group(2)) if numbered else None,
                "depth": 1 if len(indent.expandtabs(4)) >= 1 else 0,
                "bold": _is_bold(body),
                "open": True,
            }
        else:
            stripped = line.strip()
            alone = stands_alone(_inline(stripped))
            if current is not None and current["open"] and not alone and not _breaks(current["text"], stripped):
                current["text"] = join_lines(current["text"], _inline(stripped))
                continue
            close()
            current = {"text": _inline(stripped), "where": where, "bold": _is_bold(stripped), "open": not alone}
    close()
    return paragraphs


def _breaks(before: str, line: str) -> bool:
    """A new paragraph starts after a full sentence (or an address) when the line opens with a
    capital, and at each line of a list of people ("Namn, Kommun" per line)."""
    if _SENTENCE_END.search(before) and line[:1].isupper():
        return True
    return parse_people(line) is not None or parse_people(before) is not None
