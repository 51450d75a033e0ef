"""The section "Återrapportering": how the network reports back. The file has no section for it:
the assignments' groups carry `återrapportering` ("till skolchefer i maj"), and a sentence about
minutes is the meetings' `minnesanteckningar`. What fits neither is listed and marked where it
would belong (KONTROLLERA), never guessed into a field."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from uppdrag.edit.importer.sections import Section
from uppdrag.edit.importer.wording import clean, sentences
from uppdrag.edit.importer.yaml_text import ordered

if TYPE_CHECKING:
    from uppdrag.edit.importer.recorder import Imported

# "Nätverket återrapporterar till skolchefsnätverket i maj." and "Återrapportering sker till
# skolchefsnätverket i maj." -> "till skolchefsnätverket i maj"
_REPORTS = re.compile(
    r"^(?:(?:nätverket\s+)?(?:ska\s+)?(?:åter)?rapporter(?:ar|a|as)\s+(?:sitt\s+arbete\s+)?"
    r"|(?:åter)?rapportering(?:en)?\s+(?:av\s+uppdragen\s+)?(?:sker|görs|ska\s+ske|ska\s+göras)\s+)"
    r"((?:till|löpande|en|två|varje)\b.{3,200}?)\.?$",
    re.IGNORECASE,
)
GROUP_KEYS = ("rubrik", "mål", "återrapportering", "punkter")  # a group's keys as the files write them
_MINUTES = re.compile(r"minnesanteckningar|protokoll", re.IGNORECASE)


def reported_back(sentence: str) -> str | None:
    """How the assignments are reported back, as a group's `återrapportering` has it
    ("till skolchefsnätverket i maj"), when the sentence says that and nothing else."""
    match = _REPORTS.match(sentence.strip())
    return match.group(1) if match else None


def read_reporting(section: Section | None, data: dict[str, Any], result: Imported) -> None:
    """The section's sentences into the groups' `återrapportering` (when one group holds all the
    assignments) and the meetings' `minnesanteckningar`; everything else is marked."""
    if section is None:
        return
    if section.heading is not None:
        result.place(section.heading.where)
    groups: list[dict[str, Any]] = data.get("uppdrag", {}).get("grupper", [])
    meetings: dict[str, Any] | None = data.get("möten")
    for paragraph in section.paragraphs:
        left: list[str] = []
        for sentence in sentences(clean(paragraph.text)):
            reports = reported_back(sentence)
            if _MINUTES.search(sentence) and meetings is not None and "minnesanteckningar" not in meetings:
                meetings["minnesanteckningar"] = sentence
                result.set(("möten", "minnesanteckningar"), sentence, paragraph.where)
            elif reports and len(groups) == 1 and "återrapportering" not in groups[0]:
                groups[0] = ordered(groups[0] | {"återrapportering": reports}, GROUP_KEYS)
                result.set(("uppdrag", "grupper", 0, "återrapportering"), reports, paragraph.where)
                result.notes.append(
                    f"avsnittet {section.heading.text if section.heading else 'Återrapportering'} "
                    f"({paragraph.where}) står som uppdragens återrapportering"
                )
            else:
                why = (
                    "uppdragen har flera grupper och filen har ingen gemensam plats för återrapporteringen"
                    if reports and len(groups) > 1
                    else "filen har ingen plats för den"
                )
                result.check(("uppdrag",), f"återrapporteringen '{sentence}' ({paragraph.where}): {why}")
                left.append(sentence)
        if paragraph.where in result.placed:  # part of it has a place: the rest is listed as a part
            for sentence in left:
                result.leave(paragraph.where, sentence)
