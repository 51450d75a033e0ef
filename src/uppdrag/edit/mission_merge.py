"""import --force onto an existing mission: a merge, like plan-meetings --write.

Only values that differ are replaced, so the coordinator's comments, key order, quoting, flow
style and wrapping stay wherever the document did not change them; an unchanged document
leaves the file byte for byte.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from uppdrag.edit.yaml_writer import dump, round_trip_yaml


def plain(value: Any) -> Any:
    """A loaded value as plain data to compare: ruamel's types, dates and numbers as text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)  # 'period: 2021' and the importer's '2021' are one value to the model
    return value


def merge_mission(text: str, new: dict[str, Any], new_text: str) -> str:
    """text with new's values where they differ from the file's; text itself when none do;
    new_text (the whole import) when the file is no mapping to merge into."""
    document = round_trip_yaml().load(text)
    if not isinstance(document, CommentedMap):
        return new_text
    if plain(document) == plain(new):
        return text
    _merge_map(document, new)
    return dump(document)


def _merge_map(old: CommentedMap, new: dict[str, Any]) -> None:
    for key in [k for k in old if k not in new]:
        del old[key]
    for index, (key, value) in enumerate(new.items()):
        if key not in old:
            old.insert(min(index, len(old)), key, value)
        elif plain(old[key]) != plain(value):
            old[key] = _merged(old[key], value)


def _merged(old: Any, new: Any) -> Any:
    """old changed into new in place where both are maps or lists, else new."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        _merge_map(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _merge_list(old, new)
        return old
    return new


def _merge_list(old: CommentedSeq, new: list[Any]) -> None:
    """Items kept where they are equal, changed in place where the lists are as long; an item
    added or removed rebuilds the rest of the list from the first difference."""
    if len(old) == len(new):
        for index, value in enumerate(new):
            if plain(old[index]) != plain(value):
                old[index] = _merged(old[index], value)
        return
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if plain(a) != plain(b)), min(len(old), len(new)))
    del old[start:]
    old.extend(new[start:])


# What a rendered Word file does not show, so an import never reads it: a document without it is
# silent about it, not a request to remove it. (alias, the key it goes after if present)
UNSHOWN = (("antagen", ("bakgrund_tillägg", "bakgrund")), ("reviderad_av", ("reviderad", "antagen", "bakgrund")))


def keep_unshown(data: dict[str, Any], current: dict[str, Any], shown_name: str) -> list[str]:
    """Put into data the current file's values the document cannot show and did not state;
    the report's notes, one per value kept."""
    notes = []
    for key, after in UNSHOWN:
        if key in data or current.get(key) in (None, ""):
            continue
        value = current[key]
        anchor = next((k for k in after if k in data), None)
        items = list(data.items())
        position = [k for k, _ in items].index(anchor) + 1 if anchor else len(items)
        items.insert(position, (key, value))
        data.clear()
        data.update(items)
        notes.append(f"{key} ({plain(value)}) behålls från {shown_name}: dokumentet visar det inte")
    return notes
