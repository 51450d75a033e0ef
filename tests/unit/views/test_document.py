"""views.document: build_document resolves a mission's shared parts for the templates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import MINIMAL_MISSION, write_tree
from uppdrag.check.validation import open_valid_workspace
from uppdrag.views.document import build_document

TODAY = dt.date(2026, 11, 22)
ALL_MUNICIPALITIES = (
    "Samtliga kommuner ska på egen hand eller genom samarbete med annan/andra kommuner "
    "vara företrädd och delta i nätverkets arbete."
)
MINUTES = "Minnesanteckningar ska föras och läggas ut på utbildningskaraborg.se."


def document(mission_id: str):
    workspace = open_valid_workspace(Path("missions"), TODAY)
    return build_document(workspace.mission(mission_id), workspace)


def test_skis_gets_the_strategy_background_with_its_goal_list(shipped: Path) -> None:
    doc = document("skis")
    assert doc.title == "Uppdragsbeskrivning för nätverket Skolutveckling i Skaraborg, SKIS"
    assert doc.steering.id == "strategi-2023-2026"
    assert doc.background_heading == "Utbildning Skaraborg – organiserad samverkan för utveckling"
    assert [block.kind for block in doc.background] == ["text", "text", "text", "text", "goals"]
    assert [(g.label, g.name, g.number) for g in doc.background[-1].goals] == [
        ("Prioriterat utvecklingsområde 1", "Fullföljd utbildning", "1"),
        (
            "Prioriterat utvecklingsområde 2",
            "Kompetensförsörjning för en arbetsmarknadsregion där utbud och efterfrågan är i balans",
            "2",
        ),
    ]
    assert doc.background[-1].goals[0].description == (
        "beskriver vikten av att fler elever fullföljer sin utbildning med godkända resultat"
    )
    assert doc.assignment_intro == "Skolchefsnätverket ger följande uppdrag under perioden 2023–2026:"
    assert [(g.goal, len(g.items)) for g in doc.assignment_groups] == [(None, 3)]
    assert [role.title for role in doc.roles] == ["Presidium", "Ordförande/skol- och utbildningschefer", "Sekreterare"]
    assert doc.meeting_sentences == ["Minst 4 möten per år på fredagar.", ALL_MUNICIPALITIES, MINUTES]


def test_ka_shows_its_goals_with_the_steering_documents_subgoals(shipped: Path) -> None:
    doc = document("ka")
    assert doc.background_heading is None
    assert [block.kind for block in doc.background] == ["text", "text", "bullets", "text"]
    assert doc.background[2].items == [
        "Kommunerna ska enligt måldokumentet samverka för att nå de framtagna målen",
        "Förutom samverkan mellan kommunerna, ska målen även vara styrande för respektive kommuns arbete.",
    ]
    assert [(g.goal.label, g.goal.number) for g in doc.purpose_goals] == [
        ("Mål 1", "1"),
        ("Mål 2", "2"),
        ("Mål 3", "3"),
        ("Tillägg till Måldokument Utbildning Skaraborg", None),
    ]
    assert doc.purpose_goals[1].goal.subgoals == [
        "En större andel av eleverna fullföljer sin utbildning.",
        "En större andel av befolkningen går vidare till högre utbildning.",
    ]
    assert doc.assignment_intro == "Skolchefsnätverket ger följande uppdrag för 2021:"
    assert [(g.goal.label if g.goal else None, len(g.items)) for g in doc.assignment_groups] == [
        ("Mål 1", 1),
        ("Mål 2", 2),
        ("Mål 3", 2),
        ("Tillägg till Måldokument Utbildning Skaraborg", 1),
    ]
    assert (doc.meeting_sentences, doc.meetings, doc.revised) == (["Minst 5 möten per år."], [], None)


def test_grundskola_keeps_each_groups_reporting(shipped: Path) -> None:
    doc = document("grundskola")
    assert doc.assignment_intro == "Skolchefsnätverket ger följande uppdrag för kommande år:"
    assert doc.assignment_groups[0].reporting == "till skolchefer löpande under året"
    assert doc.assignment_groups[0].goal.name == "Höjd utbildningsnivå"


def test_forskola_has_purpose_bullets_and_no_purpose_goals(shipped: Path) -> None:
    doc = document("forskola")
    assert doc.purpose_goals == []
    assert doc.purpose_bullets[1] == "alla elever får rätt förutsättningar att nå kunskap och måloppfyllelse"
    assert doc.meeting_sentences == ["Minst 4 möten per år på fredagar.", MINUTES]


def test_own_subgoals_meetings_in_date_order_and_the_revision(workspace: Path) -> None:
    mission = MINIMAL_MISSION.format(id="test").replace(
        "  text: [Ett syfte.]\n", "  text: [Ett syfte.]\n  mål:\n    - mål: 2\n      delmål: [Eget delmål.]\n"
    )
    meetings = "möten:\n  träffar:\n    - datum: 2027-05-07\n    - datum: 2027-02-05\nreviderad: 2026-10-01\n"
    write_tree(workspace, {"missions/test.yaml": mission + meetings})
    doc = document("test")
    assert [(g.goal.label, g.goal.subgoals) for g in doc.purpose_goals] == [("Mål 2", ["Eget delmål."])]
    assert [m.date for m in doc.meetings] == [dt.date(2027, 2, 5), dt.date(2027, 5, 7)]
    assert (doc.meeting_sentences, doc.revised) == ([], dt.date(2026, 10, 1))


def test_an_own_background_is_shown_instead_of_the_shared_text(workspace: Path) -> None:
    own = (
        "bakgrund_egen:\n  rubrik: Vår bakgrund\n  stycken:\n    - Ett eget stycke.\n"
        "    - punkter: [En punkt]\n    - mållista: maldokument\n"
        "bakgrund_tillägg: [Ett stycke efter.]\n"
    )
    write_tree(workspace, {"missions/n.yaml": MINIMAL_MISSION.format(id="n") + own})
    doc = document("n")
    assert doc.background_heading == "Vår bakgrund"
    assert [(b.kind, b.text, b.items) for b in doc.background[:2]] == [
        ("text", "Ett eget stycke.", []),
        ("bullets", "", ["En punkt"]),
    ]
    assert doc.background[2].kind == "goals" and doc.background[2].goals[0].label == "Mål 1"
    assert doc.background_additions == ["Ett stycke efter."]
