"""Recognising the headings of an uppdragsbeskrivning, whatever their case, accents or punctuation.

"Syfte/ uppdrag", "MOTEN", "Uppdrag ordförande:" and "Ordförande/Skol-och utbildningschefer"
are all headings the importer knows; a heading is known by its words, not by its style.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SECTIONS = ("bakgrund", "syfte", "uppdrag", "roller", "möten")

_SECTION_WORDS = {
    "bakgrund": "bakgrund",
    "syfte": "syfte",
    "syfte uppdrag": "syfte",
    "syfte och uppdrag": "syfte",
    "syfte med natverket": "syfte",
    "uppdrag": "uppdrag",
    "natverkets uppdrag": "uppdrag",
    "uppdrag till natverket": "uppdrag",
    "roller och ansvar": "roller",
    "roller ansvar": "roller",
    "roller": "roller",
    "ansvar och roller": "roller",
    "moten": "möten",
    "motesformer": "möten",
}
_ROLE_WORDS = [
    (r"ordforanden?", "ordförande"),
    (r"sekreterare[n]?", "sekreterare"),
    (r"presidie[t]?|presidium", "presidium"),
    (
        r"skol och utbildningschef(?:er|en)?|skolchef(?:er|en)?|skolchefsrepresentant(?:en)?",
        "skol- och utbildningschef",
    ),
]
_ROLE = re.compile(rf"^(?:{'|'.join(p for p, _ in _ROLE_WORDS)})")
_GOAL = re.compile(r"^(?:mal|prioriterat utvecklingsomrade|prioriterat omrade|utvecklingsomrade|omrade) (\d+)\b ?(.*)$")
_TITLE = re.compile(
    r"^\W*uppdragsbeskrivning(?:en)?\s*(?:f[oöé0]r\s+)?(?:(?:professions)?n[aäd]tverket\b\s*)?(.*)$", re.IGNORECASE
)


def normalise(text: str) -> str:
    """'Syfte/ uppdrag:' -> 'syfte uppdrag'; 'MÖTEN' and 'MOTEN' -> 'moten'."""
    ocr = text.casefold().replace("&", "a").replace("é", "o")  # OCR's ä and ö
    decomposed = unicodedata.normalize("NFKD", ocr)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


@dataclass(frozen=True)
class Heading:
    """A known heading: a section, a role (one or several kinds) or a goal."""

    kind: str  # a section name, "roll" or "mål"
    roles: tuple[str, ...] = ()
    goal: str | None = None
    rest: str = ""  # a goal heading's name: "Mål 1: Stärkt tillväxt" -> "Stärkt tillväxt"


def role_kinds(normalised: str) -> tuple[str, ...] | None:
    """'ordforande skol och utbildningschefer' -> ('ordförande', 'skol- och utbildningschef')."""
    text = normalised.removeprefix("uppdrag ").removeprefix("for ")
    kinds: list[str] = []
    while text:
        match = _ROLE.match(text)
        if not match:
            return None
        word = match.group(0)
        kinds.append(next(kind for pattern, kind in _ROLE_WORDS if re.fullmatch(pattern, word)))
        text = text[match.end() :].strip()
        for joiner in ("och ", "samt "):
            text = text.removeprefix(joiner)
    return tuple(dict.fromkeys(kinds)) or None


def classify(text: str) -> Heading | None:
    """The heading text is, or None for body text."""
    words = normalise(text)
    if not words or len(words) > 60:
        return None
    if words in _SECTION_WORDS:
        return Heading(_SECTION_WORDS[words])
    kinds = role_kinds(words)
    if kinds:
        return Heading("roll", roles=kinds)
    goal = _GOAL.match(words)
    if goal and len(text) < 120:
        rest = re.split(r"\d+\s*[:.–-]?\s*", text, maxsplit=1)
        return Heading("mål", goal=goal.group(1), rest=rest[1].strip() if len(rest) > 1 else "")
    return None


def title_rest(text: str) -> str | None:
    """'UPPDRAGSBESKRIVNING för nätverket KA' -> 'KA'; '' when the name is on the next line;
    None when the text is not a title."""
    match = _TITLE.match(text.strip())
    return match.group(1).strip() if match else None


def stands_alone(text: str) -> bool:
    """A heading or a title is never joined with the line before or after it."""
    return classify(text.strip().rstrip(":")) is not None or title_rest(text) is not None
