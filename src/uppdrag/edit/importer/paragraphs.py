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


def join_lines(before: str, after: str) -> str:
    """A paragraph wrapped over two lines, as one: 'Vux-' + 'nätverket' -> 'Vux-nätverket', but
    'skol-' + 'och' keeps its space ('skol- och utbildningschefer')."""
    if (
        re.search(r"\w[-/]-?$|/-$", before[-3:])  # the pattern spans at most 3 characters
        and re.match(r"[a-zåäö]", after)
        and not re.match(r"(och|eller|samt|som)\b", after)
    ):
        return before + after
    return f"{before} {after}"
