"""views.overview: one row per network, with the rule's text and the revision's age."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import MINIMAL_MISSION, write_tree
from uppdrag.check.validation import open_valid_workspace
from uppdrag.views.overview import COLUMNS, OverviewRow, overview_rows

TODAY = dt.date(2026, 11, 22)


def test_the_shipped_forskola_row(shipped: Path) -> None:
    rows = overview_rows(open_valid_workspace(Path("missions"), TODAY), TODAY)
    assert [r.id for r in rows] == ["forskola", "grundskola", "ka", "sarskola", "skis"]
    assert rows[0] == OverviewRow(
        id="forskola",
        name="Förskola",
        steering_id="strategi-2023-2026",
        steering_document="Strategi för Utbildning Skaraborg 2023–2026",
        goal_ids="1, 2",
        goals="Fullföljd utbildning; Kompetensförsörjning för en arbetsmarknadsregion där utbud och efterfrågan är i balans",
        chair="Emma Friman, Lidköping",
        convener="",
        secretary="Fredrica Malmberg, Vara",
        members="",
        absent="",
        meeting_rule="Minst 4 möten per år på fredagar",
        revised="",
        revised_age_days=None,
        period="2023–2026",
    )
    assert rows[0].meeting_rule_short == "4/år på fredagar"


def test_rule_texts_of_every_shipped_network(shipped: Path) -> None:
    rows = overview_rows(open_valid_workspace(Path("missions"), TODAY), TODAY)
    assert [(r.meeting_rule, r.meeting_rule_short) for r in rows] == [
        ("Minst 4 möten per år på fredagar", "4/år på fredagar"),
        ("Minst 4 möten per år", "4/år"),
        ("Minst 5 möten per år", "5/år"),
        ("ingen regel", "ingen regel"),
        ("Minst 4 möten per år på fredagar", "4/år på fredagar"),
    ]
    assert rows[2].goal_ids == "1, 2, 3, tillägg"


def test_revision_age_is_counted_from_the_given_day(workspace: Path) -> None:
    write_tree(
        workspace,
        {
            "missions/ny.yaml": MINIMAL_MISSION.format(id="ny") + "reviderad: 2026-01-01\n",
            "missions/gammal.yaml": MINIMAL_MISSION.format(id="gammal") + "reviderad: 2025-11-21\n",
            "missions/aldrig.yaml": MINIMAL_MISSION.format(id="aldrig"),
            "missions/ett-ar.yaml": MINIMAL_MISSION.format(id="ett-ar") + "reviderad: 2025-11-22\n",
        },
    )
    rows = overview_rows(open_valid_workspace(Path("missions"), TODAY), TODAY)
    assert [(r.id, r.revised, r.revised_age_days, r.revision_overdue) for r in rows] == [
        ("aldrig", "", None, True),
        ("ett-ar", "2025-11-22", 365, False),  # a year old is still in time
        ("gammal", "2025-11-21", 366, True),
        ("ny", "2026-01-01", 325, False),
    ]


def test_exported_has_the_columns_in_order_and_not_the_table_only_text(workspace: Path) -> None:
    write_tree(workspace, {"missions/test.yaml": MINIMAL_MISSION.format(id="test")})
    [row] = overview_rows(open_valid_workspace(Path("missions"), TODAY), TODAY)
    exported = row.exported()
    assert list(exported) == list(COLUMNS)
    assert exported["meeting_rule"] == "ingen regel"
    assert "meeting_rule_short" not in exported


def test_conveners_members_and_who_was_at_no_meeting_this_year(workspace: Path) -> None:
    meeting = "  träffar:\n    - {datum: 2026-03-17, närvarande: [Hjo, Tibro]}\n"
    members = "medlemmar:\n  - {namn: Eva Ek, kommun: Hjo}\n  - {namn: Per Berg, kommun: Vara}\n  - {namn: Ola Ny}\n"
    convener = "  - roll: Sammankallande\n    ansvar: [Kallar.]\n    personer: [{namn: Ida Ås}]\n"
    organisation = "organisation:\n  namn: Tre kommuner\n  kommuner: [Hjo, Tibro, Vara]\n"
    write_tree(
        workspace,
        {
            "missions/_organisation.yaml": organisation,
            "missions/medlemmar.yaml": MINIMAL_MISSION.format(id="medlemmar") + convener + members
            + "möten:\n" + meeting,
            "missions/alla.yaml": MINIMAL_MISSION.format(id="alla") + "möten:\n  alla_kommuner: true\n" + meeting,
            "missions/ingen.yaml": MINIMAL_MISSION.format(id="ingen") + "möten:\n" + meeting,
        },
    )  # fmt: skip
    rows = overview_rows(open_valid_workspace(Path("missions"), TODAY), TODAY)
    assert [(r.id, r.convener, r.members, r.absent, r.member_count, r.member_municipalities) for r in rows] == [
        ("alla", "", "", "Vara", 0, 0),
        ("ingen", "", "", "", 0, 0),  # nobody is expected: no members, not every municipality
        ("medlemmar", "Ida Ås", "Eva Ek, Hjo; Per Berg, Vara; Ola Ny", "Vara", 3, 2),
    ]
