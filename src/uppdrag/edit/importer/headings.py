"""Recognising the headings of an uppdragsbeskrivning, whatever their case, accents or punctuation.

"Syfte/ uppdrag", "MOTEN", "Uppdrag ordförande:" and "Ordförande/Skol-och utbildningschefer"
are all headings the importer knows; a heading is known by its words, not by its style.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SECTIONS = ("bakgrund", "syfte", "uppdrag", "roller", "medlemmar", "möten", "återrapportering")

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
    "rollfordelning": "roller",
    "natverkets sammansattning": "medlemmar",
    "kommunrepresentanter": "medlemmar",
    "medlemmar": "medlemmar",
    "natverkets medlemmar": "medlemmar",
    "deltagare": "medlemmar",
    # a section of its own in some documents; the file keeps it with the assignments (reporting.py)
    "aterrapportering": "återrapportering",
    "aterrapportering och uppfoljning": "återrapportering",
    "uppfoljning och aterrapportering": "återrapportering",
}
# The word of a heading with more words than the section's own ("Uppdrag 2026", "Möten och
# dokumentation", "Mötesfrekvens"): the section it names.
_SECTION_STEMS = {
    "bakgrund": "bakgrund",
    "syfte": "syfte",
    "syftet": "syfte",
    "uppdrag": "uppdrag",
    "uppdraget": "uppdrag",
    "uppdragen": "uppdrag",
    "roller": "roller",
    "rollfordelning": "roller",
    "rollfordelningen": "roller",
    "moten": "möten",
    "motesfrekvens": "möten",
    "motesformer": "möten",
    "motestider": "möten",
    "traffar": "möten",
    "natverkstraffar": "möten",
    "sammansattning": "medlemmar",
    "kommunrepresentanter": "medlemmar",
    "medlemmar": "medlemmar",
}
# Words a heading may carry besides its section's word; any other word makes the line body text
# ("Möten med rektorer" is an assignment, not the meetings section).
_HEADING_FILLER = frozenset(
    "och samt for inom av i med natverkets natverket natverk kommande ar arets period perioden lasaret "
    "lasar termin dokumentation ansvar frekvens former arbetsformer organisation inom mal "
    "skaraborg utbildning".split()
)
# "1.", "2.1", "II." typed in front of a heading by hand
_TYPED_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.)\s+(?=\S)")
_ROLE_WORDS = [
    (r"ordforanden?", "ordförande"),
    (r"sekreterare[n]?", "sekreterare"),
    (r"presidie[t]?|presidium", "presidium"),
    (
        r"skol och utbildningschef(?:er|en)?|skolchefsrepresentant(?:en)?|skolchef(?:er|en)?",
        "skol- och utbildningschef",
    ),
    (r"sammankallande", "sammankallande"),
    (r"processledare[n]?", "processledare"),
    (r"kontaktperson(?:en|er)?(?: pa skaraborgs kommunalforbund| pa kommunalforbundet)?", "kontaktperson"),
    (r"forvaltningschefs?representant(?:en|er)?", "förvaltningschefsrepresentant"),
]
# Two words that name one role of the network's own ("Ordförande/förvaltningschefsrepresentant")
_JOINED_ROLES: dict[tuple[str, ...], str] = {
    ("ordförande", "förvaltningschefsrepresentant"): "ordförande/förvaltningschefsrepresentant"
}
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
    loose: bool = False  # a section known by one word among others ("Möten och dokumentation")


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
    unique = tuple(dict.fromkeys(kinds))
    joined = _JOINED_ROLES.get(unique)
    return (joined,) if joined else unique or None


def without_typed_number(text: str) -> str:
    """'2.1 Ordförande' -> 'Ordförande'; 'II. Möten' -> 'Möten'; other text as it is."""
    return _TYPED_NUMBER.sub("", text, count=1)


def loose_section(words: str) -> str | None:
    """The section a heading with extra words names ('uppdrag 2026', 'moten och dokumentation'),
    or None when a word in it is neither the section's nor a heading's filler."""
    found: set[str] = set()
    for word in words.split():
        if word in _SECTION_STEMS:
            found.add(_SECTION_STEMS[word])
        elif word not in _HEADING_FILLER and not word.isdigit():
            return None
    return _one_section(found)


def _one_section(found: set[str]) -> str | None:
    """The one section a heading's words name; "Roller och uppdrag" names the roles."""
    if found == {"roller", "uppdrag"}:
        return "roller"
    return next(iter(found)) if len(found) == 1 else None


# The first half of a compound a styled heading may be ("Mötesplanering", "Rollbeskrivningar")
_COMPOUND_PREFIXES = (
    ("bakgrund", "bakgrund"),
    ("syfte", "syfte"),
    ("uppdrags", "uppdrag"),
    ("roll", "roller"),
    ("motes", "möten"),
    ("traff", "möten"),
    ("natverkstraff", "möten"),
    ("medlem", "medlemmar"),
)


def styled_section(text: str) -> Heading | None:
    """The section a line styled as a heading names by one of its words, whatever other words
    stand beside it ("Roller, ansvar och kontaktvägar"): a heading style says the line is a
    heading, so only its section is asked for. None when it names no section, or several."""
    words = normalise(re.sub(r"\([^()]{0,200}\)", " ", without_typed_number(text)))
    if not words or len(words.split()) > 8:
        return None
    found = {_SECTION_STEMS[word] for word in words.split() if word in _SECTION_STEMS}
    found |= {part for word in words.split() for prefix, part in _COMPOUND_PREFIXES if word.startswith(prefix)}
    section = _one_section(found)
    return Heading(section, loose=True) if section is not None else None


def classify(text: str) -> Heading | None:
    """The heading text is, or None for body text."""
    words = normalise(without_typed_number(text))
    if not words or len(words) > 60:
        return None
    if words in _SECTION_WORDS:
        return Heading(_SECTION_WORDS[words])
    kinds = role_kinds(words)
    if kinds:
        return Heading("roll", roles=kinds)
    bare = normalise(re.sub(r"\([^()]{0,200}\)", " ", without_typed_number(text)))
    loose = loose_section(bare) if len(bare.split()) <= 6 else None
    if loose is not None:
        return Heading(loose, loose=True)
    goal = _GOAL.match(words)
    if goal and len(text) < 120:
        rest = re.split(r"\d+\s*[:.–-]?\s*", text, maxsplit=1)
        return Heading("mål", goal=goal.group(1), rest=rest[1].strip() if len(rest) > 1 else "")
    return None


def names_section(text: str) -> bool:
    """A short line whose words name one of the document's sections ("Bakgrund", "Roller och
    ansvar:"), not a sentence that happens to hold such a word."""
    stripped = text.strip().rstrip(":")
    if stripped.endswith(".") or len(stripped) > 80:
        return False
    heading = classify(stripped)
    return heading is not None and heading.kind in SECTIONS


def title_rest(text: str) -> str | None:
    """'UPPDRAGSBESKRIVNING för nätverket KA' -> 'KA'; '' when the name is on the next line;
    None when the text is not a title."""
    match = _TITLE.match(text.strip())
    return match.group(1).strip() if match else None


def stands_alone(text: str) -> bool:
    """A heading or a title is never joined with the line before or after it."""
    stripped = text.strip()
    if stripped.endswith(".") or stripped[:1].islower():  # a sentence's end, or its second line
        return False
    return classify(stripped.rstrip(":")) is not None or title_rest(text) is not None
