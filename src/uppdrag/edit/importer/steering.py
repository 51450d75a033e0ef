"""Which steering document a mission follows, from three signals together: the words of the text
(the shared background, the document's name, its goals' names and its word for a goal), the period
the document states against each steering document's period, and the layout's generation (the
old Måldokument layout: "Rollfördelning", a bare "MÅL" heading, roles without a roles heading).
When they disagree or are weak, the best is chosen and the reason is said (KONTROLLERA)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from uppdrag.edit.importer.headings import normalise, without_typed_number
from uppdrag.edit.importer.periods import StatedPeriod, contains
from uppdrag.edit.importer.sections import Outline
from uppdrag.edit.importer.wording import comparable
from uppdrag.models import Background, SteeringDocument, period_years

# How much each signal weighs. The shared background is the document's own words for its steering
# document and outweighs everything else; a period outside a steering document's years weighs more
# than the words that merely name it; the layout only tips a close call.
SHARED_BACKGROUND = 6
NAME_OR_GOAL = 2  # each name of the document or of a goal that the text says
GOAL_MENTION = 2  # each "Mål 2", "prioriterat område 1": a steering document's own word for a goal
PERIOD_INSIDE = 2
PERIOD_OVERLAPPING = 0  # "2025–2028" against 2023–2026: neither for nor against, but said
PERIOD_OUTSIDE = -4
LAYOUT = 1
CLOSE_CALL = 2  # a lead smaller than this is a weak choice

# The Måldokument documents' layout: their roles headed "Rollfördelning", a "MÅL" heading alone.
_OLD_LAYOUT_HEADINGS = frozenset({"rollfordelning", "rollfordelningen", "mal"})
OLD_GENERATION = "mål"  # the goal word of the steering documents of the old layout


def background_of(steering: SteeringDocument, backgrounds: list[Background]) -> str:
    """The shared background that goes with a steering document (as `uppdrag new` picks it)."""
    for background in backgrounds:
        if background.id == steering.id or any(b.goal_list == steering.id for b in background.blocks):
            return background.id
    return backgrounds[0].id


def steering_of(background: Background, documents: dict[str, SteeringDocument]) -> str | None:
    """The steering document a shared background belongs to: its own id, or the goals it lists."""
    if background.id in documents:
        return background.id
    return next((b.goal_list for b in background.blocks if b.goal_list in documents), None)


def layout_generation(outline: Outline) -> str | None:
    """'mål' for the old Måldokument layout, 'prioriterat utvecklingsområde' for a document whose
    headings name priority areas, None when the layout does not tell."""
    headings = [s.heading for s in outline.sections if s.heading is not None]
    headings += [p for _, p in outline.unknown_headings]
    words = {normalise(re.sub(r"\(.*?\)", "", without_typed_number(h.text)).rstrip(": ")) for h in headings}
    if words & _OLD_LAYOUT_HEADINGS:
        return OLD_GENERATION
    if any(s.part == "roller" and s.heading is None for s in outline.sections):
        return OLD_GENERATION  # "Uppdrag ordförande:" straight after the assignments
    blocks = [p.text for s in outline.sections for p in s.paragraphs if p.heading_level is not None or p.bold]
    if any(re.match(r"\s*prioriterat\s+utvecklingsområde\b", t, re.IGNORECASE) for t in blocks):
        return "prioriterat utvecklingsområde"
    return None


def word_score(document: SteeringDocument, text: str) -> int:
    """How much the (comparable) text speaks of document: its name, its goals, its word for a goal."""
    names = [document.name] + [g.name for g in document.goals]
    found = sum(1 for n in names if comparable(n) in text)
    label = re.escape(document.goal_word.split()[-1])
    if document.goal_word != "mål":  # "prioriterat område 2" is the strategy's word too
        label = rf"(?:prioriterat\s+\w*område|{label})"
    mentions = len(re.findall(rf"\b(?:prioriterat\s+)?{label}\w*\s+\d", text))
    return found * NAME_OR_GOAL + mentions * GOAL_MENTION


@dataclass(frozen=True)
class Signals:
    """What the document says that bears on its steering document."""

    text: str  # the document's text, comparable()
    shared_background: str | None = None  # the steering document of the shared background it has
    period: StatedPeriod | None = None
    generation: str | None = None  # layout_generation()


@dataclass
class SteeringChoice:
    document: SteeringDocument
    source: str  # where the report says it came from: "bakgrunden", "texten"
    doubts: list[str] = field(default_factory=list)  # why a person should check it


def _period_fit(document: SteeringDocument, period: StatedPeriod | None) -> int | None:
    """How the stated period fits the steering document's years; None when either has none."""
    years = period.years if period is not None else None
    own = period_years(document.period) if document.period else None
    if years is None or own is None:
        return None
    if contains(own, years):
        return PERIOD_INSIDE
    return PERIOD_OVERLAPPING if years[0] <= own[1] and own[0] <= years[1] else PERIOD_OUTSIDE


