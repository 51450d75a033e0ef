"""Text as the importer compares and writes it."""

from __future__ import annotations

from uppdrag.edit.importer.mending import Vocabulary
from uppdrag.edit.importer.wording import clean, comparable, sentence_case, sentences

VOCABULARY = Vocabulary(["Skaraborg är en region. Skolutveckling i regionen."])


def test_sentence_case_of_all_caps_titles() -> None:
    assert sentence_case("SKOLUTVECKLING | SKARABORG, SKIS", VOCABULARY) == "Skolutveckling i Skaraborg, SKIS"
    assert sentence_case("ROLLER OCH ANSVAR", VOCABULARY) == "Roller och ansvar"
    assert sentence_case("KA", VOCABULARY) == "KA"
    assert sentence_case("Syfte/ uppdrag", VOCABULARY) == "Syfte/ uppdrag"  # not all caps: as written


def test_sentences_keep_a_sentence_that_points_back() -> None:
    assert sentences("Skriver protokoll. Detta skickas in. Ansvarar för listan.") == [
        "Skriver protokoll. Detta skickas in.",
        "Ansvarar för listan.",
    ]
    assert clean("skol-och  utbildningschef") == "skol- och utbildningschef"


def test_comparable_ignores_case_dashes_and_hyphenation() -> None:
    assert comparable("Utbildning Skaraborg – organiserad") == comparable("utbildning skaraborg - organiserad")
    assert comparable("utbildnings- förvaltningar") == "utbildningsförvaltningar"
    assert comparable("skol- och utbildningschefer") == "skol- och utbildningschefer"
