"""Mending å, ä and ö that OCR broke ("ndtverket" -> "nätverket"), from a Swedish word list.

A word is mended only when it is not a known word itself and its letters, with the usual OCR
confusions undone, fold to exactly one known word; a word that could be two known words is left
as it is and reported, so nothing is guessed silently.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from uppdrag.edit.importer.paragraphs import Paragraph

# What OCR has made of å, ä and ö in the seeds: "&r" = är, "6ka" = öka, "férmagorna" = förmågorna,
# "P3" = På, "ndtverk" = nätverk, "HOojd" = Höjd.
_OCR_CHARACTERS = {"&": "aä", "6": "oö", "é": "oöä", "É": "OÖÄ", "3": "aå", "d": "däöå"}
_OCR_PAIRS = {"Oo": "Ö", "oo": "ö", "dé": "ö", "éa": "ä"}  # one letter read as two
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü&]*[A-Za-zÅÄÖåäöé][A-Za-zÅÄÖåäöÉéÜü&36]*|[&36][A-Za-zåäöé]+")
_MAX_VARIANTS = 512
_BEFORE_YEAR = {"per", "varje", "kommande", "foljande", "ett", "nasta", "detta", "samma", "innevarande"}  # folded


def fold(word: str) -> str:
    """Lower case without accents: 'Nätverket' -> 'natverket'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _load_builtin() -> list[str]:
    text = resources.files("uppdrag.edit.importer").joinpath("ordlista.txt").read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


@dataclass(frozen=True)
class Mend:
    """One word changed, or one left alone because it could be read two ways."""

    original: str
    mended: str | None  # None: ambiguous, left as it was
    readings: tuple[str, ...] = ()
    unsure: bool = False  # a near spelling, not an OCR sign undone: a person should look


class Vocabulary:
    """Known Swedish words, by their folded form; proper nouns keep their capital."""

    def __init__(self, texts: Iterable[str] = ()):
        words = _load_builtin()
        for text in texts:
            words += re.findall(r"[A-Za-zÅÄÖåäöÉé]+", text)
        self.words: dict[str, set[str]] = {}
        self.known: set[str] = set()
        lower_seen: set[str] = set()
        for word in words:
            if word.islower():
                lower_seen.add(word)
        for word in words:
            if len(word) > 1 and word.isupper():
                continue  # an acronym (SKIS) is not a spelling of anything
            # A capitalised word is a proper noun only if it is never written in lower case.
            form = word if word[0].isupper() and word.casefold() not in lower_seen else word.casefold()
            self.known.add(form.casefold())
            self.words.setdefault(fold(form), set()).add(form)

    def is_word(self, word: str) -> bool:
        """A known word, or its genitive or compound form with s ('kvalitets-', 'Skaraborgs')."""
        folded = word.casefold()
        return folded in self.known or (folded.endswith("s") and folded[:-1] in self.known)

    def proper_noun(self, word: str) -> str | None:
        forms = self.words.get(fold(word), set())
        return next((f for f in forms if f[0].isupper()), None)

    def readings(self, word: str) -> set[str]:
        """Known words the (possibly broken) word could be."""
        found: set[str] = set()
        joined = word
        for pair, letter in _OCR_PAIRS.items():
            joined = joined.replace(pair, letter)
        for variant in _variants(joined):
            for form in self.words.get(fold(variant), set()):
                if _fits(joined, form):
                    found.add(form)
            if len(found) > 1:
                break
        if not found:
            found = self._compound(word)
        return found

    def _compound(self, word: str) -> set[str]:
        """'kommunovergripande' = 'kommun' + 'övergripande': two known words, joined."""
        folded = _ocr_fold(word)
        found: set[str] = set()
        for cut in range(3, len(folded) - 2):
            tails = self.words.get(folded[cut:], set())
            if not tails:
                continue
            head, link = folded[:cut], ""
            if head not in self.words and head.endswith("s"):
                head, link = head[:-1], "s"  # the binding s: skolchef-s-nätverket
            for head_form in self.words.get(head, set()):
                for tail in tails:
                    found.add(head_form.casefold() + link + tail.casefold())
        return found

    def close_word(self, word: str) -> str | None:
        """The one known word a long, lower-case unknown word is a letter away from ('ssmmanstaller')."""
        if len(word) < 8 or not word.isalpha() or not word.islower():
            return None
        from rapidfuzz import fuzz, process

        folded = _ocr_fold(word)
        matches = process.extract(folded, list(self.words), scorer=fuzz.ratio, score_cutoff=90, limit=2)
        if len(matches) != 1:
            return None
        forms = self.words[matches[0][0]]
        return next(iter(forms)) if len(forms) == 1 else None

    @cached_property
    def diacritic_words(self) -> set[str]:
        return {key for key, forms in self.words.items() if any(fold(f) != f.casefold() for f in forms)}


