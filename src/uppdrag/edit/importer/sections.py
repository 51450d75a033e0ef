"""Paragraphs into the document's sections: title, Bakgrund, Syfte, Uppdrag, roles and Möten.

The Måldokument documents put their roles ("Uppdrag ordförande:") straight after the
assignments with no "Roller och ansvar" heading; such roles open a roles section of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from uppdrag.edit.importer.headings import SECTIONS, Heading, classify, normalise
from uppdrag.edit.importer.paragraphs import Paragraph


@dataclass
class RoleBlock:
    heading: Paragraph
    kinds: tuple[str, ...]
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Section:
    part: str  # bakgrund, syfte, uppdrag, roller, medlemmar or möten
    heading: Paragraph | None  # None: the document has no heading here
    paragraphs: list[Paragraph] = field(default_factory=list)
    roles: list[RoleBlock] = field(default_factory=list)


@dataclass
class Outline:
    title: list[Paragraph]
    sections: list[Section]
    margins: list[Paragraph] = field(default_factory=list)  # running headers and footers
    # (part, heading) of headings the importer does not know ("MÅL" with nothing under it): not
    # data; the report lists them as text without a place
    unknown_headings: list[tuple[str, Paragraph]] = field(default_factory=list)

    def section(self, part: str) -> Section | None:
        return next((s for s in self.sections if s.part == part), None)


def heading_of(paragraph: Paragraph) -> Heading | None:
    """A paragraph that is a heading the importer knows; a bullet never is, though a numbered
    heading ("1. Bakgrund") may be."""
    if paragraph.list_kind == "bullet" or paragraph.depth > 0:
        return None
    text = paragraph.text.strip()
    if text.endswith(".") or len(text) > 80:
        return None
    heading = classify(text.rstrip(":"))
    if heading is not None and heading.kind == "mål" and paragraph.list_kind is not None:
        return None  # "1. Mål 1 …" in a list is a goal in the purpose, handled there
    return heading


def outline(paragraphs: list[Paragraph]) -> Outline:
    title: list[Paragraph] = []
    sections: list[Section] = []
    margins = [p for p in paragraphs if p.margin]
    outline_unknown: list[tuple[str, Paragraph]] = []
    for paragraph in (p for p in paragraphs if not p.margin):
        heading = heading_of(paragraph)
        current = sections[-1] if sections else None
        if heading is not None and heading.kind in SECTIONS:
            if current is not None and current.part == heading.kind:
                current.paragraphs.append(paragraph)  # "Uppdrag" inside "Syfte/uppdrag" text: keep
                continue
            sections.append(Section(heading.kind, paragraph))
        elif heading is not None and heading.kind == "roll" and current is not None:
            if current.part != "roller":
                current = Section("roller", None)
                sections.append(current)
            current.roles.append(RoleBlock(paragraph, heading.roles))
        elif current is None:
            title.append(paragraph)
        elif heading is None and _unknown_heading(paragraph):
            outline_unknown.append((current.part, paragraph))
        elif current.part == "roller" and current.roles:
            current.roles[-1].paragraphs.append(paragraph)
        else:
            current.paragraphs.append(paragraph)
    return Outline(title, sections, margins, outline_unknown)


# Headings that name no part of a mission file: what stands under them is read by its own part,
# and the heading itself is no data ("MÅL" alone before the roles in older documents).
_NAMELESS_HEADINGS = frozenset({"mal", "malsattning", "ovrigt", "inledning", "organisation"})


def _unknown_heading(paragraph: Paragraph) -> bool:
    """'MÅL', 'Övrigt': a heading that names no section, role or goal."""
    return paragraph.list_kind is None and normalise(paragraph.text) in _NAMELESS_HEADINGS
