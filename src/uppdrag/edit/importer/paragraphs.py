"""A document as the importer sees it: paragraphs with their layout hints and source position."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

ListKind = Literal["bullet", "number"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph, list item or heading, in reading order."""

    text: str
    where: str  # "rad 12" for text files, "stycke 7" for Word, "sida 2, rad 5" for PDF
    heading_level: int | None = None  # from a Word style, a Markdown '#' or a large font
    bold: bool = False
    list_kind: ListKind | None = None
    number: int | None = None
    depth: int = 0  # 0 for a top-level list item, 1 for a sub-item
    cells: tuple[str, ...] = ()  # a table row's cells; text then joins them with " · "
    margin: bool = False  # a running header or footer: read for dates, not part of the text

    def with_text(self, text: str) -> Paragraph:
        return replace(self, text=text)


@dataclass(frozen=True)
class ReadDocument:
    """What a reader found: the paragraphs and the format they came in."""

    paragraphs: list[Paragraph]
    format: str  # "docx", "pdf", "md" or "txt"
    notes: tuple[str, ...] = ()  # what the report should say about the file itself


# A hyphen the typesetter put in (U+2010 HYPHEN, U+00AD SOFT HYPHEN), or a plain one between two
# lower-case letters at a line's end: 'språkut‐' + 'vecklande' is one word.
_HYPHENATED = re.compile("([a-zåäöé])[\u2010\u00ad-]$")
_CONJUNCTION = re.compile(r"(?:och|eller|samt|som|till)\b")


def join_lines(before: str, after: str) -> str:
    """A paragraph wrapped over two lines, as one: 'Vux-' + 'nätverket' -> 'Vux-nätverket',
    'legiti‐' + 'merad' -> 'legitimerad', but 'skol-' + 'och' keeps its space ('skol- och
    utbildningschefer')."""
    if _HYPHENATED.search(before[-2:]) and re.match(r"[a-zåäö]", after) and not _CONJUNCTION.match(after):
        word = before.rsplit(None, 1)[-1]
        if before.endswith("-") and not word.islower():  # 'Vux-', 'IT-': a hyphen of the word's own
            return before + after
        return before[:-1] + after
    if (
        re.search(r"\w[-/]-?$|/-$", before[-3:])  # the pattern spans at most 3 characters
        and re.match(r"[a-zåäö]", after)
        and not re.match(r"(och|eller|samt|som)\b", after)
    ):
        return before + after
    return f"{before} {after}"


_SPLIT_WORD = re.compile("([a-zåäöé])[\u2010\u00ad] ?([a-zåäö])")


def unhyphenated(text: str) -> str:
    """Text without the typesetter's hyphens: soft hyphens (U+00AD) go, and a word split by a
    hyphen (U+2010) and a space is one word again ('språkut‐ vecklande' -> 'språkutvecklande')."""
    return _SPLIT_WORD.sub(r"\1\2", text).replace("\u00ad", "")
