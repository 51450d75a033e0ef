"""views.goals: which networks' assignments and focus serve which goal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from tests.conftest import MINIMAL_MISSION, write_tree
from uppdrag.check.validation import open_valid_workspace
from uppdrag.views.goals import goals_report

TODAY = dt.date(2026, 11, 22)


def test_the_shipped_networks_per_goal(shipped: Path) -> None:
    report = goals_report(open_valid_workspace(Path("missions"), TODAY))
    maldokument, strategi = report.documents
    assert maldokument.networks == [("grundskola", "Grundskolan"), ("ka", "KA"), ("sarskola", "Särskolan")]
    assert [(r.label, r.counts, r.focus) for r in maldokument.rows] == [
        ("Mål 1", {"grundskola": 0, "ka": 1, "sarskola": 0}, ["ka", "sarskola"]),
        ("Mål 2", {"grundskola": 2, "ka": 2, "sarskola": 0}, ["grundskola", "ka", "sarskola"]),
        ("Mål 3", {"grundskola": 4, "ka": 2, "sarskola": 0}, ["grundskola", "ka", "sarskola"]),
        ("Tillägg till Måldokument Utbildning Skaraborg", {"grundskola": 0, "ka": 1, "sarskola": 0}, ["ka"]),
    ]
    assert maldokument.rows[0].assignments == [("ka", "Nätverket ska verka för en samverkan med AME-chefsnätverket.")]
    assert [len(r.assignments) for r in maldokument.rows] == [1, 4, 6, 1]
    assert strategi.networks == [("forskola", "Förskola"), ("skis", "Skolutveckling i Skaraborg, SKIS")]
    assert [(r.label, r.counts, r.focus) for r in strategi.rows] == [
        ("Prioriterat utvecklingsområde 1", {"forskola": 0, "skis": 0}, ["forskola", "skis"]),
        ("Prioriterat utvecklingsområde 2", {"forskola": 0, "skis": 0}, ["forskola"]),
    ]
    assert not any(row.uncovered for doc in report.documents for row in doc.rows)


def test_assignments_without_a_goal_are_listed_per_network(shipped: Path) -> None:
    report = goals_report(open_valid_workspace(Path("missions"), TODAY))
    assert Counter(network for network, _, _ in report.without_goal) == {"forskola": 5, "sarskola": 3, "skis": 3}
    assert report.without_goal[5] == ("sarskola", "Särskolan", "Skapa arenor för samverkan kring särskolans elever.")


def test_a_goal_no_network_works_on_is_uncovered(workspace: Path) -> None:
    write_tree(workspace, {"missions/test.yaml": MINIMAL_MISSION.format(id="test")})
    report = goals_report(open_valid_workspace(Path("missions"), TODAY))
    maldokument, strategi = report.documents
    assert [(r.label, r.counts, r.uncovered) for r in maldokument.rows] == [
        ("Mål 1", {"test": 0}, True),
        ("Mål 2", {"test": 0}, True),
        ("Mål 3", {"test": 0}, True),
        ("Tillägg till Måldokument Utbildning Skaraborg", {"test": 0}, True),
    ]
    assert (strategi.networks, [r.uncovered for r in strategi.rows]) == ([], [True, True])
    assert report.without_goal == [("test", "Testnätverket", "Ett uppdrag.")]
