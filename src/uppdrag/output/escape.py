"""Escaping data so that it stays text in Markdown: a user's words never become structure."""

from __future__ import annotations

import re

# Characters that would become Markdown markup, links, strikethrough or HTML if left as they are.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|&!{}~])")
# At the start of a line: headings, setext underlines (=== ---), list markers, block quotes.
_MD_LINE_START = re.compile(r"^([#+=-]|\d+[.)])", re.MULTILINE)


def markdown_escape(text: object) -> str:
    """Data as Markdown text that cannot turn into structure: every line starts at the margin
    (no indented code block), blank lines are dropped (no new block), and any character that
    would start markup is backslash-escaped."""
    lines = [line.strip() for line in str(text).splitlines()]
    escaped = _MD_INLINE.sub(r"\\\1", "\n".join(line for line in lines if line))
    return _MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)
