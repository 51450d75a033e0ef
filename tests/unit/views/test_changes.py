"""Pairing reworded items within a budget of word pairs (views/changes.PairingBudget)."""

from __future__ import annotations

import pytest

from uppdrag.views import changes
from uppdrag.views.changes import COMPARISON_COST, UNPAIRED, Change, PairingBudget, compare_texts

OLD = ["Ett två tre fyra.", "Fem sex sju åtta."]
NEW = ["Ett två tre fyra fem.", "Fem sex sju åtta nio."]
ONE = 4 * 5 + COMPARISON_COST  # what comparing a 4-word item with a 5-word one costs


@pytest.fixture
def similarities(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every similarity computed, in order."""
    computed: list[tuple[str, str]] = []
    real = changes.similarity

    def counted(a: str, b: str) -> float:
        computed.append((a, b))
        return real(a, b)

    monkeypatch.setattr(changes, "similarity", counted)
    return computed


def test_within_the_budget_every_item_is_paired(similarities: list[tuple[str, str]]) -> None:
    budget = PairingBudget(3 * ONE)  # the first new item against both old ones, the second against one
    found = compare_texts("Syfte", "punkt", OLD, NEW, budget=budget)
    assert [(c.kind, c.old, c.new) for c in found] == [("reworded", OLD[0], NEW[0]), ("reworded", OLD[1], NEW[1])]
    assert similarities == [(OLD[0], NEW[0]), (OLD[1], NEW[0]), (OLD[1], NEW[1])]
    assert (budget.left, budget.spent) == (0, False)


def test_past_the_budget_the_rest_are_removed_and_added_and_it_says_so_once(
    similarities: list[tuple[str, str]],
) -> None:
    budget = PairingBudget(3 * ONE - 1)  # one word pair short of the last comparison
    found = compare_texts("Syfte", "punkt", OLD, NEW, budget=budget)
    assert found == [
        Change("Syfte", "unpaired", "punkt", None, UNPAIRED),
        Change("Syfte", "removed", "punkt", OLD[1], None),
        Change(
            "Syfte", "reworded", "punkt", OLD[0], NEW[0], [("=", "Ett två tre"), ("-", "fyra."), ("+", "fyra fem.")]
        ),
        Change("Syfte", "added", "punkt", None, NEW[1]),
    ]
    assert len(similarities) == 2 and budget.spent
    # the next list of the same comparison is not searched, and the note is not repeated
    assert compare_texts("Uppdrag", "uppdrag", OLD, NEW, budget=budget) == [
        Change("Uppdrag", "removed", "uppdrag", OLD[0], None),
        Change("Uppdrag", "removed", "uppdrag", OLD[1], None),
        Change("Uppdrag", "added", "uppdrag", None, NEW[0]),
        Change("Uppdrag", "added", "uppdrag", None, NEW[1]),
    ]
    assert len(similarities) == 2
    assert UNPAIRED == "för många stycken för att para ihop omformuleringar; visas som borttagna och tillagda"


def test_thousands_of_items_cost_the_budget_at_most(
    similarities: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "PAIRING_WORD_PAIRS", 100_000)
    old = [f"Stycke {n} handlar om fråga {n * 7} i nätverket." for n in range(8000)]
    new = [f"Stycke {n} gäller frågan {n * 7} i nätverket." for n in range(8000)]
    found = compare_texts("Allmänt", "bakgrund_tillägg", old, new)
    assert len(similarities) <= 100_000 // (8 * 7 + COMPARISON_COST)
    assert found[0] == Change("Allmänt", "unpaired", "bakgrund_tillägg", None, UNPAIRED)
    kinds = [c.kind for c in found[1:]]
    assert kinds.count("reworded") + kinds.count("removed") == kinds.count("reworded") + kinds.count("added") == 8000


def test_items_only_moved_are_found_without_a_search(similarities: list[tuple[str, str]]) -> None:
    old = [f"Stycke {n}." for n in range(8000)]
    new = [*reversed(old[1:]), "Stycke noll."]
    assert compare_texts("Allmänt", "bakgrund_tillägg", old, new) == [
        Change(
            "Allmänt",
            "reworded",
            "bakgrund_tillägg",
            "Stycke 0.",
            "Stycke noll.",
            [("=", "Stycke"), ("-", "0."), ("+", "noll.")],
        )
    ]
    assert similarities == [("Stycke 0.", "Stycke noll.")]


def test_a_comparison_too_long_to_pay_for_is_not_made(similarities: list[tuple[str, str]]) -> None:
    long = " ".join(["ord"] * 1000)  # 1000 × 1000 words: costs MAX_WORD_PAIRS, compared whole
    budget = PairingBudget(changes.MAX_WORD_PAIRS + COMPARISON_COST)
    assert budget.similarity(long, long) == 1.0
    assert budget.similarity("ett", "ett") is None and budget.spent
    assert budget.similarity("", "") is None  # spent for good
    assert similarities == [(long, long)]
