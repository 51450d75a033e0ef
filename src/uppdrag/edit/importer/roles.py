"""Roles and people, and the meetings section, as the importer reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from uppdrag.check.rules import PLACEHOLDER
from uppdrag.edit.importer.headings import normalise, without_typed_number
from uppdrag.edit.importer.meetings import read_meetings
from uppdrag.edit.importer.mending import Vocabulary
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.edit.importer.people import (
    Person,
    members_line,
    parse_people,
    parse_person,
    person_from_row,
    table_columns,
)
from uppdrag.edit.importer.sections import Outline, Section
from uppdrag.edit.importer.wording import clean, sentence_case, sentences
from uppdrag.edit.importer.yaml_text import ordered
from uppdrag.errors import ImportDocumentError
from uppdrag.read.yamlsource import KeyPath

if TYPE_CHECKING:
    from uppdrag.edit.importer.recorder import Imported
    from uppdrag.read.loading import Workspace


def person_entry(person: Person) -> dict[str, str]:
    """A person in the YAML's keys, in the schema's order."""
    entry = {"namn": clean(person.name)}
    if person.municipality:
        entry["kommun"] = person.municipality
    if person.title:
        entry["titel"] = person.title
    if person.email:
        entry["e-post"] = person.email
    return entry


class RoleReader:
    """The reading of the roles, their people, the members and the meeting rule, into the recorder."""

    def __init__(self, result: Imported, workspace: Workspace, vocabulary: Vocabulary):
        self.result = result
        self.workspace = workspace
        self.vocabulary = vocabulary  # for the headings' casing

    def roles(self, outline: Outline) -> list[dict[str, Any]]:
        roles: list[dict[str, Any]] = []
        holders: list[tuple[Person, tuple[str, ...], str]] = []
        for section in [s for s in outline.sections if s.part == "roller"]:
            for block in section.roles:
                role: dict[str, Any] = {"roll": list(block.kinds), "ansvar": []}
                heading = sentence_case(clean(without_typed_number(block.heading.text)), self.vocabulary)
                if normalise(heading) != normalise("/".join(block.kinds)):
                    role["rubrik"] = heading
                index = len(roles)
                self.result.set(("roller", index, "roll"), "/".join(block.kinds), block.heading.where)
                columns: dict[int, str] | None = None
                for paragraph in block.paragraphs:
                    if paragraph.cells:  # a member table: | Namn | Kommun | Roll |
                        columns = self._table_header(paragraph) or columns
                        person = person_from_row(paragraph.cells, columns) if columns else None
                        if person is not None:
                            holders.append((person, block.kinds, paragraph.where))
                        continue
                    if members_line(paragraph.text) is not None:
                        continue  # "Kommunrepresentanter: …": the members (_members)
                    line = parse_people(paragraph.text)
                    if line is not None:
                        for person in line.people:
                            holders.append((person, line.roles or block.kinds, paragraph.where))
                        continue
                    one = parse_person(paragraph.text, any_place=True)
                    if one is not None:
                        holders.append((one, one.roles or block.kinds, paragraph.where))
                        continue
                    self._duties(role, index, paragraph)
                roles.append(role)
        # People named outside a role's own paragraphs: "Ordförande: Emma Friman, Lidköping". In
        # the roles section, the text after such a line, up to the next one, is that role's duties.
        inline_duties: list[tuple[tuple[str, ...], Paragraph]] = []
        for section in outline.sections:
            columns = None
            named: tuple[str, ...] = ()
            for paragraph in section.paragraphs:  # in a roles section: before its first role
                if paragraph.cells:
                    columns = self._table_header(paragraph) or columns
                    person = person_from_row(paragraph.cells, columns) if columns else None
                    if person is not None and person.roles:
                        holders.append((person, (), paragraph.where))
                    continue  # a row without a role: a member (_members)
                line = parse_people(paragraph.text)
                if line is not None and line.roles:
                    named = line.roles
                    for person in line.people:
                        holders.append((person, line.roles, paragraph.where))
                elif named and section.part == "roller":
                    inline_duties.append((named, paragraph))
        for person, kinds, where in holders:
            for kind in dict.fromkeys(kinds + person.roles):
                self._add_person(roles, kind, person, where)
        for kinds, paragraph in inline_duties:
            index = next(i for i, r in enumerate(roles) if kinds[0] in r["roll"])
            self._duties(roles[index], index, paragraph)
        for index, role in enumerate(roles):
            if not role["ansvar"]:
                role["ansvar"] = [f"{PLACEHOLDER}: rollens ansvar."]
                self.result.check(("roller", index, "ansvar"), "dokumentet säger inte vad rollen ansvarar för")
            if len(role["roll"]) == 1:
                role["roll"] = role["roll"][0]
        if not roles:
            raise ImportDocumentError(
                "dokumentet ser inte ut som en uppdragsbeskrivning: det har inga roller (ordförande, sekreterare, presidium …)"
            )
        return [ordered(r, ("roll", "rubrik", "ansvar", "personer")) for r in roles]

    def _duties(self, role: dict[str, Any], index: int, paragraph: Paragraph) -> None:
        for sentence in sentences(paragraph.text):
            # a duty is a sentence, as the schema has it
            duty = sentence if sentence.endswith((".", "!", "?", ":")) else sentence + "."
            role["ansvar"].append(duty)
            self.result.set(("roller", index, "ansvar", len(role["ansvar"]) - 1), duty, paragraph.where)

    def _add_person(self, roles: list[dict[str, Any]], kind: str, person: Person, where: str) -> None:
        index = next((i for i, r in enumerate(roles) if kind in r["roll"]), None)
        if index is None:
            roles.append({"roll": [kind], "ansvar": []})
            index = len(roles) - 1
            self.result.check(
                ("roller", index),
                f"rollen {kind} har ingen egen rubrik i dokumentet, bara en rad med personer ({where})",
            )
        self._add_to(("roller", index, "personer"), roles[index].setdefault("personer", []), person, where)

    def _add_to(self, path: KeyPath, people: list[dict[str, Any]], person: Person, where: str) -> None:
        """person into people (a role's or the members), unless it is there already. A municipality
        that is none of the organisation's is never dropped and never changed to a near one: the
        person is kept without it and the file says what the document wrote."""
        unknown = person.written if person.written and person.municipality is None else None
        entry = person_entry(person)
        if any(p["namn"] == entry["namn"] and p.get("kommun") == entry.get("kommun") for p in people):
            return
        people.append(entry)
        shown = ", ".join(str(v) for v in entry.values())
        self.result.set((*path, len(people) - 1), shown, where)
        if unknown is not None:
            self.result.check(
                (*path, len(people) - 1),
                f"kommunen '{unknown}' finns inte i organisationen ({self.workspace.organisation.name}); "
                f"{person.name} är med utan kommun",
            )
        if person.guessed:
            self.result.check((*path, len(people) - 1), f"'{person.written}' läst som {person.municipality}")
        if any(c in "&6é3" for c in entry["namn"]):  # OCR's å, ä, ö; a name is in no word list
            self.result.check(
                (*path, len(people) - 1),
                f"namnet '{entry['namn']}' kan vara skadat av OCR (&, 6, 3 och é står ofta för å, ä och ö)",
            )

    def _table_header(self, paragraph: Paragraph) -> dict[int, str] | None:
        """The columns a people table's header row names; the header is placed, never a person."""
        columns = table_columns(paragraph.cells)
        if columns is not None:
            self.result.place(paragraph.where)
        return columns

    # --- members ---------------------------------------------------------------------------

    def members(self, outline: Outline) -> list[dict[str, Any]]:
        """The network's members: the people of a members section ("Kommunrepresentanter",
        "Nätverkets sammansättning"), and of a people table without a role column anywhere."""
        members: list[dict[str, Any]] = []
        for section in outline.sections:
            columns: dict[int, str] | None = None
            own = section.part == "medlemmar"
            role_paragraphs = [p for block in section.roles for p in block.paragraphs]
            for paragraph in section.paragraphs + role_paragraphs:
                if paragraph.cells and paragraph in role_paragraphs:
                    continue  # a role's own table: its people are the role's
                if paragraph.cells:
                    columns = self._table_header(paragraph) or columns
                    person = person_from_row(paragraph.cells, columns) if columns else None
                    if person is not None and not person.roles:
                        self._add_to(("medlemmar",), members, person, paragraph.where)
                        if not own:
                            self.result.check(
                                ("medlemmar",),
                                f"{person.name} står i en tabell utan roll ({paragraph.where}); läst som medlem",
                            )
                    elif own and person is None and columns is None:
                        self.result.check(
                            ("medlemmar",), f"raden '{paragraph.text}' ({paragraph.where}) är ingen person"
                        )
                    continue
                inline = members_line(paragraph.text)
                if inline is not None:
                    for person in inline:
                        self._add_to(("medlemmar",), members, person, paragraph.where)
                    continue
                if not own:
                    continue
                line = parse_people(paragraph.text)
                people = line.people if line is not None else []
                one = parse_person(paragraph.text, alone=True) if not people else None
                for person in people + ([one] if one else []):
                    self._add_to(("medlemmar",), members, person, paragraph.where)
                if not people and one is None:
                    self.result.check(
                        ("medlemmar",), f"texten '{paragraph.text}' ({paragraph.where}) är ingen medlem och är inte med"
                    )
        return members

    # --- meetings --------------------------------------------------------------------------

    def meetings(self, section: Section | None) -> dict[str, Any] | None:
        if section is None:
            return None
        return read_meetings(
            section.paragraphs, self.result.set, self.result.check, self.result.leave, self.result.place
        )
