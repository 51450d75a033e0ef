"""Plain text and Markdown: lines into paragraphs, list items and headings.

Text copied out of a scanned PDF wraps a paragraph over several lines; a line joins the one
before it unless a blank line, a list marker, a heading or the end of a sentence says otherwise.

Every pattern here runs in time linear in its line: no two quantifiers can take the same
characters, and what only concerns a line's end looks at its last word alone.
"""

from __future__ import annotations

import re
from typing import Any

from uppdrag.edit.importer.headings import names_section, stands_alone
from uppdrag.edit.importer.limits import MAX_LINE_CHARACTERS, CharacterCount, too_much
from uppdrag.edit.importer.paragraphs import Paragraph, join_lines
from uppdrag.edit.importer.people import parse_people, parse_person
from uppdrag.edit.importer.reporting import reported_back

# '-', '*', '•' and the OCR's readings of '•': 'e' and '=' (only before a capital letter).
_BULLET = re.compile("^(\\s*)(?:[-*+•▪◦·–●○■➢►✓\uf0b7\uf0a7]|[e=](?=\\s+[A-ZÅÄÖ]))\\s+(.*)$")
_NUMBER = re.compile(r"^(\s*)(\d{1,2})[.)]\s+(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
# A bracket or a marker opens at most one try, which ends at the next bracket or marker: the
# text between cannot hold one (nested emphasis goes in the second round).
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=[^\s*_])([^*_]+?)(?<=\S)\1")
_URL = re.compile(r"https?://.")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")  # a Markdown table's row: | Namn | Kommun |
_TABLE_RULE = re.compile(r"^[\s|:-]*$")  # its line under the header: |---|:--|
_LINE_OVER = "ett stycke har sällan över 2 000"


def _markdown_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of '## Möten ##', or None: one to six '#', a space, the text, closing '#'s."""
    level = len(line) - len(line.lstrip("#"))
    if not 1 <= level <= 6 or not line[level : level + 1].isspace():
        return None
    return level, line[level:].strip().rstrip("#").rstrip()


def _ends_sentence(text: str) -> bool:
    """A full stop, '!' or '?' at the end, or an e-mail address or web address as the last word."""
    if text.endswith((".", "!", "?")):
        return True
    words = text.rsplit(None, 1)
    last = words[-1] if words else ""
    if _URL.search(last):
        return True
    dot = last.rfind(".")
    domain = last[dot + 1 :]
    # name@host.se: an '@' after the first character, something between it and the last dot
    return (
        dot > 0
        and len(domain) >= 2
        and domain.isascii()
        and domain.isalpha()
        and domain.islower()
        and (last.find("@", 1, dot - 1) != -1)
    )


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text).strip()


def _is_bold(text: str) -> bool:
    return text.startswith("**") and "**" in text[2:]


def read_text(text: str) -> list[Paragraph]:
    """Paragraphs of a .txt or .md file, each with the line it starts on."""
    CharacterCount("textfilen").add(len(text))
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
        if len(line) > MAX_LINE_CHARACTERS:
            raise too_much(f"rad {number} i textfilen", MAX_LINE_CHARACTERS, "tecken", _LINE_OVER)
        if not line.strip() or _RULE.match(line):
            close()
            continue
        row = _TABLE_ROW.match(line)
        if row or _tab_separated(line):
            close()
            if not row or not _TABLE_RULE.match(line):
                # a Markdown row's cells between '|', or a tab-separated row (a table saved as text)
                cells = tuple(_inline(c) for c in (row.group(1).split("|") if row else line.strip().split("\t")))
                text = " · ".join(c for c in cells if c)
                paragraphs.append(Paragraph(text, f"{where} (tabell)", cells=cells))
            continue
        heading = _markdown_heading(line.strip())
        bullet = _BULLET.match(line)
        numbered = _NUMBER.match(line)
        if heading:
            close()
            level, body = heading
            current = {"text": _inline(body), "where": where, "heading_level": level - 1,
                       "bold": _is_bold(body), "open": False}  # fmt: skip
            close()
        elif bullet or numbered:
            close()
            if bullet:
                indent, body = bullet.group(1), bullet.group(2)
            else:
                assert numbered is not None  # one of the two matched
                indent, body = numbered.group(1), numbered.group(3)
            depth = 1 if len(indent.expandtabs(4)) >= 1 else 0
            current = {
                "text": _inline(body),
                "where": where,
                "list_kind": "bullet" if bullet else "number",
                "number": int(numbered.group(2)) if numbered else None,
                "depth": depth,
                "bold": _is_bold(body),
                # "1. Bakgrund" typed by hand is a heading: the text on the next line is not its
                "open": not (numbered and not bullet and depth == 0 and names_section(_inline(body))),
            }
        else:
            stripped = line.strip()
            alone = stands_alone(_inline(stripped))
            if current is not None and current["open"] and not alone and not _breaks(current["text"], stripped):
                current["text"] = join_lines(current["text"], _inline(stripped))
                if len(current["text"]) > MAX_LINE_CHARACTERS:
                    raise too_much(f"stycket ({current['where']})", MAX_LINE_CHARACTERS, "tecken", _LINE_OVER)
                continue
            close()
            current = {"text": _inline(stripped), "where": where, "bold": _is_bold(stripped), "open": not alone}
    close()
    return paragraphs


def _tab_separated(line: str) -> bool:
    """A row of a table saved as text: cells between tabs. A tab after a list's marker
    ("1.<tab>Bakgrund", "•<tab>Samordna") or in front of the line only sets the text in."""
    marker = _BULLET.match(line) or _NUMBER.match(line)
    return "\t" in (marker.groups()[-1] if marker else line.strip())


def _breaks(before: str, line: str) -> bool:
    """A new paragraph starts after a full sentence (or an address) when the line opens with a
    capital, at a sentence on how the assignments are reported back (it follows a list item
    typed without a full stop, and is never part of it), and at each line of a list of people
    ("Namn, Kommun" per line)."""
    if line[:1].isupper() and (_ends_sentence(before) or reported_back(line) is not None):
        return True
    if parse_people(line) is not None or parse_people(before) is not None:
        return True
    return parse_person(line) is not None and parse_person(before) is not None