def choose_steering(documents: list[SteeringDocument], signals: Signals) -> SteeringChoice:
    """The steering document the signals point to together, and what speaks against it."""
    words = {d.id: word_score(d, signals.text) + (SHARED_BACKGROUND if d.id == signals.shared_background else 0)
             for d in documents}  # fmt: skip
    period_fit = {d.id: _period_fit(d, signals.period) or 0 for d in documents}
    layout = {d.id: LAYOUT if signals.generation is not None and d.goal_word == signals.generation else 0
              for d in documents}  # fmt: skip
    total = {d.id: words[d.id] + period_fit[d.id] + layout[d.id] for d in documents}
    ranked = sorted(documents, key=lambda d: -total[d.id])  # stable: ties go to the file's order
    chosen = ranked[0]
    source = "bakgrunden" if chosen.id == signals.shared_background else "texten"
    choice = SteeringChoice(chosen, source)
    by_words = max(documents, key=lambda d: words[d.id])
    fit = _period_fit(chosen, signals.period)
    if signals.period is not None and fit in (PERIOD_OUTSIDE, PERIOD_OVERLAPPING):
        how = "ligger utanför" if fit == PERIOD_OUTSIDE else "sträcker sig utanför"
        choice.doubts.append(f"perioden {signals.period.shown} {how} {chosen.id} ({chosen.period})")
    if words[by_words.id] > words[chosen.id]:
        reasons = [
            r for r, fits in (("perioden", period_fit), ("layouten", layout)) if fits[chosen.id] > fits[by_words.id]
        ]
        choice.doubts.append(
            f"texten talar för {by_words.id} men {' och '.join(reasons) or 'helheten'} för {chosen.id}; {chosen.id} är vald"
        )
    lead = total[chosen.id] - total[ranked[1].id] if len(ranked) > 1 else CLOSE_CALL
    weak = signals.shared_background is None or lead < CLOSE_CALL
    by_layout = next((d for d in documents if layout[d.id] > 0), None)
    if weak and by_layout is not None and layout[chosen.id] == 0:
        what = "den äldre layouten (Rollfördelning, MÅL)" if signals.generation == OLD_GENERATION else "layouten"
        choice.doubts.append(f"{what} talar för {by_layout.id}")
    if not any(d.startswith(("perioden", "texten")) for d in choice.doubts) and weak:
        excluded = [d for d in documents if period_fit[d.id] == PERIOD_OUTSIDE]
        said = _said(chosen, words[chosen.id], period_fit[chosen.id], layout[chosen.id], signals, excluded)
        choice.doubts.append(f"styrdokumentet är valt utifrån {said}: {chosen.name}")
    return choice


def _said(
    document: SteeringDocument,
    words: int,
    period: int,
    layout: int,
    signals: Signals,
    excluded: list[SteeringDocument],
) -> str:
    """What chose document, in words: 'texten', 'perioden 2025–2026 (inom 2023–2026)', 'layouten';
    excluded are the steering documents whose years the period lies outside."""
    parts = ["texten"] if words > 0 else []
    if period > 0 and signals.period is not None:
        parts.append(f"perioden {signals.period.shown} (inom {document.period})")
    elif excluded and signals.period is not None:
        outside = ", ".join(f"{d.id} ({d.period})" for d in excluded)
        parts.append(f"perioden {signals.period.shown} (utanför {outside})")
    if layout > 0:
        parts.append("layouten")
    if not parts:
        return "svaga tecken (inget i texten, perioden eller layouten pekar ut det)"
    return " och ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
