"""A document's background against a shared text: the edits it makes, and the network's own
version of the shared text (`bakgrund_egen`) that keeps them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.wording import clean, comparable
from uppdrag.models import Background, SteeringDocument
from uppdrag.read.yamlsource import KeyPath
from uppdrag.views.changes import BACKGROUND, REWORDED_AT, Change, PairingBudget, SharedTexts, similarity, word_diff

_LIST_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+")  # '1. Höjd utbildningsnivå' in a text or PDF


def shared_subject(background_id: str) -> str:
    return f"den gemensamma bakgrunden '{background_id}'"


OWN_SUBJECT = "nätverkets egen bakgrund"  # what a mission's bakgrund_egen is called in --diff


MAX_JOINED = 20  # paragraphs a line-broken text file may split one shared paragraph into
# Paragraph pairs searched for a rewording or a split (200 × 200; a real background has a dozen):
# past it, a hostile file's thousands of paragraphs are compared as equal or not, each at once.
MAX_PARAGRAPH_PAIRS = 40_000


def searchable(units: list[str], texts: list[str]) -> bool:
    """Whether every paragraph of texts may be compared with every one of units."""
    return len(units) * len(texts) <= MAX_PARAGRAPH_PAIRS


def _joined(pieces: list[str], whole: list[str]) -> list[str]:
    """pieces with each run of consecutive pieces that together are one of whole (compared as
    comparable text) joined into one: a paragraph a text file broke in two is one again."""
    if not searchable(pieces, whole):
        return pieces
    targets = {comparable(w) for w in whole}
    starts = [comparable(w) for w in whole]
    joined: list[str] = []
    index = 0
    while index < len(pieces):
        end = index + 1
        if comparable(pieces[index]) not in targets:
            run = comparable(pieces[index])
            for later in range(index + 1, min(len(pieces), index + MAX_JOINED)):
                run += " " + comparable(pieces[later])
                if run in targets:
                    end = later + 1
                    break
                if not any(start.startswith(run) for start in starts):
                    break
        joined.append(" ".join(pieces[index:end]))
        index = end
    return joined


def text_changes(subject: str, units: list[str], texts: list[str], budget: PairingBudget | None = None) -> list[Change]:
    """Each paragraph of a document's background that is a paragraph of units reworded or added,
    and each paragraph of units the document struck out, as 'ändrar <subject>: …' (kind "shared").
    Paragraphs are compared whatever the lines they were broken into: a unit the document has
    in two paragraphs, or two units it runs together, are the same text. Past MAX_PARAGRAPH_PAIRS
    a paragraph is the same or added, never searched for as a rewording; nor once the budget
    (word pairs, the whole comparison's) is spent, which budget.spent then says."""
    budget = budget if budget is not None else PairingBudget()
    texts = _joined(texts, units)
    left = _joined(list(units), texts)
    reword = searchable(left, texts)
    unmatched: dict[str, list[int]] = {}  # each unit's comparable text: its indices not yet matched
    for index, unit in enumerate(left):
        unmatched.setdefault(comparable(unit), []).append(index)
    matched: set[int] = set()
    changes: list[Change] = []
    for text in texts:
        same = unmatched.get(comparable(text))
        if same:
            matched.add(same.pop(0))
            continue
        open_units = [i for i in range(len(left)) if i not in matched] if reword else []
        found = budget.best_match(text, [left[i] for i in open_units])
        if found is not None:
            best = open_units[found]
            matched.add(best)
            unmatched[comparable(left[best])].remove(best)
            changes.append(Change(BACKGROUND, "shared", subject, left[best], text, word_diff(left[best], text)))
        else:
            changes.append(Change(BACKGROUND, "shared", subject, None, text, [("+", text)]))
    struck = [unit for index, unit in enumerate(left) if index not in matched]
    return changes + [Change(BACKGROUND, "shared", subject, unit, None, [("-", unit)]) for unit in struck]


def edit_phrase(change: Change) -> str:
    """ "'mandat.' → 'mandat, forskningsbevakning.'", "stryker '…'" or "lägger till '…'"."""
    removed = " … ".join(t for op, t in change.words if op == "-")
    added = " … ".join(t for op, t in change.words if op == "+")
    if removed and added:
        return f"'{removed}' → '{added}'"
    return f"stryker '{removed}'" if removed else f"lägger till '{added}'"


def own_version(
    paragraphs: list[Paragraph], shared: Background, steering_documents: Mapping[str, SteeringDocument]
) -> tuple[dict[str, Any], list[tuple[KeyPath, str, str]]]:
    """The document's background as written, as `bakgrund_egen`: paragraph for paragraph, list
    items as `punkter`, a list that is exactly a steering document's goals as `mållista`, and a
    first paragraph that stands for the shared subheading as `rubrik`; with each of its values
    for the report: (key path within bakgrund_egen, the value shown, the paragraph it began at)."""
    own: dict[str, Any] = {}
    sources: list[tuple[KeyPath, str, str]] = []
    rest = list(paragraphs)
    if shared.heading and rest and rest[0].list_kind is None:
        first = clean(rest[0].text)
        if comparable(first) == comparable(shared.heading) or similarity(first, shared.heading) >= REWORDED_AT:
            own["rubrik"] = first
            sources.append((("rubrik",), first, rest[0].where))
            rest = rest[1:]
    blocks: list[Any] = []
    run: list[Paragraph] = []

    def end_list() -> None:
        if run:
            block = _list_block([clean(p.text) for p in run], shared, steering_documents)
            shown = f"mållista: {block['mållista']}" if "mållista" in block else "; ".join(block["punkter"])
            sources.append((("stycken", len(blocks)), shown, run[0].where))
            blocks.append(block)
            run.clear()

    for paragraph in rest:
        if paragraph.list_kind is not None:
            run.append(paragraph)
            continue
        end_list()
        sources.append((("stycken", len(blocks)), clean(paragraph.text), paragraph.where))
        blocks.append(clean(paragraph.text))
    end_list()
    own["stycken"] = blocks
    return own, sources


def _list_block(
    items: list[str], shared: Background, steering_documents: Mapping[str, SteeringDocument]
) -> dict[str, Any]:
    """{'mållista': id} for a list that is a steering document's goals, word for word, in order
    (the shared text's own goal lists first); else the items as {'punkter': [...]}."""
    listed = [b.goal_list for b in shared.blocks if b.goal_list is not None]
    candidates = list(dict.fromkeys([*listed, *steering_documents]))
    texts = SharedTexts(steering_documents=steering_documents)
    wanted = [comparable(_LIST_NUMBER.sub("", item)) for item in items]
    for steering_id in candidates:
        goals = texts.goal_units(steering_id)
        if goals and [comparable(g) for g in goals] == wanted:
            return {"mållista": steering_id}
    return {"punkter": list(items)}
