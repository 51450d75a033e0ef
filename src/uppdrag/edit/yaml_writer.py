"""Writing meetings back into a user's mission file, keeping its comments, order and layout.

Reading stays with the safe, position-keeping reader; ruamel.yaml is used only here, in its
round-trip mode, because it can change a file without reformatting the rest of it.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def add_meetings(text: str, dates: list[dt.date]) -> str:
    """The file's text with dates appended under möten.träffar (created if missing)."""
    document = round_trip_yaml().load(text)
    rule = document.get("möten")
    if rule is None:
        rule = CommentedMap()
        document["möten"] = rule
    meetings = rule.get("träffar")
    if meetings is None:
        meetings = CommentedSeq()
        rule["träffar"] = meetings
    for day in dates:
        meetings.append(CommentedMap([("datum", day)]))
    return dump(document)


def dump(document: CommentedMap) -> str:
    out = io.StringIO()
    round_trip_yaml().dump(document, out)
    return out.getvalue()


def comment_at_end_of(block: CommentedMap | CommentedSeq, take: bool = False) -> Any:
    """The comment below a block's last scalar (ruamel keeps it there), or None; with take,
    removed from there (to be put below something else)."""
    if not block:
        return None
    last = list(block)[-1] if isinstance(block, CommentedMap) else len(block) - 1
    item = block[last]
    if isinstance(item, (CommentedMap, CommentedSeq)):
        return comment_at_end_of(item, take)
    comments = block.ca.items.get(last)
    at = 2 if isinstance(block, CommentedMap) else 0
    token = comments[at] if comments and len(comments) > at else None
    if take and token is not None:
        comments[at] = None
    return token
