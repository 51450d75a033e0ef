"""models: the few behaviours the models carry beyond their fields."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from uppdrag.models import Assignments, Goal, MeetingRule, Role, SteeringDocument, period_years


@pytest.mark.parametrize(
    ("period", "years"),
    [
        ("2021", (2021, 2021)),
        ("2023–2026", (2023, 2026)),
        ("2023-2026", (2023, 2026)),
        (" 2023 – 2026 ", (2023, 2026)),
        ("kommande år", None),
        ("2023–", None),
        ("20231", None),
    ],
)
def test_period_years(period: str, years: tuple[int, int] | None) -> None:
    assert period_years(period) == years


@pytest.mark.parametrize(
    ("rule", "sentence", "short"),
    [
        ({}, None, "ingen regel"),
        ({"minst_per_år": 1}, "Minst 1 möte per år.", "1/år"),
        ({"minst_per_år": 4, "veckodagar": ["fredag"]}, "Minst 4 möten per år på fredagar.", "4/år på fredagar"),
        (
            {"minst_per_år": 6, "veckodagar": ["måndag", "onsdag", "torsdag"]},
            "Minst 6 möten per år på måndagar, onsdagar och torsdagar.",
            "6/år på måndagar, onsdagar och torsdagar",
        ),
    ],
)
def test_meeting_rule_sentence_and_short(rule: dict, sentence: str | None, short: str) -> None:
    meeting_rule = MeetingRule.model_validate(rule)
    assert (meeting_rule.sentence, meeting_rule.short) == (sentence, short)


def test_role_title_joins_its_kinds_or_uses_its_heading() -> None:
    duties = {"ansvar": ["Leder möten."]}
    assert Role.model_validate({"roll": "ordförande", **duties}).title == "Ordförande"
    assert Role.model_validate({"roll": ["ordförande", "sekreterare"], **duties}).title == "Ordförande/sekreterare"
    assert Role.model_validate({"roll": "presidium", "rubrik": "Presidiet", **duties}).title == "Presidiet"


def test_goal_title_numbers_a_numbered_goal_and_names_the_rest() -> None:
    steering = SteeringDocument.model_validate(
        {
            "id": "strategi",
            "namn": "Strategi",
            "benämning": "prioriterat utvecklingsområde",
            "mål": [{"id": 1, "namn": "Fullföljd utbildning"}, {"id": "tillägg", "namn": "Tillägg till strategin"}],
        }
    )
    numbered, added = steering.goals
    assert steering.goal_title(numbered) == "Prioriterat utvecklingsområde 1: Fullföljd utbildning"
    assert steering.goal_title(added) == "Tillägg till strategin"
    assert steering.goal("1") is numbered and steering.goal("9") is None


def test_a_goal_id_written_as_a_number_is_text() -> None:
    assert Goal.model_validate({"id": 2, "namn": "Höjd utbildningsnivå"}).id == "2"


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"perioden slutar \(2023\) före den börjar \(2026\)"):
        Assignments.model_validate({"period": "2026–2023", "grupper": [{"punkter": ["x"]}]})
