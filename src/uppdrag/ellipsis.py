"""Text cut short for a message, a table cell or a document property: the one way to add '…'."""

from __future__ import annotations


def shortened(text: str, limit: int, head: int | None = None, tail: int = 0) -> str:
    """text whole when it has at most limit characters; else its first head characters (default:
    limit), '…', and its last tail characters (a path keeps its file name). No space is left
    before the '…', where it would read as a word of its own."""
    if len(text) <= limit:
        return text
    start = text[: limit if head is None else head].rstrip()
    return start + "…" + (text[-tail:] if tail else "")
