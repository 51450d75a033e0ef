"""import --force onto an existing mission: a merge, like plan-meetings --write.

Only values that differ are replaced, so the coordinator's comments, key order, quoting, flow
style and wrapping stay wherever the document did not change them; an unchanged document
leaves the file byte for byte.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import textwrap
from difflib import SequenceMatcher
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString
from ruamel.yaml.tokens import CommentToken

from uppdrag.edit.importer.yaml_text import WIDTH
from uppdrag.edit.yaml_writer import comment_at_end_of, dump, last_scalar, round_trip_yaml
from uppdrag.models import default_layout


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
        _keep_comment_after(old, key)
        del old[key]
    for index, (key, value) in enumerate(new.items()):
        if key not in old:
            position = min(index, len(old))
            laid_out = _laid_out(value, _indent_of(old))
            old.insert(position, key, laid_out)
            if position > 0:
                _keep_comment_before_next(old, list(old)[position - 1], laid_out)
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
    if isinstance(old, FoldedScalarString) and isinstance(new, str):
        return _folded_like(old, new)
    return new


def _folded_like(old: FoldedScalarString, new: str) -> Any:  # a FoldedScalarString (ruamel is untyped here)
    """new as a folded block wrapped at the width the old text's lines had, so a reworded
    assignment keeps the look of its neighbours."""
    return _folded(new, max(_width(old), 20))


def _indent_of(mapping: CommentedMap) -> int:
    """The column a mapping's keys stand in (0 at the file's top level)."""
    return int(mapping.lc.col or 0)


def _laid_out(value: Any, indent: int) -> Any:
    """A value new to the file, its long texts as folded blocks within the importer's line width
    (as the importer writes a new file), so a new bakgrund_egen reads like the shared texts."""
    if isinstance(value, dict):
        return CommentedMap((key, _laid_out(item, indent + 2)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_laid_out(item, indent + 2) for item in value)
    if isinstance(value, str) and len(value) + indent > WIDTH and " " in value:
        return _folded(value, WIDTH - indent - 4)
    return value


def _folded(new: str, width: int) -> Any:  # a FoldedScalarString (ruamel is untyped here)
    """new as a folded block wrapped at width, where folding keeps it as it is."""
    folded = FoldedScalarString(new)
    lines = textwrap.wrap(new, width, break_long_words=False, break_on_hyphens=False)
    if " ".join(lines) == new:  # no run of spaces the folding would lose
        positions, at = [], 0
        for line in lines[:-1]:
            at += len(line)
            positions.append(at)
            at += 1
        folded.fold_pos = positions  # ruamel reads it when it writes the block
    return folded


def _keep_comment_before_next(mapping: CommentedMap, before: Any, inserted: Any) -> None:
    """A comment below the value of the key a new block goes after (ruamel keeps it with that
    key: often the comment about the next key) moves below the new block, so it stays above
    the key it is about."""
    comments = mapping.ca.items.get(before)
    if not comments or len(comments) < 3 or comments[2] is None:
        return
    token = comments[2]
    eol, below = ("", token.value) if token.value.startswith("\n") else token.value.split("\n", 1)
    if not below.strip() or not isinstance(inserted, (CommentedMap, CommentedSeq)):
        return  # only a comment at the end of the key's line: it stays there
    if not eol:
        if _comment_at_end(inserted, token):
            comments[2] = None
    elif _comment_at_end(inserted, CommentToken("\n" + below, token.start_mark, token.end_mark)):
        token.value = eol + "\n"


def _comment_at_end(block: CommentedMap | CommentedSeq, token: Any) -> bool:
    """token as the comment after block's last scalar; False when block is empty."""
    found = last_scalar(block)
    if found is None:
        return False
    inner, last = found
    inner.ca.items[last] = [None, None, token, None] if isinstance(inner, CommentedMap) else [token, None]
    return True


def _keep_comment_after(mapping: CommentedMap, key: Any) -> None:
    """A comment below a removed key's value (ruamel keeps it with that key: often the comment
    about the next key) moves to the key before it, rather than vanishing with it."""
    comments = mapping.ca.items.get(key)
    keys = list(mapping)
    index = keys.index(key)
    value = mapping[key]
    token = comments[2] if comments and len(comments) >= 3 else None
    if token is None and isinstance(value, (CommentedMap, CommentedSeq)):
        token = comment_at_end_of(value)  # a block's: below its last line
    if token is None or index == 0:
        return
    before = mapping.ca.items.setdefault(keys[index - 1], [None, None, None, None])
    if isinstance(mapping[keys[index - 1]], (CommentedMap, CommentedSeq)):
        return
    if before[2] is None:
        before[2] = token
    elif not before[2].value.startswith("\n") and before[2].value.count("\n") == 1:
        # an end-of-line comment (its value ends that line): the lines below follow it
        before[2].value += token.value.removeprefix("\n")


