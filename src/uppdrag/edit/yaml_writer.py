"""Writing meetings back into a user's mission file, keeping its comments, order and layout.

Reading stays with the safe, position-keeping reader; ruamel.yaml is used only here, in its
round-trip mode, because it can change a file without reformatting the rest of it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Collection
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


# The commented example `uppdrag new` writes under `möten:` until the meetings are known; the
# fields in braces are the network's id, the coming year and a municipality.
_MEETINGS_EXAMPLE = (
    "  # Mötena, när de är bestämda (eller: uppdrag plan-meetings {id} {year} --write):",
    "  # träffar:",
    "  #   - datum: {year}-02-05",
    '  #     start: "09:00"',
    '  #     slut: "12:00"',
    "  #     plats: {place}",
)


def _written_example(places: Collection[str]) -> re.Pattern[str]:
    """The example exactly as `new` wrote it, in whole lines, with one of the organisation's
    municipalities as its place: a comment the user wrote or began to change is kept."""
    fields = {
        "id": "[a-z0-9-]+",
        "year": "[0-9]{4}",
        # as new_mission._plain wrote it: plain, or as a JSON string
        "place": "|".join(re.escape(text) for p in places for text in (p, json.dumps(p, ensure_ascii=False))),
    }
    lines = [
        re.sub(r"\\\{(\w+)\\\}", lambda f: f"(?:{fields[f.group(1)]})", re.escape(line)) for line in _MEETINGS_EXAMPLE
    ]
    return re.compile("^" + "\n".join(lines) + "\n", re.MULTILINE)


def meetings_example(mission_id: str, year: int, place: str) -> list[str]:
    """The commented example of meetings for a new file (add_meetings takes it out again)."""
    fields = {"id": mission_id, "year": str(year), "place": place}
    return [re.sub(r"\{(\w+)\}", lambda field: fields[field.group(1)], line) for line in _MEETINGS_EXAMPLE]


def add_meetings(text: str, dates: list[dt.date], example_places: Collection[str] = ()) -> str:
    """The file's text with dates appended under möten.träffar (created if missing). The
    commented example `uppdrag new` left there, with one of example_places (the organisation's
    municipalities), goes: the real meetings take its place."""
    if dates and example_places:
        text = _written_example(example_places).sub("", text, count=1)
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


def last_scalar(block: CommentedMap | CommentedSeq) -> tuple[CommentedMap | CommentedSeq, Any] | None:
    """The block (nested as deep as it goes) and key of a block's last scalar, where ruamel keeps
    the comment below the block; None for an empty block."""
    if not block:
        return None
    last = list(block)[-1] if isinstance(block, CommentedMap) else len(block) - 1
    item = block[last]
    if isinstance(item, (CommentedMap, CommentedSeq)):
        return last_scalar(item)
    return block, last


def comment_at_end_of(block: CommentedMap | CommentedSeq, take: bool = False) -> Any:
    """The comment below a block's last scalar, or None; with take, removed from there (to be
    put below something else)."""
    found = last_scalar(block)
    if found is None:
        return None
    inner, last = found
    comments = inner.ca.items.get(last)
    at = 2 if isinstance(inner, CommentedMap) else 0
    token = comments[at] if comments and len(comments) > at else None
    if take and token is not None:
        comments[at] = None
    return token
