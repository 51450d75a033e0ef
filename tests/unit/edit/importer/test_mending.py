"""OCR's broken å, ä and ö are mended from the word list; what could be two words is left."""

from __future__ import annotations

from uppdrag.edit.importer.mending import Mend, Vocabulary, fold, is_damaged, mend_text

VOCABULARY = Vocabulary(["Utbildning Skaraborg har beslutat att samverka. Måldokumentet Utbildning Skaraborg."])


def test_ocr_signs_are_undone() -> None:
    text, mends = mend_text("Natverket for sdrskolan &r en 6msesidig framgangsfaktor", VOCABULARY)
    assert text == "Nätverket för särskolan är en ömsesidig framgångsfaktor"
    assert Mend("sdrskolan", "särskolan") in mends


def test_case_is_kept() -> None:
    assert mend_text("MOTEN", VOCABULARY)[0] == "MÖTEN"
    assert mend_text("P3 uppdrag", VOCABULARY)[0] == "På uppdrag"
    assert mend_text("HOojd utbildningsniva", VOCABULARY)[0] == "Höjd utbildningsnivå"


def test_year_or_verb_by_the_word_before() -> None:
    assert mend_text("Minst 4 moten per ar", VOCABULARY)[0] == "Minst 4 möten per år"
    assert mend_text("uppdrag for foljande ar.", VOCABULARY)[0] == "uppdrag för följande år."
    assert mend_text("som ar vard for motet", VOCABULARY)[0] == "som är värd för mötet"


def test_compounds_of_known_words() -> None:
    assert mend_text("kommunovergripande", VOCABULARY)[0] == "kommunövergripande"


def test_a_near_spelling_is_marked_unsure() -> None:
    text, mends = mend_text("ssmmanstaller", VOCABULARY)
    assert text == "sammanställer" and mends == [Mend("ssmmanstaller", "sammanställer", unsure=True)]


def test_ambiguous_words_are_left_and_reported() -> None:
    vocabulary = Vocabulary(["här hör"])
    text, mends = mend_text("ger hdr", vocabulary)
    assert text == "ger hdr"
    assert mends == [Mend("hdr", None, ("hör", "här"))] or mends == [Mend("hdr", None, ("här", "hör"))]


def test_intact_text_is_not_damaged() -> None:
    assert not is_damaged("Nätverket för förskolan möts fyra gånger per år.", VOCABULARY)
    assert is_damaged("Natverket for forskolan mots fyra ganger per ar pa fredagar.", VOCABULARY)


def test_known_words_and_proper_nouns() -> None:
    assert VOCABULARY.is_word("Skaraborgs") and VOCABULARY.proper_noun("SKARABORG") == "Skaraborg"
    assert fold("Nätverket") == "natverket"


def test_an_ampersand_inside_an_unknown_word_is_a_marked_a_umlaut() -> None:
    from uppdrag.edit.importer.mending import Mend, Vocabulary, mend_text

    assert mend_text("arbetss&ttet", Vocabulary()) == (
        "arbetssättet",
        [Mend("arbetss&ttet", "arbetssättet", unsure=True)],
    )


def test_the_ocr_stage_leaves_an_intact_text_alone_and_mends_a_damaged_one() -> None:
    from uppdrag.edit.importer.mending import MendedText, Vocabulary, mend_paragraphs
    from uppdrag.edit.importer.paragraphs import Paragraph

    intact = [Paragraph("Nätverket träffas på fredagar.", "rad 1")]
    assert mend_paragraphs(intact, Vocabulary()) == MendedText(intact, [], [])
    damaged = mend_paragraphs([Paragraph("N&tverket tr&ffas pa fredagar och &r arbetss&ttet.", "rad 1")], Vocabulary())
    assert [p.text for p in damaged.paragraphs] == ["Nätverket träffas på fredagar och är arbetssättet."]
    assert damaged.notes == ["texten är skadad av OCR (å, ä, ö saknas); 5 ord lagade med ordlistan"]
    assert damaged.doubts == [("rad 1", "'arbetss&ttet' (rad 1) läst som 'arbetssättet'")]
