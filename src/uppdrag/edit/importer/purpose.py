"""The purpose and the assignments: goals in focus (headings or a numbered list), own sub-points,
the intro sentence, groups with their goal and reporting note."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from uppdrag.check.rules import PLACEHOLDER
from uppdrag.edit.importer.headings import classify, normalise
from uppdrag.edit.importer.meetings import NUMBER_WORDS
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.periods import StatedPeriod, stated_period
from uppdrag.edit.importer.reporting import GROUP_KEYS, reported_back
from uppdrag.edit.importer.sections import Outline, heading_of
from uppdrag.edit.importer.wording import clean, comparable
from uppdrag.edit.importer.yaml_text import ordered
from uppdrag.models import (
    Assignments,
    SteeringDocument,
)

if TYPE_CHECKING:
    from uppdrag.edit.importer.recorder import Imported

GOAL_MATCH = 80  # per cent alike (rapidfuzz ratio) for a heading to name a goal

# "Skolchefsnätverket ger följande uppdrag för 2025–2026:" — the sentence that opens the assignments
INTRO = re.compile(
    r"\bger\s+(?:här\s+)?(?:nätverket\s+)?(?:följande\s+)?uppdrag\s+(?:för|under perioden|under)\s+(.+?)\s*[:.]?\s*$",
    re.IGNORECASE,
)
# "Nätverket ska under 2026:" — a plain line that leads into the first list of assignments; its
# period, when it names one, is read as the standard sentence's is
LEAD_IN_PERIOD = re.compile(
    r"\b(?:för|under)\s+((?:läsåret\s+)?(?:20\d\d\S*(?:\s*[–-]\s*20\d\d)?|kommande år))\s*:\s*$", re.IGNORECASE
)
REPORTING = re.compile(r"\(\s*(återrapportering\b[^)]*)\)", re.IGNORECASE)


def goal_value(goal_id: str) -> int | str:
    """A goal's id as the YAML writes it: 2, not '2'; 'tillägg' as it is."""
    return int(goal_id) if goal_id.isdigit() else goal_id


def same_texts(own: list[str], standard: list[str]) -> bool:
    """The network's sub-goals are the steering document's, allowing for small rewordings."""
    return len(own) == len(standard) and all(
        fuzz.ratio(comparable(a), comparable(b)) >= 90 for a, b in zip(own, standard)
    )