def _merge_list(old: CommentedSeq, new: list[Any]) -> None:
    """Items kept where they are equal, changed in place where one stands for another, removed
    and added where the document removed or added them; ruamel moves the items' comments along."""
    matcher = SequenceMatcher(None, [_key(v) for v in old], [_key(v) for v in new], autojunk=False)
    folded = next((v for v in old if isinstance(v, FoldedScalarString)), None)
    flow = any(isinstance(v, CommentedMap) and v.fa.flow_style() for v in old)
    for op, a1, a2, b1, b2 in reversed(matcher.get_opcodes()):  # from the end: earlier indices hold
        if op == "equal":
            continue
        paired = min(a2 - a1, b2 - b1)
        for offset in range(paired):
            old[a1 + offset] = _merged(old[a1 + offset], new[b1 + offset])
        for index in range(a2 - 1, a1 + paired - 1, -1):
            del old[index]
        for offset in range(paired, b2 - b1):
            value = new[b1 + offset]
            if folded is not None and isinstance(value, str) and len(value) > _width(folded):
                value = _folded_like(folded, value)  # a long new item looks like its folded neighbours
            elif isinstance(value, dict) and flow:
                value = CommentedMap(value)
                value.fa.set_flow_style()  # '{namn: …, kommun: …}' like the people beside it
            old.insert(a1 + offset, value)


def _key(value: Any) -> str:
    return json.dumps(plain(value), sort_keys=True, ensure_ascii=False)


def _width(folded: FoldedScalarString) -> int:
    """The longest line of a folded text as the file has it."""
    breaks: list[int] = [0, *getattr(folded, "fold_pos", []), len(folded)]
    return max(b - a for a, b in itertools.pairwise(breaks))


# What a rendered Word file does not show, so an import never reads it: a document without it is
# silent about it, not a request to remove it. (alias, the key it goes after if present)
UNSHOWN = (
    ("antagen", ("bakgrund_tillägg", "bakgrund_egen", "bakgrund")),
    ("reviderad_av", ("reviderad", "antagen", "bakgrund_egen", "bakgrund")),
)


def _insert_after(mapping: dict[str, Any], key: str, value: Any, after: tuple[str, ...]) -> None:
    """key: value put after the first of after that mapping has (at its end without one),
    in place: the mapping keeps its order and its other keys."""
    anchor = next((k for k in after if k in mapping), None)
    items = list(mapping.items())
    position = [k for k, _ in items].index(anchor) + 1 if anchor else len(items)
    items.insert(position, (key, value))
    mapping.clear()
    mapping.update(items)


def keep_unshown(data: dict[str, Any], current: dict[str, Any], shown_name: str) -> list[str]:
    """Put into data the current file's values the document cannot show and did not state;
    the report's notes, one per value kept."""
    notes = []
    for key, after in UNSHOWN:
        if key in data or current.get(key) in (None, ""):
            continue
        value = current[key]
        _insert_after(data, key, value, after)
        notes.append(f"{key} ({plain(value)}) behålls från {shown_name}: dokumentet visar det inte")
    _leave_out_default_layout(data, current)
    return notes + _keep_unshown_within(data, current, shown_name)


def _leave_out_default_layout(data: dict[str, Any], current: dict[str, Any]) -> None:
    """A file without `avsnitt` has the default layout; a document rendered from it shows those
    headings, and reading them back is no reason to write them out."""
    if "avsnitt" in current or "avsnitt" not in data:
        return
    default = [s.model_dump(by_alias=True, exclude_none=True) for s in default_layout(bool(data.get("medlemmar")))]
    if plain([{k: v for k, v in s.items() if not k.startswith("_")} for s in data["avsnitt"]]) == plain(default):
        del data["avsnitt"]


def keep_unread_meetings(data: dict[str, Any], current: dict[str, Any], shown_name: str, unsure: bool) -> list[str]:
    """The current file's meetings when the document gave none and left text without a place
    (a Möten heading renamed past recognition): the rule and the entered meetings are not
    removed for a heading the import could not read; the note says so."""
    if "möten" in data or not unsure or not current.get("möten"):
        return []
    data["möten"] = current["möten"]
    return [
        f"möten behålls från {shown_name}: dokumentet har inget avsnitt som gick att läsa som möten "
        "(se texten utan plats)"
    ]


# Values inside a part that no rendered document prints, so no import can read them back:
# (part, key, the keys it goes after). The focus goals: an import only guesses them from the text.
UNSHOWN_WITHIN = (("syfte", "fokus", ("punkter", "mål", "text")),)


def _keep_unshown_within(data: dict[str, Any], current: dict[str, Any], shown_name: str) -> list[str]:
    """The current file's value of each UNSHOWN_WITHIN key in data's part, whatever the import
    guessed; a note when that guess differs (or the import had none)."""
    notes = []
    for part, key, after in UNSHOWN_WITHIN:
        own, kept = data.get(part), current.get(part)
        if not isinstance(own, dict) or not isinstance(kept, dict) or kept.get(key) in (None, "", []):
            continue
        value = kept[key]
        if plain(own.get(key)) == plain(value):
            continue
        if key not in own:
            _insert_after(own, key, value, after)
        else:
            own[key] = value
        shown = ", ".join(str(v) for v in plain(value)) if isinstance(value, list) else plain(value)
        notes.append(f"{part}.{key} ({shown}) behålls från {shown_name}: dokumentet visar det inte")
    return notes
