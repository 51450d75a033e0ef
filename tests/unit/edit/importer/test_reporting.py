"""The section "Återrapportering": into the groups' återrapportering and the meetings' minutes,
and what fits neither marked, never guessed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.conftest import MISSIONS
from uppdrag.edit.importer import ImportResult, import_document
from uppdrag.edit.importer.reporting import reported_back

DAY = dt.date(2026, 12, 5)


def _document(assignments: str, reporting: str) -> str:
    return f"""\
Uppdragsbeskrivning för nätverket Test

Uppdrag

Skolchefsnätverket ger följande uppdrag för 2026:

{assignments}

Roller och ansvar

Ordförande

Leder nätverkets möten.

Karin Holm, Skara

Möten

Nätverket träffas varannan månad.

Återrapportering

{reporting}
"""


def _import(tmp_path: Path, text: str) -> ImportResult:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return import_document(path, MISSIONS, DAY)


def test_one_group_carries_the_reporting_and_the_minutes_go_to_the_meetings(tmp_path: Path) -> None:
    result = _import(
        tmp_path,
        _document(
            "- Ett uppdrag.",
            "Nätverket återrapporterar till skolchefsnätverket i maj och december. "
            "Minnesanteckningar skickas till skolcheferna.",
        ),
    )
    data = yaml.safe_load(result.text)
    assert data["uppdrag"]["grupper"] == [
        {"återrapportering": "till skolchefsnätverket i maj och december", "punkter": ["Ett uppdrag."]}
    ]
    assert data["möten"]["minnesanteckningar"] == "Minnesanteckningar skickas till skolcheferna."
    assert "avsnittet Återrapportering (rad 23) står som uppdragens återrapportering" in result.imported.notes
    assert result.imported.unplaced == []
    assert [a["del"] for a in data["avsnitt"]] == ["bakgrund", "syfte", "uppdrag", "roller", "möten"]
    # "varannan månad": at least six a year, marked as read from words
    assert data["möten"]["minst_per_år"] == 6
    assert ("möten.minst_per_år", "'varannan månad' (rad 19) läst som minst 6 möten per år") in result.checks


def test_several_groups_leave_the_reporting_marked_and_listed(tmp_path: Path) -> None:
    assignments = "Mål 1\n\n- Ett uppdrag.\n\nMål 2\n\n- Ett annat uppdrag."
    result = _import(tmp_path, _document(assignments, "Nätverket återrapporterar till skolcheferna i juni."))
    data = yaml.safe_load(result.text)
    assert all("återrapportering" not in group for group in data["uppdrag"]["grupper"])
    sentence = "Nätverket återrapporterar till skolcheferna i juni."
    assert result.imported.unplaced == [("rad 29", sentence)]
    assert (
        "uppdrag",
        f"återrapporteringen '{sentence}' (rad 29): uppdragen har flera grupper och filen har ingen gemensam "
        "plats för återrapporteringen",
    ) in result.checks
    assert f"# KONTROLLERA: återrapporteringen '{sentence}' (rad 29)" in result.text


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("Nätverket återrapporterar till skolchefsnätverket i maj.", "till skolchefsnätverket i maj"),
        ("Återrapportering sker till skolchefsnätverket i december.", "till skolchefsnätverket i december"),
        ("Återrapporteringen görs en gång per termin.", "en gång per termin"),
        ("Rapportering av uppdragen ska ske till skolcheferna i juni", "till skolcheferna i juni"),
        ("Återrapportering är viktig för oss.", None),  # says nothing of how
        ("Nätverket fikar.", None),
    ],
)
def test_reported_back(sentence: str, told: str | None) -> None:
    assert reported_back(sentence) == told


def test_a_reporting_sentence_after_the_bullets_is_the_groups_reporting(tmp_path: Path) -> None:
    text = _document("- Ett uppdrag.\n- Ett till.\n\nÅterrapportering sker till skolchefsnätverket i december.", "")
    result = _import(tmp_path, text.removesuffix("Återrapportering\n\n\n"))
    data = yaml.safe_load(result.text)
    assert data["uppdrag"]["grupper"] == [
        {"återrapportering": "till skolchefsnätverket i december", "punkter": ["Ett uppdrag.", "Ett till."]}
    ]
    assert ("uppdrag.grupper[0].återrapportering", "till skolchefsnätverket i december", "rad 10") in [
        (f.path, f.value, f.where) for f in result.fields
    ]
    assert result.imported.unplaced == []