class PurposeReader:
    """The reading of the purpose and the assignments, into the recorder."""

    def __init__(self, result: Imported, today: dt.date):
        self.result = result
        self.today = today  # "för kommande år" is the calendar year after it

    def split(self, outline: Outline) -> tuple[list[Paragraph], list[Paragraph], Paragraph | None]:
        """Purpose and assignments, cut at the sentence 'Skolchefsnätverket ger följande uppdrag …'."""
        purpose = outline.section("syfte")
        assignments = outline.section("uppdrag")
        body = (purpose.paragraphs if purpose else []) + (assignments.paragraphs if assignments else [])
        for index, paragraph in enumerate(body):
            if paragraph.list_kind is None and INTRO.search(clean(paragraph.text)):
                return body[:index], body[index + 1 :], paragraph
        own = assignments.paragraphs if assignments else []
        if len(own) > 1 and _leads_in(own[0], own[1]):
            return (purpose.paragraphs if purpose else []), own[1:], own[0]
        return (purpose.paragraphs if purpose else []), own, None

    def _goal_named(self, text: str, steering: SteeringDocument) -> str | None:
        """The goal a heading or list item names: 'Mål 2', 'Höjd utbildningsnivå', 'Tilläggs mål …'."""
        heading = classify(text.rstrip(":"))
        if heading is not None and heading.kind == "mål" and steering.goal(heading.goal or ""):
            return heading.goal
        words = comparable(re.sub(REPORTING, "", text).rstrip(": "))
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

    def purpose(
        self, paragraphs: list[Paragraph], steering: SteeringDocument, extras: list[Paragraph]
    ) -> dict[str, Any]:
        texts: list[tuple[str, Paragraph]] = []
        bullets: list[tuple[str, Paragraph]] = []
        goals: list[dict[str, Any]] = []
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
                self.result.place(paragraph.where)  # the goal's own sub-goals, or the standard ones
            elif paragraph.list_kind is not None:
                bullets.append((text, paragraph))
            else:
                texts.append((text, paragraph))
        purpose: dict[str, Any] = {}
        if texts:
            purpose["text"] = [t for t, _ in texts]
            for index, (text, paragraph) in enumerate(texts):
                self.result.set(("syfte", "text", index), text, paragraph.where)
        if goals:
            purpose["mål"] = []
            for index, (goal, paragraph) in enumerate(zip(goals, goal_sources)):
                entry: dict[str, Any] = {"mål": goal_value(goal["mål"])}
                steering_goal = steering.goal(goal["mål"])
                assert steering_goal is not None  # _goal_named found it there
                written = clean(paragraph.text)
                default = steering_goal.name if paragraph.list_kind == "number" else steering.goal_title(steering_goal)
                if normalise(written) != normalise(default):
                    entry["rubrik"] = written
                standard = steering_goal.subgoals
                own = goal["delmål"]
                label = steering.goal_label(steering_goal)
                if own and not same_texts(own, standard):
                    entry["delmål"] = own
                    self.result.notes.append(f"delmålen under {label} är nätverkets egna och behålls")
                elif own:
                    self.result.notes.append(f"delmålen under {label} är styrdokumentets; de hänvisas till")
                purpose["mål"].append(entry)
                self.result.set(("syfte", "mål", index, "mål"), goal["mål"], paragraph.where)
        if bullets:
            purpose["punkter"] = [t for t, _ in bullets]
            for index, (text, paragraph) in enumerate(bullets):
                self.result.set(("syfte", "punkter", index), text, paragraph.where)
        focus = self._focus([t for t, _ in texts] + [clean(p.text) for p in extras], steering, bool(goals))
        if focus:
            purpose["fokus"] = [goal_value(g) for g in focus]
            self.result.set(("syfte", "fokus"), ", ".join(focus), "syftets text")
        if numbered:
            purpose["numrerad"] = True
        if not (texts or goals or bullets):
            purpose["text"] = [f"{PLACEHOLDER}: vad nätverket fokuserar på och varför."]
            self.result.check(("syfte",), "dokumentet säger inget om syftet")
        return purpose

    def _focus(self, texts: list[str], steering: SteeringDocument, listed: bool) -> list[str]:
        found: list[str] = []
        joined = " ".join(texts)
        word = r"(\d+|en|ett|två|tre|fyra)"
        for match in re.finditer(
            rf"\b(?:mål|område|utvecklingsområde|utvecklingsområdet)\s+{word}\b", joined, re.IGNORECASE
        ):
            number = match.group(1).lower()
            goal_id = str(NUMBER_WORDS.get(number, number))
            if steering.goal(goal_id):
                found.append(goal_id)
        if not listed:
            if re.search(r"\b(båda|alla|samtliga)\b[^.]*\b(mål|områd|utvecklingsområd)", joined, re.IGNORECASE):
                found += [g.id for g in steering.goals]
            for goal in steering.goals:
                if comparable(goal.name) in comparable(joined):
                    found.append(goal.id)
        return list(dict.fromkeys(found))

    # --- assignments -----------------------------------------------------------------------

    def stated_period(self, intro: Paragraph | None, section_heading: Paragraph | None) -> StatedPeriod | None:
        """The period of the assignments: from the sentence that opens them ("… ger följande uppdrag
        för 2025–2026:"), else from the section's heading ("Uppdrag 2026"); nothing is recorded."""
        if intro is not None:
            match = INTRO.search(clean(intro.text)) or LEAD_IN_PERIOD.search(clean(intro.text))
            return stated_period(match.group(1), intro.where, self.today) if match else None
        if section_heading is not None and re.search(r"\b20\d\d\b", section_heading.text):
            return stated_period(clean(section_heading.text), section_heading.where, self.today, from_heading=True)
        return None

    def assignments(
        self,
        paragraphs: list[Paragraph],
        intro: Paragraph | None,
        steering: SteeringDocument,
        section_heading: Paragraph | None = None,
    ) -> dict[str, Any]:
        """The assignments; section_heading is the section's heading, whose year ("Uppdrag 2026") is the
        period when no sentence states one."""
        result: dict[str, Any] = {}
        stated = self.stated_period(intro, section_heading)
        if intro is not None:
            period = stated.period if stated is not None else PLACEHOLDER  # no period in the sentence: FYLL I
            years = stated.years if stated is not None else None
            if stated is not None and years and years[0] > years[1]:
                self.result.check(("uppdrag", "period"), f"perioden '{stated.written}' slutar före den börjar")
                period = PLACEHOLDER
            self.result.set(("uppdrag", "period"), period, intro.where)
            default = Assignments.model_validate({"period": period, "grupper": [{"punkter": ["-"]}]}).intro_sentence
            if normalise(intro.text) != normalise(default):
                result["inledning"] = clean(intro.text)  # the document's own words, kept
                self.result.set(("uppdrag", "inledning"), result["inledning"], intro.where)
            if stated is not None and stated.doubt is not None and period != PLACEHOLDER:
                self.result.check(("uppdrag", "period"), stated.doubt)
        elif stated is not None:
            # "Uppdrag 2026": the period the heading names, a reading the file marks
            period = stated.period
            self.result.set(("uppdrag", "period"), period, stated.where)
            self.result.check(("uppdrag", "period"), stated.doubt or f"perioden är läst ur rubriken '{stated.written}'")
        else:
            period = PLACEHOLDER
            self.result.check(("uppdrag", "period"), "dokumentet säger inte för vilken period uppdragen gäller")
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
                self.result.place(paragraph.where)
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
                self.result.place(paragraph.where)  # the group's heading
            elif label and goal_id is not None:
                current = open_group(goal_id, paragraph)
                self._reporting(current, text)
            elif paragraph.list_kind is None and sources and sources[-1] and sources[-1][-1].list_kind is not None:
                self._after_points(current, len(groups) - 1, text, paragraph)
            else:
                if current is None:
                    current = open_group(None, None)
                current.setdefault("punkter", []).append(text)
                sources[-1].append(paragraph)
        for index, (group, paragraphs_of) in enumerate(zip(groups, sources)):
            rubrik = clean(REPORTING.sub("", " ".join(group.pop("_rubrik"))))
            heading_where = group.pop("_where")
            default = ""
            if "mål" in group:
                self.result.set(("uppdrag", "grupper", index, "mål"), group["mål"], heading_where)
                goal = steering.goal(group["mål"])
                assert goal is not None  # _goal_id reads ids from this steering document's goals only
                default = steering.goal_title(goal)
                group["mål"] = goal_value(group["mål"])
            if rubrik and normalise(rubrik) != normalise(default):
                group["rubrik"] = rubrik
            for item, paragraph in zip(group.get("punkter", []), paragraphs_of):
                self.result.set(
                    ("uppdrag", "grupper", index, "punkter", group["punkter"].index(item)), item, paragraph.where
                )
            if not group.get("punkter"):
                group["punkter"] = [f"{PLACEHOLDER}: uppdragen under denna rubrik."]
                self.result.check(("uppdrag", "grupper", index), "rubriken har inga uppdrag under sig i dokumentet")
        if not groups:
            groups.append({"punkter": [f"{PLACEHOLDER}: ett uppdrag från skolchefsnätverket."]})
            self.result.check(("uppdrag", "grupper"), "dokumentet har inga uppdrag som gick att läsa")
        result["grupper"] = [ordered(g, GROUP_KEYS) for g in groups]
        return ordered(result, ("period", "inledning", "grupper"))

    def _after_points(self, group: dict[str, Any] | None, index: int, text: str, paragraph: Paragraph) -> None:
        """A plain paragraph after a group's list items is no item of the list: a sentence on how
        the assignments are reported back is the group's `återrapportering`; anything else has no
        place and is marked, never made an assignment unsaid."""
        told = reported_back(text)
        if group is not None and told is not None and "återrapportering" not in group:
            group["återrapportering"] = told
            self.result.set(("uppdrag", "grupper", index, "återrapportering"), told, paragraph.where)
            return
        shown = text if len(text) <= 80 else text[:79] + "…"
        self.result.check(
            ("uppdrag", "grupper", index),
            f"texten '{shown}' ({paragraph.where}) står efter uppdragens punkter men är ingen punkt; "
            "den har ingen plats i filen",
        )

    def _reporting(self, group: dict[str, Any], text: str) -> None:
        match = REPORTING.search(text)
        if match:
            group["återrapportering"] = clean(match.group(1)).removeprefix("återrapportering").strip()

    # --- roles ------------------------------------------------------------------------------


def _leads_in(paragraph: Paragraph, following: Paragraph) -> bool:
    """paragraph is a plain line ending in ':' that opens the list after it ("Nätverket ska under
    2026:"): the assignments' lead-in, never an assignment of its own."""
    text = clean(paragraph.text)
    return paragraph.list_kind is None and following.list_kind is not None and text.endswith(":") and len(text) <= 200
