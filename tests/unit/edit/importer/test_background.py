"""edit.importer.background: a document's background against a shared text, and the network's
own version of it."""

from __future__ import annotations

from uppdrag.edit.importer.background import MAX_PARAGRAPH_PAIRS, edit_phrase, own_version, text_changes
from uppdrag.edit.importer.paragraphs import Paragraph
from uppdrag.models import Background, SteeringDocument
from uppdrag.views.changes import COMPARISON_COST, Change, PairingBudget

UNITS = ["Första stycket. Det har två meningar.", "Andra stycket om samverkan.", "Tredje stycket."]
SUBJECT = "den gemensamma bakgrunden 'b'"
STEERING = SteeringDocument.model_validate(
    {"id": "s", "namn": "Strategin", "mål": [{"id": "1", "namn": "Fullföljd utbildning", "beskrivning": "kort"}]}
)
SHARED = Background.model_validate(
    {"id": "b", "rubrik": "Gemensam rubrik", "stycken": ["Ett stycke.", {"mållista": "s"}]}
)


def test_the_same_text_broken_into_other_paragraphs_is_no_change() -> None:
    split = ["Första stycket.", "Det har två meningar.", "Andra stycket om samverkan.", "Tredje stycket."]
    assert text_changes(SUBJECT, UNITS, split) == []
    run_together = ["Första stycket. Det har två meningar. Andra stycket om samverkan.", "Tredje stycket."]
    assert text_changes(SUBJECT, UNITS, run_together) == []
    assert text_changes(SUBJECT, UNITS, ["FÖRSTA  stycket. Det har två meningar.", *UNITS[1:]]) == []


def test_a_reworded_an_added_and_a_struck_paragraph() -> None:
    texts = ["Första stycket. Det har tre meningar.", "Ett helt eget stycke om annat.", "Tredje stycket."]
    changes = text_changes(SUBJECT, UNITS, texts)
    assert changes == [
        Change(
            "Bakgrund",
            "shared",
            SUBJECT,
            UNITS[0],
            texts[0],
            [("=", "Första stycket. Det har"), ("-", "två"), ("+", "tre"), ("=", "meningar.")],
        ),
        Change("Bakgrund", "shared", SUBJECT, None, texts[1], [("+", texts[1])]),
        Change("Bakgrund", "shared", SUBJECT, UNITS[1], None, [("-", UNITS[1])]),
    ]
    assert [edit_phrase(c) for c in changes] == [
        "'två' → 'tre'",
        "lägger till 'Ett helt eget stycke om annat.'",
        "stryker 'Andra stycket om samverkan.'",
    ]


def test_past_the_budget_a_reworded_paragraph_is_added_and_struck() -> None:
    texts = ["Första stycket. Det har tre meningar.", "Andra stycket om samverkan.", "Tredje stycket."]
    first = 6 * 6 + COMPARISON_COST  # the reworded paragraph against the first unit, both of 6 words
    paired = PairingBudget(first + 6 * 4 + COMPARISON_COST + 6 * 2 + COMPARISON_COST)  # ... and the other two
    assert [c.old for c in text_changes(SUBJECT, UNITS, texts, paired)] == [UNITS[0]]
    assert (paired.left, paired.spent) == (0, False)
    short = PairingBudget(first)
    assert text_changes(SUBJECT, UNITS, texts, short) == [
        Change("Bakgrund", "shared", SUBJECT, None, texts[0], [("+", texts[0])]),
        Change("Bakgrund", "shared", SUBJECT, UNITS[0], None, [("-", UNITS[0])]),
    ]
    assert short.spent and short.note("Allmänt", SUBJECT)[0].kind == "unpaired"


def test_own_version_paragraph_for_paragraph_with_heading_bullets_and_goal_list() -> None:
    paragraphs = [
        Paragraph("Gemensam rubrik", "stycke 3"),
        Paragraph("Ett  stycke, ändrat.", "stycke 4"),
        Paragraph("En punkt", "stycke 5", list_kind="bullet"),
        Paragraph("En till", "stycke 6", list_kind="bullet"),
        Paragraph("Mellan listorna.", "stycke 7"),
        Paragraph("1. Fullföljd utbildning (kort)", "stycke 8", list_kind="number", number=1),
    ]
    own, sources = own_version(paragraphs, SHARED, {"s": STEERING})
    assert own == {
        "rubrik": "Gemensam rubrik",
        "stycken": ["Ett stycke, ändrat.", {"punkter": ["En punkt", "En till"]}, "Mellan listorna.", {"mållista": "s"}],
    }
    assert sources == [
        (("rubrik",), "Gemensam rubrik", "stycke 3"),
        (("stycken", 0), "Ett stycke, ändrat.", "stycke 4"),
        (("stycken", 1), "En punkt; En till", "stycke 5"),
        (("stycken", 2), "Mellan listorna.", "stycke 7"),
        (("stycken", 3), "mållista: s", "stycke 8"),
    ]


def test_a_list_that_is_not_exactly_the_goals_stays_bullets() -> None:
    paragraphs = [Paragraph("Ett stycke.", "rad 1"), Paragraph("Fullföljd utbildning", "rad 2", list_kind="number")]
    own, _ = own_version(paragraphs, SHARED, {"s": STEERING})
    assert own == {"stycken": ["Ett stycke.", {"punkter": ["Fullföljd utbildning"]}]}


def test_thousands_of_paragraphs_are_compared_as_equal_or_not_without_a_search() -> None:
    units = [f"Stycke nummer {n} i den gemensamma texten." for n in range(300)]
    texts = [*units[:299], "Stycke nummer 299 i den gemensamma texten, ändrat."]  # 300 × 300 > MAX_PARAGRAPH_PAIRS
    changes = text_changes(SUBJECT, units, texts)
    assert [(c.old, c.new) for c in changes] == [(None, texts[-1]), (units[-1], None)]  # added and struck
    assert len(units) * len(texts) > MAX_PARAGRAPH_PAIRS
    # within the bound the same edit is a rewording
    assert [c.words for c in text_changes(SUBJECT, units[-150:], texts[-150:])] == [
        [("=", "Stycke nummer 299 i den gemensamma"), ("-", "texten."), ("+", "texten, ändrat.")]
    ]
