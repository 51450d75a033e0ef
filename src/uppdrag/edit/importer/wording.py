"""Text as the importer compares and writes it: whitespace, hyphens, sentences and sentence case."""

from __future__ import annotations

import re

from uppdrag.edit.importer.mending import Vocabulary

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def clean(text: str) -> str:
    """One line of text; 'skol-och' gets the space it lacks ('skol- och')."""
    text = " ".join(text.split())
    text = re.sub(r"(\w)-(och|eller|samt)\b", r"\1- \2", text)
    return text.strip()


def sentences(text: str) -> list[str]:
    """Sentences; one that points back ("Detta skickas in …") stays with the one before it."""
    result: list[str] = []
    for sentence in (s.strip() for s in _SENTENCE.split(clean(text))):
        if not sentence:
            continue
        if result and re.match(r"^(Detta|Dessa|Det|Den|De)\s", sentence):
            result[-1] += " " + sentence
        else:
            result.append(sentence)
    return result


def comparable(text: str) -> str:
    """Whitespace, dashes and hyphenation normalised, lower case: for comparing with shared text."""
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text.casefold())
    text = re.sub(r"(\w)-\s+(?=[a-zåäö])(?!och\b|eller\b|samt\b)", r"\1", text)
    return " ".join(re.sub(r"[^\w%@./-]+", " ", text).split())


def sentence_case(text: str, vocabulary: Vocabulary) -> str:
    """'MÖTEN' -> 'Möten'; 'SKOLUTVECKLING | SKARABORG, SKIS' -> 'Skolutveckling i Skaraborg, SKIS'."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    words = []
    for word in re.split(r"(\W+)", text):
        if word == "|" or word.strip() == "|":
            words.append(word.replace("|", "i"))
            continue
        if not word or not word[0].isalpha():
            words.append(word)
            continue
        proper = vocabulary.proper_noun(word)
        if proper:
            words.append(proper)
        elif vocabulary.is_word(word) or len(word) > 4:
            words.append(word.lower())
        else:
            words.append(word)  # an acronym: SKIS, KA
    joined = "".join(words).replace(" | ", " i ")
    return joined[:1].upper() + joined[1:]
