"""edit.importer.review: import --diff's edits of the background, searched within one budget."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import MISSIONS, TESTS
from uppdrag.edit.importer import review
from uppdrag.edit.importer.review import review_changes
from uppdrag.views import changes
from uppdrag.views.changes import UNPAIRED, Change

SUBJECT = "den gemensamma bakgrunden 'strategi-2023-2026'"
BEFORE = "Skolchefsnätverket ansvarar för och organiserar professionsnätverk utifrån behov."
AFTER = "Skolchefsnätverket ansvarar för och organiserar professionsnätverk efter behov."
REST = (
    " Professionsnätverken arbetar utifrån uppdragsbeskrivningar och rapporterar till skolchefsnätverket."
    " Nätverken består av representanter från kommunerna och personal från Skaraborgs Kommunalförbund."
    " Professionsnätverken är en framgångsfaktor för att fullfölja samverkan kring de prioriterade områdena."
)


@pytest.fixture
def reworded(tmp_path: Path) -> Path:
    """A workspace and, in it, forskola's document with one paragraph of the shared background reworded."""
    shutil.copytree(MISSIONS, tmp_path / "missions")
    text = (TESTS / "seeds" / "forskola.txt").read_text(encoding="utf-8")
    assert BEFORE in text
    (tmp_path / "forskola-ny.txt").write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    return tmp_path


def _background_edits(folder: Path) -> list[Change]:
    found, _ = review_changes(folder / "forskola-ny.txt", folder / "missions", dt.date(2026, 11, 22), "forskola")
    return [c for c in found.changes if c.subject == SUBJECT]


def test_a_reworded_paragraph_of_the_shared_background(reworded: Path) -> None:
    [edit] = _background_edits(reworded)
    assert (edit.kind, edit.old, edit.new) == ("shared", BEFORE + REST, AFTER + REST)
    assert edit.words[:3] == [
        ("=", "Skolchefsnätverket ansvarar för och organiserar professionsnätverk"),
        ("-", "utifrån"),
        ("+", "efter"),
    ]


def test_past_the_budget_the_paragraph_is_added_and_struck_and_it_says_so(
    reworded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed: list[tuple[str, str]] = []
    real = changes.similarity

    def counted(a: str, b: str) -> float:
        computed.append((a, b))
        return real(a, b)

    monkeypatch.setattr(changes, "similarity", counted)
    monkeypatch.setattr(changes, "PAIRING_WORD_PAIRS", 0)
    assert _background_edits(reworded) == [
        Change("Bakgrund", "unpaired", SUBJECT, None, UNPAIRED),
        Change("Bakgrund", "shared", SUBJECT, None, AFTER + REST, [("+", AFTER + REST)]),
        Change("Bakgrund", "shared", SUBJECT, BEFORE + REST, None, [("-", BEFORE + REST)]),
    ]
    assert computed == []  # neither the search for bakgrund_tillägg nor for rewordings ran


def test_a_note_that_pairing_stopped_in_the_own_versions_lines_is_kept(
    reworded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The diff's lines of the own version give way to the background's edits; should pairing
    have stopped in them, the lists after them are unpaired too, and the note says so."""
    monkeypatch.setattr(changes, "PAIRING_WORD_PAIRS", 0)
    monkeypatch.setattr(review, "_background_edits", lambda *args: [])
    found, _ = review_changes(reworded / "forskola-ny.txt", reworded / "missions", dt.date(2026, 11, 22), "forskola")
    own = "egen version av den gemensamma bakgrunden 'strategi-2023-2026'"
    assert found.changes == [Change("Bakgrund", "unpaired", own, None, UNPAIRED)]
