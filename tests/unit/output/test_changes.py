"""output.changes: changes between two versions as styled text lines and as Markdown."""

from __future__ import annotations

import datetime as dt

from uppdrag.output.changes import text_lines, to_data, to_markdown
from uppdrag.views.changes import Change, MissionChanges, ReviewNote

CHANGES = [
    Change("Möten", "changed", "minst_per_år", "4", "5"),
    Change(
        "Uppdrag",
        "reworded",
        "uppdrag under Mål 2",
        "Utveckla samarbete med SYV",
        "Utveckla samverkan med SYV",
        [("=", "Utveckla"), ("-", "samarbete"), ("+", "samverkan"), ("=", "med SYV")],
    ),
    Change("Allmänt", "added", "reviderad", None, "2026-11-22"),
    Change("Roller och ansvar", "removed", "roll", "Sekreterare", None),
]


def plain(line: list[tuple[str, str | None]]) -> str:
    return "".join(text for text, _ in line)


def test_text_lines_in_section_order_with_word_marks() -> None:
    assert [plain(line) for line in text_lines(CHANGES)] == [
        "Allmänt",
        "  tillagt: reviderad: 2026-11-22",
        "",
        "Uppdrag",
        "  omformulerat: uppdrag under Mål 2: Utveckla [-samarbete-] {+samverkan+} med SYV",
        "",
        "Roller och ansvar",
        "  borttaget: roll: Sekreterare",
        "",
        "Möten",
        "  ändrat: minst_per_år: 4 → 5",
        "",
    ]


def test_text_lines_style_removed_and_added_words() -> None:
    reworded = text_lines(CHANGES[1:2])[1]
    assert reworded == [
        ("  ", None),
        ("omformulerat: ", "reworded"),
        ("uppdrag under Mål 2: ", "key"),
        ("Utveckla", None),
        (" ", None),
        ("[-samarbete-]", "removed"),
        (" ", None),
        ("{+samverkan+}", "added"),
        (" ", None),
        ("med SYV", None),
    ]
    changed = text_lines(CHANGES[:1])[1]
    assert changed[-3:] == [("4", "removed"), (" → ", None), ("5", "added")]


def test_no_changes_are_no_lines() -> None:
    assert text_lines([]) == []


def test_markdown_escapes_data_and_marks_words() -> None:
    changes = CHANGES + [Change("Syfte", "added", "mål", None, "Mål *3*: Ökad kvalitet")]
    assert to_markdown(changes, "Ändringar i KA_2021") == (
        "# Ändringar i KA\\_2021\n\n"
        "## Allmänt\n\n"
        "- **Tillagt** reviderad: 2026-11-22\n\n"
        "## Syfte\n\n"
        "- **Tillagt** mål: Mål \\*3\\*: Ökad kvalitet\n\n"
        "## Uppdrag\n\n"
        "- **Omformulerat** uppdrag under Mål 2: Utveckla ~~samarbete~~ **samverkan** med SYV\n\n"
        "## Roller och ansvar\n\n"
        "- **Borttaget** roll: Sekreterare\n\n"
        "## Möten\n\n"
        "- **Ändrat** minst\\_per\\_år: ~~4~~ → **5**\n"
    )


def test_markdown_without_changes_says_so() -> None:
    assert to_markdown([], "Ändringar i KA") == "# Ändringar i KA\n\nInga ändringar.\n"


def test_a_shortened_anchor_says_so_and_a_reply_to_a_reply_is_marked() -> None:
    day = dt.date(2027, 3, 3)
    reply = ReviewNote(
        "Allmänt", "bakgrund", "comment", "svar på svar av Per Ek, 3 mars 2027", "Per Ek", day, "Ja.", nested=True
    )
    note = ReviewNote(
        "Allmänt",
        "bakgrund",
        "comment",
        "kommentar av Karin Holm, 3 mars 2027",
        "Karin Holm",
        day,
        "Stämmer?",
        "Skaraborgs…",
        "stycke 4",
        replies=(reply,),
        anchored_characters=40_499,
    )
    assert [plain(line) for line in text_lines([], [note])] == [
        "Allmänt",
        '  kommentar av Karin Holm, 3 mars 2027 om "Skaraborgs…" (förkortad, 40 499 tecken) (bakgrund): Stämmer?',
        "    svar på svar av Per Ek, 3 mars 2027: Ja.",
        "",
    ]
    assert to_markdown([], "T", [note]).splitlines()[4:] == [
        "## Allmänt",
        "",
        "- *Kommentar av Karin Holm, 3 mars 2027* om ”Skaraborgs…” (förkortad, 40 499 tecken) (bakgrund): Stämmer?",
        "  - *Svar på svar av Per Ek, 3 mars 2027*: Ja.",
    ]
    (found,) = to_data(MissionChanges("T", [], [note]))["comments"]
    assert (found["anchored"], found["anchored_characters"], found["anchored_shortened"]) == (
        "Skaraborgs…",
        40_499,
        True,
    )
    assert found["replies"] == [
        {"author": "Per Ek", "date": "2027-03-03", "comment": "Ja.", "resolved": False, "reply_to_reply": True}
    ]
