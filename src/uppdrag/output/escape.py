"""Escaping data so that it stays text in Markdown; no template engine needed to use it."""

from __future__ import annotations

import re

# Characters that would become Markdown markup, links or HTML if left as they are.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|&!{}])")
_MD_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])(?=\s|$)", re.MULTILINE)


def markdown_escape(text: object) -> str:
    escaped = _MD_INLINE.sub(r"\\\1", str(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escaped)
