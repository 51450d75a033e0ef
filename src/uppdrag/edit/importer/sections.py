"""Paragraphs into the document's sections: title, Bakgrund, Syfte, Uppdrag, roles and Möten.

The Måldokument documents put their roles ("Uppdrag ordförande:") straight after the
assignments with no "Roller och ansvar" heading; such roles open a roles section of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from uppdrag.edit.importer.headings import SECTIONS, Heading, classify, normalise, styled_section, title_rest
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
    if heading is None and paragraph.heading_level is not None and title_rest(text) is None:
        return styled_section(text.rstrip(":"))  # "Roller, ansvar och kontaktvägar"
    return heading


def outline(paragraphs: list[Paragraph], names_content: Callable[[str], bool] = lambda text: False) -> Outline:
    """The document's sections; names_content(text) is true of a heading that is a part's own
    content (a goal's name styled like the sections' headings), so it opens no text without a place."""
    title: list[Paragraph] = []
    sections: list[Section] = []
    margins = [p for p in paragraphs if p.margin]
    outline_unknown: list[tuple[str, Paragraph]] = []
    section_level: int | None = None  # the style level of the last section heading that had one
    stray = False  # under a heading of that level that names no part ("Övrigt"): text without a place
    for paragraph in (p for p in paragraphs if not p.margin):
        heading = heading_of(paragraph)
        current = sections[-1] if sections else None
        if heading is not None:
            stray = False
        if heading is not None and heading.kind in SECTIONS:
            if current is not None and current.part == heading.kind:
                current.paragraphs.append(paragraph)  # "Uppdrag" inside "Syfte/uppdrag" text: keep
                continue
            sections.append(Section(heading.kind, paragraph))
            section_level = paragraph.heading_level if paragraph.heading_level is not None else section_level
        elif heading is not None and heading.kind == "roll" and current is not None:
            if current.part != "roller":
                current = Section("roller", None)
                sections.append(current)
            current.roles.append(RoleBlock(paragraph, heading.roles))
        elif current is None:
            title.append(paragraph)
        elif stray or (
            heading is None and _sibling_heading(paragraph, section_level) and not names_content(paragraph.text)
        ):
            stray = True  # neither read into the part before it nor dropped: the report lists it
            outline_unknown.append((current.part, paragraph))
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


def _sibling_heading(paragraph: Paragraph, section_level: int | None) -> bool:
    """A heading styled like the sections' own that names none of them ("Övrigt" added by a
    reviewer between "Uppdrag" and "Roller och ansvar"): what follows it is no part's text."""
    level = paragraph.heading_level
    return level is not None and section_level is not None and 0 < level <= section_level


def _unknown_heading(paragraph: Paragraph) -> bool:
    """'MÅL', 'Övrigt': a heading that names no section, role or goal."""
    return paragraph.list_kind is None and normalise(paragraph.text) in _NAMELESS_HEADINGS
