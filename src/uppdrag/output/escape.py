"""Escaping data so that it stays text in Markdown: a user's words never become structure or a link."""

from __future__ import annotations

import re

# Characters that would become Markdown markup, links, strikethrough, HTML or (@) an e-mail link.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|&!{}~@])")
# At the start of a line: headings, setext underlines (=== ---), list markers, block quotes.
_MD_LINE_START = re.compile(r"^([#+=-]|\d+[.)])", re.MULTILINE)
# What GitHub's and GitLab's autolinking turns into a link without any markup: "https://…" (any
# scheme) and "www.…". An escaped ':' or '.' reads the same but is no longer a trigger.
_BARE_URL = re.compile(r":(?=//)|(?<=[wW]{3})\.")


def _escaped(lines: list[str], joined_by: str) -> str:
    escaped = _MD_INLINE.sub(r"\\\1", joined_by.join(line for line in lines if line))
    escaped = _BARE_URL.sub(r"\\\g<0>", escaped)
    return _MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


def markdown_escape(text: object) -> str:
    """Data as Markdown text that cannot turn into structure: every line starts at the margin
    (no indented code block), blank lines are dropped (no new block), any character that would
    start markup is backslash-escaped, and a bare address is broken so it is not autolinked."""
    return _escaped([line.strip() for line in str(text).splitlines()], "\n")


def markdown_cell(text: object) -> str:
    """Data as the text of one line, where a line break would end it: a table cell (a newline
    would split the row), a heading. Its lines are joined by spaces, then escaped as above;
    None is an empty cell."""
    if text is None:
        return ""
    return _escaped([line.strip() for line in str(text).splitlines()], " ")
