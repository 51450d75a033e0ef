"""Sections into a mission: the YAML's data in its Swedish keys, where each value came from, and
what a person must check (KONTROLLERA) because the importer chose between readings."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rapidfuzz import fuzz

from uppdrag.check.rules import PLACEHOLDER
from uppdrag.edit.importer.background import edit_phrase, own_version, shared_subject, text_changes
from uppdrag.edit.importer.headings import title_rest, without_typed_number
from uppdrag.edit.importer.meetings import parse_date
from uppdrag.edit.importer.mending import Vocabulary
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.purpose import PurposeReader
from uppdrag.edit.importer.recorder import Imported
from uppdrag.edit.importer.reporting import read_reporting
from uppdrag.edit.importer.roles import RoleReader
from uppdrag.edit.importer.sections import Outline, Section
from uppdrag.edit.importer.steering import Signals, background_of, choose_steering, layout_generation, steering_of
from uppdrag.edit.importer.wording import clean, comparable, sentence_case
from uppdrag.errors import ImportDocumentError
from uppdrag.models import (
    DEFAULT_HEADINGS,
    MEMBERS_PART,
    PARTS,
    Background,
    SteeringDocument,
    make_id,
)
from uppdrag.read.loading import Workspace
from uppdrag.read.yamlsource import KeyPath
from uppdrag.views.changes import SharedTexts

SHARED_MATCH = 85  # per cent alike (rapidfuzz ratio) for text to count as the shared text

# Where a KONTROLLERA about a section's unplaced text stands: the key its text goes to
_KEY_OF_PART: dict[str, KeyPath] = {
    "bakgrund": ("bakgrund",),
    "syfte": ("syfte",),
    "uppdrag": ("uppdrag",),
    "roller": ("roller",),
    "medlemmar": ("medlemmar",),
    "möten": ("möten",),
    "återrapportering": ("uppdrag",),
}


def _heading_of(section: Section | None) -> Paragraph | None:
    return section.heading if section is not None else None


def _paragraphs_of(outline: Outline) -> list[tuple[str, Paragraph]]:
    """Every paragraph of the document (not its running headers), with the part it stood in."""
    found: list[tuple[str, Paragraph]] = [("titel", p) for p in outline.title]
    for section in outline.sections:
        if section.heading is not None:
            found.append((section.part, section.heading))
        found += [(section.part, p) for p in section.paragraphs]
        for block in section.roles:
            found.append((section.part, block.heading))
            found += [(section.part, p) for p in block.paragraphs]
    return found + outline.unknown_headings


class MissionBuilder:
    """Builds one mission from an outline, for a workspace's shared files."""

    def __init__(self, workspace: Workspace, vocabulary: Vocabulary, today: dt.date):
        self.workspace = workspace
        self.vocabulary = vocabulary
        self.result = Imported({})  # the recorder every stage below writes to
        self.purposes = PurposeReader(self.result, today)
        self.roles = RoleReader(self.result, workspace, vocabulary)

    # --- the whole -----------------------------------------------------------------------

    def build(self, outline: Outline, mission_id: str | None) -> Imported:
        data = self.result.data
        name, name_where = self._name(outline)
        data["id"] = mission_id or make_id(name) or "natverk"
        self.result.set(("id",), data["id"], "--id" if mission_id else name_where)
        data["namn"] = name
        self.result.set(("namn",), name, name_where)

        background_section = outline.section("bakgrund")
        background, own, extras, own_words, steering = self._background(background_section, outline)
        data["styrdokument"] = steering.id
        data["bakgrund"] = background
        if own is not None:
            data["bakgrund_egen"] = own
        revised = self._dated(outline, r"revider(?:ad|at|ing)")
        if revised:
            data["reviderad"] = revised
        adopted = self._dated(outline, r"antagen|antaget|beslutad")
        if adopted and revised and revised < adopted:
            self.result.check(
                ("reviderad",), f"dokumentet säger antagen {adopted} men reviderad {revised}; antagen är utelämnad"
            )
        elif adopted:
            data["antagen"] = adopted
        purpose_paragraphs, assignment_paragraphs, intro = self.purposes.split(outline)
        if extras:
            data["bakgrund_tillägg"] = [clean(p.text) for p in extras]
            for index, paragraph in enumerate(extras):
                self.result.set(("bakgrund_tillägg", index), data["bakgrund_tillägg"][index], paragraph.where)
        members = self.roles.members(outline)
        data["avsnitt"] = self._sections(outline, bool(purpose_paragraphs), bool(members))
        data["syfte"] = self.purposes.purpose(purpose_paragraphs, steering, own_words)
        data["uppdrag"] = self.purposes.assignments(
            assignment_paragraphs, intro, steering, _heading_of(outline.section("uppdrag"))
        )
        data["roller"] = self.roles.roles(outline)
        if members:
            data["medlemmar"] = members
        meetings = self.roles.meetings(outline.section("möten"))
        if meetings:
            data["möten"] = meetings
        read_reporting(outline.section("återrapportering"), data, self.result)
        self._coverage(outline)
        return self.result

    def _coverage(self, outline: Outline) -> None:
        """Every paragraph, list item and table row is in a field, or in the report's list of
        unplaced text with a KONTROLLERA in the part it stood in (unless one names it already).
        Coverage counts words: a paragraph partly placed counts the words of its placed part; the
        running headers, footers, page numbers and watermarks dropped as such are no words of the document."""
        said = " ".join(m for ms in self.result.checks.values() for m in ms)
        placed_words = total_words = 0
        for part, paragraph in _paragraphs_of(outline):
            words = len(paragraph.text.split())
            total_words += words
            if paragraph.where in self.result.placed:
                left = self.result.left.get(paragraph.where, [])
                placed_words += max(0, words - sum(len(text.split()) for text in left))
                for text in left:
                    self._unplaced(part, paragraph.where, text, said)
                self.result.unplaced_parts += len(left)
                continue
            self._unplaced(part, paragraph.where, paragraph.text, said)
        self.result.words = (placed_words, total_words)
        self.result.dropped_words = sum(len(p.text.split()) for p in outline.margins)

    def _unplaced(self, part: str, where: str, text: str, said: str) -> None:
        self.result.unplaced.append((where, text))
        if f"({where})" not in said:
            shown_text = text if len(text) <= 80 else text[:79] + "…"
            self.result.check(
                _KEY_OF_PART.get(part, ("namn",)), f"texten '{shown_text}' ({where}) har ingen plats i filen"
            )

    # --- title ---------------------------------------------------------------------------

    def _name(self, outline: Outline) -> tuple[str, str]:
        paragraphs = outline.title
        for index, paragraph in enumerate(paragraphs):
            rest = title_rest(paragraph.text)
            if rest is None:
                continue
            rest = re.sub(r"^(?:nätverket\s+(?:för\s+)?)", "", rest.lstrip(" –—-:"), flags=re.IGNORECASE)
            if rest:
                name = sentence_case(clean(rest), self.vocabulary)
                return name[:1].upper() + name[1:], paragraph.where
            following = next((p for p in paragraphs[index + 1 :] if p.text.strip()), None)
            if following is not None:
                self.result.place(paragraph.where)  # "UPPDRAGSBESKRIVNING för nätverket", the name below
                return sentence_case(clean(following.text), self.vocabulary), following.where
        if paragraphs:
            first = paragraphs[0]
            self.result.check(
                ("namn",), "rubriken säger inte 'Uppdragsbeskrivning för nätverket …'; namnet är dess första rad"
            )
            name = re.sub(r"^(?:nätverket\s+(?:för\s+)?)", "", clean(first.text), flags=re.IGNORECASE)
            name = sentence_case(name, self.vocabulary)
            return name[:1].upper() + name[1:], first.where
        self.result.check(("namn",), "dokumentet har ingen rubrik med nätverkets namn")
        return PLACEHOLDER, "–"

    def _dated(self, outline: Outline, words: str) -> dt.date | None:
        for paragraph in outline.title + [p for s in outline.sections for p in s.paragraphs] + outline.margins:
            date = r"20\d\d-[01]\d-[0-3]\d|\d{1,2}\s+[a-zåäö]+\s+20\d\d"
            match = re.search(rf"(?:{words})\w*\s*:?\s*(?:den\s+)?({date})", paragraph.text, re.IGNORECASE)
            day = parse_date(match.group(1)) if match else None
            if day is not None:
                self.result.set(("reviderad" if "revider" in words else "antagen",), day, paragraph.where)
                return day
        return None

    def _sections(self, outline: Outline, has_purpose: bool, has_members: bool) -> list[dict[str, str]]:
        """All five parts in the document's order, headed as the document heads them."""
        parts: list[dict[str, str]] = []
        for section in outline.sections:
            if any(p["del"] == section.part for p in parts):
                continue
            if section.part == MEMBERS_PART and not has_members:
                continue  # a members heading with no one under it: the report lists its text
            if section.part not in PARTS and section.part != MEMBERS_PART:
                continue  # "Återrapportering": read into the assignments and meetings (reporting.py)
            entry = {"del": section.part, "_where": section.heading.where if section.heading else ""}
            if section.heading is not None:
                entry["rubrik"] = sentence_case(
                    clean(without_typed_number(section.heading.text).rstrip(":")), self.vocabulary
                )
            if section.part == "uppdrag" and has_purpose and not any(p["del"] == "syfte" for p in parts):
                # The 2023–2026 documents: "UPPDRAG" opens with the purpose, then the assignments.
                parts += [
                    {
                        "del": "syfte",
                        **({"rubrik": entry["rubrik"]} if "rubrik" in entry else {}),
                        "_where": entry["_where"],
                    },
                    {"del": "uppdrag"},
                ]
                continue
            parts.append(entry)
        expected = PARTS
        if has_members:  # the members' part comes right after the roles
            roles = PARTS.index("roller") + 1
            expected = (*PARTS[:roles], MEMBERS_PART, *PARTS[roles:])
        for part in expected:
            if any(p["del"] == part for p in parts):
                continue
            before = expected[: expected.index(part)]
            position = max((i + 1 for i, p in enumerate(parts) if p["del"] in before), default=0)
            # A part the document lacks: no heading, except Möten, which shows once meetings are added.
            parts.insert(position, {"del": part, **({"rubrik": DEFAULT_HEADINGS[part]} if part == "möten" else {})})
        for index, entry in enumerate(parts):
            where = entry.pop("_where", "")
            self.result.set(("avsnitt", index), entry.get("rubrik", f"({entry['del']}, utan rubrik)"), where)
        return parts

    # --- background ------------------------------------------------------------------------

    def _shared_background_text(self, background: Background) -> str:
        parts = [background.heading or ""]
        for block in background.blocks:
            if block.text:
                parts.append(block.text)
            if block.bullets:
                parts += block.bullets
            if block.goal_list:
                steering = self.workspace.steering_documents.get(block.goal_list)
                for number, goal in enumerate(steering.goals if steering else [], start=1):
                    parts.append(f"{number}. {goal.name}" + (f" ({goal.description})" if goal.description else ""))
        return comparable(" ".join(parts))

    def _background(
        self, section: Section | None, outline: Outline
    ) -> tuple[str, dict[str, Any] | None, list[Paragraph], list[Paragraph], SteeringDocument]:
        """The shared background the section is, the network's own version of it whenever the
        section's text is not the shared text (bakgrund_egen), the paragraphs that follow the
        shared text or the own version (bakgrund_tillägg), and the paragraphs in the network's
        own words (read for the purpose's focus). What a rendered document shows is the
        document's background, nothing struck and nothing added."""
        backgrounds = self.workspace.backgrounds
        if not backgrounds or not self.workspace.steering_documents:
            raise ImportDocumentError(
                f"arbetsytan {self.workspace.folder} har inga styrdokument och bakgrunder i _-filerna"
            )
        paragraphs = section.paragraphs if section else []
        best: tuple[float, str, list[Paragraph]] = (0.0, next(iter(backgrounds)), list(paragraphs))
        for background in backgrounds.values():
            shared = self._shared_background_text(background)
            covered, extras = [], []
            for paragraph in paragraphs:
                text = comparable(paragraph.text)
                if text and fuzz.partial_ratio(text, shared) >= SHARED_MATCH and len(text) <= len(shared):
                    covered.append(text)
                else:
                    extras.append(paragraph)
            score = fuzz.ratio(" ".join(covered), shared) if covered else 0.0
            if score > best[0]:
                best = (score, background.id, extras)
        score, background_id, extras = best
        own_words = list(extras)
        where = section.heading.where if section and section.heading else "–"
        own = None
        if score >= SHARED_MATCH or len(extras) < len(paragraphs):  # the shared text, as it is or edited
            self.result.placed.update(p.where for p in paragraphs if p not in extras)
            steering = self._steering_for(backgrounds[background_id], outline)
            own, extras, kept = self._own_version(backgrounds[background_id], paragraphs, extras)
            if own is None and score >= SHARED_MATCH:
                self.result.notes.append(
                    f"bakgrunden är den gemensamma texten '{background_id}' ({score:.0f} % lika); "
                    "den hänvisas till, inte kopieras"
                )
            elif own is not None and score < SHARED_MATCH and kept < 0.5:
                # Shortened or reworded so far that most of the shared text is struck: say so.
                self.result.check(
                    ("bakgrund",),
                    f"bakgrunden liknar den gemensamma texten '{background_id}' bara till {score:.0f} %; "
                    "dokumentets text är nätverkets egen version",
                )
        else:
            # No shared text fits: the steering document the text speaks of decides the background,
            # and the document's text is the network's own version of it.
            steering = self._steering_by_words(outline)
            background_id = background_of(steering, list(backgrounds.values()))
            if paragraphs:
                own = self._record_own(backgrounds[background_id], paragraphs)
                extras = []
                message = (
                    f"bakgrunden liknar ingen gemensam text; dokumentets text är nätverkets egen version "
                    f"(bakgrund_egen) av '{background_id}'"
                )
            else:
                message = f"dokumentet har ingen bakgrund; '{background_id}' är vald"
            self.result.check(("bakgrund",), message)
        self.result.set(("bakgrund",), background_id, where)
        return background_id, own, extras, own_words, steering

    def _own_version(
        self, background: Background, paragraphs: list[Paragraph], extras: list[Paragraph]
    ) -> tuple[dict[str, Any] | None, list[Paragraph], float]:
        """The network's own version of the shared text when the document edits it (a paragraph
        reworded, struck or added), the paragraphs after the last one like the shared text
        (bakgrund_tillägg), and the share of the shared paragraphs the document keeps word for
        word. The shared text unchanged, with or without paragraphs after it, is no own version:
        the file refers to the shared text."""
        covered = [i for i, p in enumerate(paragraphs) if p not in extras]
        body, after = paragraphs[: covered[-1] + 1], paragraphs[covered[-1] + 1 :]
        units = SharedTexts(steering_documents=self.workspace.steering_documents).units(background)
        edits = text_changes(shared_subject(background.id), units, [p.text for p in body])
        kept = (len(body) - sum(1 for e in edits if e.new is not None)) / max(len(units), 1)
        if not edits:
            return None, extras, kept
        own = self._record_own(background, body)
        self.result.notes.append(
            f"bakgrunden är den gemensamma texten '{background.id}' med ändringar; nätverket får en egen "
            f"version (bakgrund_egen): {'; '.join(edit_phrase(e) for e in edits)}"
        )
        return own, after, kept

    def _record_own(self, background: Background, body: list[Paragraph]) -> dict[str, Any]:
        """body as the network's own version of background (bakgrund_egen), each value recorded."""
        own, sources = own_version(body, background, self.workspace.steering_documents)
        for paragraph in body:  # a list's items too, which stand in the value of its first
            self.result.place(paragraph.where)
        for path, shown, where in sources:
            self.result.set(("bakgrund_egen", *path), shown, where)
        return own

    def _steering_for(self, background: Background, outline: Outline) -> SteeringDocument:
        """The steering document of a document whose background is a shared text."""
        return self._steering(outline, steering_of(background, self.workspace.steering_documents))

    def _steering_by_words(self, outline: Outline) -> SteeringDocument:
        """The steering document of a document with no shared background."""
        return self._steering(outline, None)

    def _steering(self, outline: Outline, shared_background: str | None) -> SteeringDocument:
        """The steering document the text, the period and the layout point to together."""
        _, _, intro = self.purposes.split(outline)
        signals = Signals(
            comparable(" ".join(p.text for s in outline.sections for p in s.paragraphs)),
            shared_background,
            self.purposes.stated_period(intro, _heading_of(outline.section("uppdrag"))),
            layout_generation(outline),
        )
        choice = choose_steering(list(self.workspace.steering_documents.values()), signals)
        for doubt in choice.doubts:
            self.result.check(("styrdokument",), doubt)
        self.result.set(("styrdokument",), choice.document.id, choice.source)
        return choice.document

    # --- purpose ---------------------------------------------------------------------------
