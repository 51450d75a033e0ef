"""Sections into a mission: the YAML's data in its Swedish keys, where each value came from, and
what a person must check (KONTROLLERA) because the importer chose between readings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from uppdrag.check.rules import PLACEHOLDER
from uppdrag.edit.importer.headings import classify, normalise, title_rest
from uppdrag.edit.importer.meetings import NUMBER_WORDS, parse_date, read_meetings
from uppdrag.edit.importer.mending import Vocabulary
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.people import Person, parse_people, person_from_row, table_columns
from uppdrag.edit.importer.sections import Outline, Section, heading_of
from uppdrag.edit.importer.wording import clean, comparable, sentence_case, sentences
from uppdrag.errors import ImportDocumentError
from uppdrag.models import (
    DEFAULT_HEADINGS,
    PARTS,
    Assignments,
    Background,
    SteeringDocument,
    period_years,
)
from uppdrag.read.loading import Workspace

KeyPath = tuple[str | int, ...]
SHARED_MATCH = 85  # per cent alike (rapidfuzz ratio) for text to count as the shared text
GOAL_MATCH = 80

_INTRO = re.compile(
    r"\bger\s+(?:här\s+)?(?:nätverket\s+)?(?:följande\s+)?uppdrag\s+(?:för|under perioden|under)\s+(.+?)\s*[:.]?\s*$",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"\(\s*(återrapportering\b[^)]*)\)", re.IGNORECASE)


@dataclass(frozen=True)
class ReportField:
    """One value the importer set, and the paragraph it came from."""

    path: str
    value: str
    where: str
    key: KeyPath = ()


@dataclass
class Imported:
    """The mission's data, what it came from, and what a person should check."""

    data: dict[str, Any]
    fields: list[ReportField] = field(default_factory=list)
    checks: dict[KeyPath, list[str]] = field(default_factory=dict)  # KONTROLLERA, by key path
    notes: list[str] = field(default_factory=list)  # what the report says besides the fields


def dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class MissionBuilder:
    """Builds one mission from an outline, for a workspace's shared files."""

    def __init__(self, workspace: Workspace, vocabulary: Vocabulary):
        self.workspace = workspace
        self.vocabulary = vocabulary
        self.result = Imported({})

    # --- recording ---------------------------------------------------------------------

    def _set(self, path: KeyPath, value: Any, where: str) -> None:
        self.result.fields.append(ReportField(dotted(path), _shown(value), where, path))

    def _check(self, path: KeyPath, message: str) -> None:
        self.result.checks.setdefault(path, []).append(message)

    # --- the whole -----------------------------------------------------------------------

    def build(self, outline: Outline, mission_id: str | None) -> Imported:
        data = self.result.data
        name, name_where = self._name(outline)
        from uppdrag.edit.new_mission import make_id

        data["id"] = mission_id or make_id(name) or "natverk"
        self._set(("id",), data["id"], "--id" if mission_id else name_where)
        data["namn"] = name
        self._set(("namn",), name, name_where)

        background_section = outline.section("bakgrund")
        background, extras, steering = self._background(background_section, outline)
        data["styrdokument"] = steering.id
        data["bakgrund"] = background
        revised = self._dated(outline, r"revider(?:ad|at|ing)")
        if revised:
            data["reviderad"] = revised
        adopted = self._dated(outline, r"antagen|antaget|beslutad")
        if adopted and revised and revised < adopted:
            self._check(
                ("reviderad",), f"dokumentet säger antagen {adopted} men reviderad {revised}; antagen är utelämnad"
            )
        elif adopted:
            data["antagen"] = adopted
        purpose_paragraphs, assignment_paragraphs, intro = self._split_purpose(outline)
        if extras:
            data["bakgrund_tillägg"] = [clean(p.text) for p in extras]
            for index, paragraph in enumerate(extras):
                self._set(("bakgrund_tillägg", index), data["bakgrund_tillägg"][index], paragraph.where)
        data["avsnitt"] = self._sections(outline, bool(purpose_paragraphs))
        data["syfte"] = self._purpose(purpose_paragraphs, steering, extras)
        data["uppdrag"] = self._assignments(assignment_paragraphs, intro, steering)
        data["roller"] = self._roles(outline)
        meetings = self._meetings(outline.section("möten"))
        if meetings:
            data["möten"] = meetings
        return self.result

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
                return sentence_case(clean(following.text), self.vocabulary), following.where
        if paragraphs:
            first = paragraphs[0]
            self._check(
                ("namn",), "rubriken säger inte 'Uppdragsbeskrivning för nätverket …'; namnet är dess första rad"
            )
            name = re.sub(r"^(?:nätverket\s+(?:för\s+)?)", "", clean(first.text), flags=re.IGNORECASE)
            name = sentence_case(name, self.vocabulary)
            return name[:1].upper() + name[1:], first.where
        self._check(("namn",), "dokumentet har ingen rubrik med nätverkets namn")
        return PLACEHOLDER, "–"

    def _dated(self, outline: Outline, words: str) -> dt.date | None:
        for paragraph in outline.title + [p for s in outline.sections for p in s.paragraphs] + outline.margins:
            date = r"20\d\d-[01]\d-[0-3]\d|\d{1,2}\s+[a-zåäö]+\s+20\d\d"
            match = re.search(rf"(?:{words})\w*\s*:?\s*(?:den\s+)?({date})", paragraph.text, re.I)
            day = parse_date(match.group(1)) if match else None
            if day is not None:
                self._set(("reviderad" if "revider" in words else "antagen",), day, paragraph.where)
                return day
        return None

    def _sections(self, outline: Outline, has_purpose: bool) -> list[dict[str, str]]:
        """All five parts in the document's order, headed as the document heads them."""
        parts: list[dict[str, str]] = []
        for section in outline.sections:
            if any(p["del"] == section.part for p in parts):
                continue
            entry = {"del": section.part, "_where": section.heading.where if section.heading else ""}
            if section.heading is not None:
                entry["rubrik"] = sentence_case(clean(section.heading.text.rstrip(":")), self.vocabulary)
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
        for part in PARTS:
            if any(p["del"] == part for p in parts):
                continue
            before = PARTS[: PARTS.index(part)]
            position = max((i + 1 for i, p in enumerate(parts) if p["del"] in before), default=0)
            # A part the document lacks: no heading, except Möten, which shows once meetings are added.
            parts.insert(position, {"del": part, **({"rubrik": DEFAULT_HEADINGS[part]} if part == "möten" else {})})
        for index, part in enumerate(parts):
            where = part.pop("_where", "")
            self._set(("avsnitt", index), part.get("rubrik", f"({part['del']}, utan rubrik)"), where)
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

    def _background(self, section: Section | None, outline: Outline) -> tuple[str, list[Paragraph], SteeringDocument]:
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
        where = section.heading.where if section and section.heading else "–"
        if score >= SHARED_MATCH:
            steering = self._steering_for(backgrounds[background_id], outline)
            self.result.notes.append(
                f"bakgrunden är den gemensamma texten '{background_id}' ({score:.0f} % lika); den hänvisas till, inte kopieras"
            )
        elif len(extras) < len(paragraphs):
            # Part of the shared text, shortened or reworded: refer to it rather than print it twice.
            steering = self._steering_for(backgrounds[background_id], outline)
            message = (
                f"bakgrunden stämmer bara delvis med den gemensamma texten '{background_id}' ({score:.0f} % lika); "
                "den gemensamma texten används: jämför med originalet"
            )
            self._check(("bakgrund",), message)
        else:
            # No shared text fits: the steering document the text speaks of decides the background.
            steering = self._steering_by_words(outline)
            background_id = _background_of(steering, list(backgrounds.values()))
            extras = list(paragraphs)
            if paragraphs:
                message = (
                    f"bakgrunden liknar ingen gemensam text; '{background_id}' är vald och dokumentets "
                    "egen text behålls i bakgrund_tillägg"
                )
            else:
                message = f"dokumentet har ingen bakgrund; '{background_id}' är vald"
            self._check(("bakgrund",), message)
        self._set(("bakgrund",), background_id, where)
        return background_id, extras, steering

    def _steering_for(self, background: Background, outline: Outline) -> SteeringDocument:
        documents = self.workspace.steering_documents
        listed = next((b.goal_list for b in background.blocks if b.goal_list in documents), None)
        steering_id = background.id if background.id in documents else listed
        if steering_id is None:
            return self._steering_by_words(outline)
        self._set(("styrdokument",), steering_id, "bakgrunden")
        return documents[steering_id]

    def _steering_by_words(self, outline: Outline) -> SteeringDocument:
        """The steering document the text names: its name, its goals' names, its word for a goal."""
        text = comparable(" ".join(p.text for s in outline.sections for p in s.paragraphs))

        def score(document: SteeringDocument) -> float:
            names = [document.name] + [g.name for g in document.goals]
            found = sum(1 for n in names if comparable(n) in text)
            label = re.escape(document.goal_word.split()[-1] if " " in document.goal_word else document.goal_word)
            mentions = len(re.findall(rf"\b(?:prioriterat\s+)?{label}\w*\s+\d", text))
            if document.goal_word != "mål":
                mentions += len(re.findall(r"\bprioriterat\s+\w*område\w*\s+\d", text))
            return found * 2 + mentions + (1 if document.period and document.period[:4] in text else 0)

        documents = list(self.workspace.steering_documents.values())
        chosen = max(documents, key=score)
        self._check(("styrdokument",), f"styrdokumentet är valt utifrån texten: {chosen.name}")
        self._set(("styrdokument",), chosen.id, "texten")
        return chosen

    # --- purpose ---------------------------------------------------------------------------

    def _split_purpose(self, outline: Outline) -> tuple[list[Paragraph], list[Paragraph], Paragraph | None]:
        """Purpose and assignments, cut at the sentence 'Skolchefsnätverket ger följande uppdrag …'."""
        purpose = outline.section("syfte")
        assignments = outline.section("uppdrag")
        body = (purpose.paragraphs if purpose else []) + (assignments.paragraphs if assignments else [])
        for index, paragraph in enumerate(body):
            if paragraph.list_kind is None and _INTRO.search(clean(paragraph.text)):
                return body[:index], body[index + 1 :], paragraph
        return (purpose.paragraphs if purpose else []), (assignments.paragraphs if assignments else []), None

    def _goal_named(self, text: str, steering: SteeringDocument) -> str | None:
        """The goal a heading or list item names: 'Mål 2', 'Höjd utbildningsnivå', 'Tilläggs mål …'."""
        heading = classify(text.rstrip(":"))
        if heading is not None and heading.kind == "mål" and steering.goal(heading.goal or ""):
            return heading.goal
        words = comparable(re.sub(_REPORTING, "", text).rstrip(": "))
        if not words or len(words) > 160:
            return None
        best = max(steering.goals, key=lambda g: fuzz.ratio(words, comparable(g.name)))
        if fuzz.ratio(words, comparable(best.name)) >= GOAL_MATCH:
            return best.id
        for goal in steering.goals:
            if not goal.id.isdigit() and normalise(goal.id) in normalise(words).split():
                return goal.id  # "Tilläggs mål kring obehöriga elever" -> tillägg
            if not goal.id.isdigit() and normalise(words).startswith(normalise(goal.id)):
                return goal.id
        return None

    def _purpose(self, paragraphs: list[Paragraph], steering: SteeringDocument, extras: list[Paragraph]) -> dict:
        texts: list[tuple[str, Paragraph]] = []
        bullets: list[tuple[str, Paragraph]] = []
        goals: list[dict] = []
        goal_sources: list[Paragraph] = []
        numbered = False
        for paragraph in paragraphs:
            text = clean(paragraph.text)
            styled = paragraph.heading_level is not None or paragraph.bold
            is_goal_heading = paragraph.list_kind == "number" or (
                paragraph.list_kind is None
                and not text.endswith(".")
                and (styled or (len(text) < 70 and not text.endswith(":")))
            )
            goal_id = self._goal_named(text, steering) if is_goal_heading and paragraph.depth == 0 else None
            if goal_id is not None and not any(g["mål"] == goal_id for g in goals):
                goals.append({"mål": goal_id, "delmål": []})
                goal_sources.append(paragraph)
                numbered = numbered or paragraph.list_kind == "number"
            elif paragraph.list_kind is not None and goals and (paragraph.depth > 0 or not bullets):
                goals[-1]["delmål"].append(text)
            elif paragraph.list_kind is not None:
                bullets.append((text, paragraph))
            else:
                texts.append((text, paragraph))
        purpose: dict[str, Any] = {}
        if texts:
            purpose["text"] = [t for t, _ in texts]
            for index, (text, paragraph) in enumerate(texts):
                self._set(("syfte", "text", index), text, paragraph.where)
        if goals:
            purpose["mål"] = []
            for index, (goal, paragraph) in enumerate(zip(goals, goal_sources)):
                entry: dict[str, Any] = {"mål": _goal_value(goal["mål"])}
                steering_goal = steering.goal(goal["mål"])
                assert steering_goal is not None  # _goal_named found it there
                written = clean(paragraph.text)
                default = steering_goal.name if paragraph.list_kind == "number" else steering.goal_title(steering_goal)
                if normalise(written) != normalise(default):
                    entry["rubrik"] = written
                standard = steering_goal.subgoals
                own = goal["delmål"]
                label = steering.goal_label(steering_goal)
                if own and not _same_texts(own, standard):
                    entry["delmål"] = own
                    self.result.notes.append(f"delmålen under {label} är nätverkets egna och behålls")
                elif own:
                    self.result.notes.append(f"delmålen under {label} är styrdokumentets; de hänvisas till")
                purpose["mål"].append(entry)
                self._set(("syfte", "mål", index, "mål"), goal["mål"], paragraph.where)
        if bullets:
            purpose["punkter"] = [t for t, _ in bullets]
            for index, (text, paragraph) in enumerate(bullets):
                self._set(("syfte", "punkter", index), text, paragraph.where)
        focus = self._focus([t for t, _ in texts] + [clean(p.text) for p in extras], steering, bool(goals))
        if focus:
            purpose["fokus"] = [_goal_value(g) for g in focus]
            self._set(("syfte", "fokus"), ", ".join(focus), "syftets text")
        if numbered:
            purpose["numrerad"] = True
        if not (texts or goals or bullets):
            purpose["text"] = [f"{PLACEHOLDER}: vad nätverket fokuserar på och varför."]
            self._check(("syfte",), "dokumentet säger inget om syftet")
        return purpose

    def _focus(self, texts: list[str], steering: SteeringDocument, listed: bool) -> list[str]:
        found: list[str] = []
        joined = " ".join(texts)
        word = r"(\d+|en|ett|två|tre|fyra)"
        for match in re.finditer(rf"\b(?:mål|område|utvecklingsområde|utvecklingsområdet)\s+{word}\b", joined, re.I):
            number = match.group(1).lower()
            goal_id = str(NUMBER_WORDS.get(number, number))
            if steering.goal(goal_id):
                found.append(goal_id)
        if not listed:
            if re.search(r"\b(båda|alla|samtliga)\b[^.]*\b(mål|områd|utvecklingsområd)", joined, re.I):
                found += [g.id for g in steering.goals]
            for goal in steering.goals:
                if comparable(goal.name) in comparable(joined):
                    found.append(goal.id)
        return list(dict.fromkeys(found))

    # --- assignments -----------------------------------------------------------------------

    def _assignments(self, paragraphs: list[Paragraph], intro: Paragraph | None, steering: SteeringDocument) -> dict:
        result: dict[str, Any] = {}
        if intro is not None:
            match = _INTRO.search(clean(intro.text))
            period = _period(match.group(1)) if match else PLACEHOLDER
            years = period_years(period)
            if years and years[0] > years[1]:
                self._check(("uppdrag", "period"), f"perioden '{match.group(1)}' slutar före den börjar")  # type: ignore[union-attr]
                period = PLACEHOLDER
            self._set(("uppdrag", "period"), period, intro.where)
            default = Assignments(period=period, grupper=[{"punkter": ["-"]}]).intro_sentence
            if normalise(intro.text) != normalise(default):
                result["inledning"] = clean(intro.text)  # the document's own words, kept
                self._set(("uppdrag", "inledning"), result["inledning"], intro.where)
            if match and normalise(match.group(1)) not in ("kommande ar",) and not re.search(r"\d{4}", match.group(1)):
                self._check(("uppdrag", "period"), f"dokumentet säger '{match.group(1)}'; läst som '{period}'")
        else:
            period = PLACEHOLDER
            self._check(("uppdrag", "period"), "dokumentet säger inte för vilken period uppdragen gäller")
        result["period"] = period
        groups: list[dict[str, Any]] = []
        sources: list[list[Paragraph]] = []

        def open_group(goal: str | None, heading: Paragraph | None) -> dict[str, Any]:
            group: dict[str, Any] = {
                "_rubrik": [clean(heading.text)] if heading else [],
                "_where": heading.where if heading else "",
            }
            if goal is not None:
                group["mål"] = goal
            groups.append(group)
            sources.append([])
            return group

        current: dict[str, Any] | None = None
        for paragraph in paragraphs:
            text = clean(paragraph.text)
            heading = heading_of(paragraph)
            label = paragraph.list_kind is None and len(text) <= 120 and not text.endswith(".")
            goal_id = self._goal_named(text, steering) if label or (heading and heading.kind == "mål") else None
            reporting = re.match(r"^återrapportering\s+(.+?)\.?$", text, re.IGNORECASE)
            if reporting and current is not None and not current.get("punkter"):
                current["återrapportering"] = reporting.group(1)  # as `render` writes it, under the heading
            elif heading is not None and heading.kind == "mål":
                current = open_group(goal_id, paragraph)
                if heading.rest:
                    self._reporting(current, heading.rest)
            elif (
                label
                and current is not None
                and not current.get("punkter")
                and (goal_id is None or goal_id == current.get("mål"))
            ):
                # "Höjd utbildningsnivå (återrapportering …)" under "Mål 2"; under a heading that
                # already names the goal ("Mål 3: Ökad kvalitet") the name is not said twice.
                named = (
                    goal_id is not None
                    and len(current["_rubrik"]) == 1
                    and normalise(current["_rubrik"][0]) != normalise(current["_rubrik"][0].split(":")[0])
                )
                if not named:
                    current["_rubrik"].append(text)
                self._reporting(current, text)
            elif label and goal_id is not None:
                current = open_group(goal_id, paragraph)
                self._reporting(current, text)
            else:
                if current is None:
                    current = open_group(None, None)
                current.setdefault("punkter", []).append(text)
                sources[-1].append(paragraph)
        for index, (group, paragraphs_of) in enumerate(zip(groups, sources)):
            rubrik = clean(_REPORTING.sub("", " ".join(group.pop("_rubrik"))))
            heading_where = group.pop("_where")
            default = ""
            if "mål" in group:
                self._set(("uppdrag", "grupper", index, "mål"), group["mål"], heading_where)
                default = steering.goal_title(steering.goal(group["mål"]))  # type: ignore[arg-type]
                group["mål"] = _goal_value(group["mål"])
            if rubrik and normalise(rubrik) != normalise(default):
                group["rubrik"] = rubrik
            for item, paragraph in zip(group.get("punkter", []), paragraphs_of):
                self._set(("uppdrag", "grupper", index, "punkter", group["punkter"].index(item)), item, paragraph.where)
            if not group.get("punkter"):
                group["punkter"] = [f"{PLACEHOLDER}: uppdragen under denna rubrik."]
                self._check(("uppdrag", "grupper", index), "rubriken har inga uppdrag under sig i dokumentet")
        if not groups:
            groups.append({"punkter": [f"{PLACEHOLDER}: ett uppdrag från skolchefsnätverket."]})
            self._check(("uppdrag", "grupper"), "dokumentet har inga uppdrag som gick att läsa")
        result["grupper"] = [_ordered(g, ("rubrik", "mål", "återrapportering", "punkter")) for g in groups]
        return _ordered(result, ("period", "inledning", "grupper"))

    def _reporting(self, group: dict[str, Any], text: str) -> None:
        match = _REPORTING.search(text)
        if match:
            group["återrapportering"] = clean(match.group(1)).removeprefix("återrapportering").strip()

    # --- roles ------------------------------------------------------------------------------

    def _roles(self, outline: Outline) -> list[dict[str, Any]]:
        roles: list[dict[str, Any]] = []
        holders: list[tuple[Person, tuple[str, ...], str]] = []
        for section in [s for s in outline.sections if s.part == "roller"]:
            for block in section.roles:
                role: dict[str, Any] = {"roll": list(block.kinds), "ansvar": []}
                heading = sentence_case(clean(block.heading.text), self.vocabulary)
                if normalise(heading) != normalise("/".join(block.kinds)):
                    role["rubrik"] = heading
                index = len(roles)
                self._set(("roller", index, "roll"), "/".join(block.kinds), block.heading.where)
                columns: dict[int, str] | None = None
                for paragraph in block.paragraphs:
                    if paragraph.cells:  # a member table: | Namn | Kommun | Roll |
                        columns = table_columns(paragraph.cells) or columns
                        person = person_from_row(paragraph.cells, columns) if columns else None
                        if person is not None:
                            holders.append((person, block.kinds, paragraph.where))
                        continue
                    line = parse_people(paragraph.text)
                    if line is not None:
                        for person in line.people:
                            holders.append((person, line.roles or block.kinds, paragraph.where))
                        continue
                    for sentence in sentences(paragraph.text):
                        if not sentence.endswith((".", "!", "?", ":")):
                            sentence += "."  # a duty is a sentence, as the schema has it
                        role["ansvar"].append(sentence)
                        self._set(("roller", index, "ansvar", len(role["ansvar"]) - 1), sentence, paragraph.where)
                roles.append(role)
        # People named outside a role's own paragraphs: "Ordförande: Emma Friman, Lidköping".
        for section in outline.sections:
            columns = None
            for paragraph in section.paragraphs:  # in a roles section: before its first role
                if paragraph.cells:
                    columns = table_columns(paragraph.cells) or columns
                    person = person_from_row(paragraph.cells, columns) if columns else None
                    if person is not None:
                        holders.append((person, (), paragraph.where))
                        if not person.roles:
                            self._check(("roller",), f"{person.name} står i en tabell utan roll ({paragraph.where})")
                    continue
                line = parse_people(paragraph.text)
                if line is not None and line.roles:
                    for person in line.people:
                        holders.append((person, line.roles, paragraph.where))
        for person, kinds, where in holders:
            for kind in dict.fromkeys(kinds + person.roles):
                self._add_person(roles, kind, person, where)
        for index, role in enumerate(roles):
            if not role["ansvar"]:
                role["ansvar"] = [f"{PLACEHOLDER}: rollens ansvar."]
                self._check(("roller", index, "ansvar"), "dokumentet säger inte vad rollen ansvarar för")
            if len(role["roll"]) == 1:
                role["roll"] = role["roll"][0]
        if not roles:
            raise ImportDocumentError(
                "dokumentet ser inte ut som en uppdragsbeskrivning: det har inga roller (ordförande, sekreterare, presidium …)"
            )
        return [_ordered(r, ("roll", "rubrik", "ansvar", "personer")) for r in roles]

    def _add_person(self, roles: list[dict[str, Any]], kind: str, person: Person, where: str) -> None:
        index = next((i for i, r in enumerate(roles) if kind in r["roll"]), None)
        if index is None:
            roles.append({"roll": [kind], "ansvar": []})
            index = len(roles) - 1
            self._check(
                ("roller", index), f"rollen {kind} har inget eget avsnitt i dokumentet, bara personer ({where})"
            )
        role = roles[index]
        people = role.setdefault("personer", [])
        if person.municipality is None:
            self._check(
                ("roller", index, "personer"),
                f"{person.name}: '{person.written}' är ingen av Skaraborgs 15 kommuner; personen är inte med",
            )
            return
        entry = {"namn": clean(person.name), "kommun": person.municipality}
        if entry in people:
            return
        people.append(entry)
        self._set(("roller", index, "personer", len(people) - 1), f"{entry['namn']}, {entry['kommun']}", where)
        if person.guessed:
            self._check(
                ("roller", index, "personer", len(people) - 1),
                f"'{person.written}' läst som {person.municipality}",
            )

    # --- meetings --------------------------------------------------------------------------

    def _meetings(self, section: Section | None) -> dict[str, Any] | None:
        if section is None:
            return None
        return read_meetings(section.paragraphs, self._set, self._check)


# --- helpers ------------------------------------------------------------------------------------


def _background_of(steering: SteeringDocument, backgrounds: list[Background]) -> str:
    """The shared background that goes with a steering document (as `uppdrag new` picks it)."""
    for background in backgrounds:
        if background.id == steering.id or any(b.goal_list == steering.id for b in background.blocks):
            return background.id
    return backgrounds[0].id


def _goal_value(goal_id: str) -> int | str:
    return int(goal_id) if goal_id.isdigit() else goal_id


def _period(text: str) -> str:
    years = re.findall(r"\d{4}", text)
    if len(years) >= 2:
        return f"{years[0]}–{years[1]}"
    if years:
        return years[0]
    return "kommande år"


def _same_texts(own: list[str], standard: list[str]) -> bool:
    return len(own) == len(standard) and all(
        fuzz.ratio(comparable(a), comparable(b)) >= 90 for a, b in zip(own, standard)
    )


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    return {key: mapping[key] for key in order if key in mapping} | {k: v for k, v in mapping.items() if k not in order}


def _shown(value: Any) -> str:
    if value is True:
        return "ja"
    return str(value)