def _fits(broken: str, word: str) -> bool:
    """Every OCR sign in broken stands for a letter it can stand for ('d' is never a plain 'a')."""
    if len(broken) != len(word):
        return False
    return all(b not in _OCR_CHARACTERS or w.casefold() in _OCR_CHARACTERS[b].casefold() for b, w in zip(broken, word))


def _ocr_fold(word: str) -> str:
    return fold(word.replace("&", "a").replace("6", "o").replace("3", "a").replace("é", "o").replace("É", "O"))


def _variants(word: str) -> list[str]:
    options = [_OCR_CHARACTERS.get(c, c) for c in word]
    count = 1
    for option in options:
        count *= len(option)
    if count > _MAX_VARIANTS:
        options = [o if len(o) < 3 else o[:1] for o in options]  # too many d's: try only the OCR signs
    return ["".join(p) for p in itertools.product(*options)]


def _with_case_of(original: str, word: str) -> str:
    if original.isupper() and sum(c.isalpha() for c in original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def is_damaged(text: str, vocabulary: Vocabulary) -> bool:
    """True when the text has fewer words with å/ä/ö than words that have lost them."""
    words = _WORD.findall(text)
    intact = sum(1 for w in words if any(c in "åäöÅÄÖ" for c in w))
    broken = sum(
        1
        for w in words
        if not vocabulary.is_word(w) and (any(c in "&6é3" for c in w) or _ocr_fold(w) in vocabulary.diacritic_words)
    )
    return broken > intact


def mend_text(text: str, vocabulary: Vocabulary) -> tuple[str, list[Mend]]:
    """The text with every recognisable Swedish word mended, and what was changed or left."""
    mends: list[Mend] = []

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if vocabulary.is_word(word) and not any(c in "&36é" for c in word):
            return word
        if word.isdigit() or "@" in word:
            return word
        readings = vocabulary.readings(word)
        if {r.casefold() for r in readings} == {"är", "år"}:
            # "per ar", "kommande ar", "2021 ar": a year; otherwise the verb, far the commoner.
            before = re.findall(r"[\wåäö]+", text[max(0, match.start() - 30) : match.start()])
            year = bool(before) and (before[-1].isdigit() or _ocr_fold(before[-1]) in _BEFORE_YEAR)
            readings = {"år" if year else "är"}
        if len(readings) == 1:
            [reading] = readings
            mended = reading if reading[0].isupper() else _with_case_of(word, reading)
            if mended != word:
                mends.append(Mend(word, mended))
            return mended
        if len(readings) > 1:
            mends.append(Mend(word, None, tuple(sorted(readings))))
            return word
        close = vocabulary.close_word(word)
        if close is not None:
            mended = _with_case_of(word, close)
            mends.append(Mend(word, mended, unsure=True))
            return mended
        if re.search(
            r"[a-zåäö]&[a-zåäö]", word
        ):  # no word of the list fits; '&' inside a word is ä far more often than a
            mended = word.replace("&", "ä")
            mends.append(Mend(word, mended, unsure=True))
            return mended
        return word

    return _WORD.sub(replace, text), mends


@dataclass(frozen=True)
class MendedText:
    """The paragraphs after the OCR stage, what the report says of it, and each doubt (where, message)."""

    paragraphs: list[Paragraph]
    notes: list[str]
    doubts: list[tuple[str, str]]


def mend_paragraphs(paragraphs: list[Paragraph], vocabulary: Vocabulary) -> MendedText:
    """The OCR stage: a text that has lost its å, ä and ö mended word by word; an intact text as it is."""
    if not is_damaged(" ".join(p.text for p in paragraphs), vocabulary):
        return MendedText(paragraphs, [], [])
    mended: list[Paragraph] = []
    doubts: list[tuple[str, str]] = []
    changed = 0
    for paragraph in paragraphs:
        text, mends = mend_text(paragraph.text, vocabulary)
        changed += sum(1 for m in mends if m.mended)
        for mend in mends:
            if mend.unsure:
                doubts.append((paragraph.where, f"'{mend.original}' ({paragraph.where}) läst som '{mend.mended}'"))
            if mend.mended is None:
                readings = " eller ".join(mend.readings)
                doubts.append((paragraph.where, f"'{mend.original}' ({paragraph.where}) kan läsas som {readings}"))
        mended.append(paragraph.with_text(text))
    note = f"texten är skadad av OCR (å, ä, ö saknas); {changed} ord lagade med ordlistan"
    return MendedText(mended, [note], doubts)
