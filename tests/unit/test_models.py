"""models: the few behaviours the models carry beyond their fields."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from tests.conftest import MINIMAL_MISSION
from uppdrag.models import PARTS, Assignments, Goal, MeetingRule, Mission, Person, Role, SteeringDocument, period_years


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
            "Minst 6 möten per år på måndagar, onsdagar eller torsdagar.",
            "6/år på måndagar, onsdagar eller torsdagar",
        ),
        (
            {"minst_per_termin": 2, "minst_per_läsår": 4, "veckodagar": ["måndag", "tisdag"], "företrädesvis": True},
            "Minst 2 möten per termin och minst 4 per läsår, företrädesvis på måndagar eller tisdagar.",
            "2/termin, 4/läsår, helst på måndagar eller tisdagar",
        ),
        (
            {"minst_per_år": 6, "minst_per_termin": 1, "minst_per_läsår": 5},
            "Minst 1 möte per termin, minst 5 per läsår och minst 6 per år.",
            "1/termin, 5/läsår, 6/år",
        ),
        (
            {"minst_per_läsår": 4, "veckodagar": ["torsdag"]},
            "Minst 4 möten per läsår på torsdagar.",
            "4/läsår på torsdagar",
        ),
        (
            {"veckodagar": ["onsdag", "torsdag"]},
            "Möten hålls på onsdagar eller torsdagar.",
            "på onsdagar eller torsdagar",
        ),
        (
            {"veckodagar": ["fredag"], "företrädesvis": True},
            "Möten hålls företrädesvis på fredagar.",
            "helst på fredagar",
        ),
        ({"minst_per_år": 4, "företrädesvis": True}, "Minst 4 möten per år.", "4/år"),
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


def test_an_own_role_is_text_and_its_heading_keeps_its_capitals() -> None:
    duties = {"ansvar": ["Kallar till möten."]}
    convener = Role.model_validate({"roll": "sammankallande", **duties})
    assert (convener.kinds, convener.title, convener.own_kinds) == (
        ["sammankallande"],
        "Sammankallande",
        ["sammankallande"],
    )
    contact = Role.model_validate({"roll": "kontaktperson på Skaraborgs Kommunalförbund", **duties})
    assert contact.title == "Kontaktperson på Skaraborgs Kommunalförbund"  # not lower-cased after the first letter
    joint = Role.model_validate({"roll": ["ordförande", "processledare"], **duties})
    assert (joint.title, joint.own_kinds) == ("Ordförande/processledare", ["processledare"])
    assert Role.model_validate({"roll": "ordförande/förvaltningschefsrepresentant", **duties}).own_kinds == [
        "ordförande/förvaltningschefsrepresentant"
    ]
    with pytest.raises(ValidationError, match="at least 1 character"):
        Role.model_validate({"roll": " ", **duties})


def test_a_person_needs_only_a_name_and_an_address_has_an_address_shape() -> None:
    assert Person.model_validate({"namn": "Eva Ek"}).line == "Eva Ek"
    full = Person.model_validate({"namn": "Eva Ek", "kommun": "Hjo", "titel": "rektor", "e-post": "eva.ek@hjo.se"})
    assert full.line == "Eva Ek, rektor, Hjo, eva.ek@hjo.se"
    for address in ("eva.ek", "eva@hjo", "eva ek@hjo.se", "eva@@hjo.se", "eva@hjo.se\x1b"):
        with pytest.raises(ValidationError, match="string_pattern_mismatch"):
            Person.model_validate({"namn": "Eva Ek", "e-post": address.replace("\\x1b", "\x1b")})


MEMBERS = [{"namn": "Eva Ek", "kommun": "Hjo"}]


def _mission(**changes: object) -> dict:
    base = yaml.safe_load(MINIMAL_MISSION.format(id="test"))
    base.update(changes)
    return base


def _sections(*parts: str) -> list[dict[str, str]]:
    return [{"del": part} for part in parts]


def test_members_get_their_part_after_the_roles_in_the_default_layout() -> None:
    mission = Mission.model_validate(_mission(medlemmar=MEMBERS))
    assert [(s.part, s.heading) for s in mission.layout()][3:] == [
        ("roller", "Roller och ansvar"),
        ("medlemmar", "Nätverkets medlemmar"),
        ("möten", "Möten"),
    ]
    assert [s.part for s in Mission.model_validate(_mission()).layout()] == list(PARTS)
    assert PARTS == ("bakgrund", "syfte", "uppdrag", "roller", "möten")  # what every file has


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"medlemmar": MEMBERS, "avsnitt": _sections(*PARTS)},
            "delen 'medlemmar' saknas; ange alla sex delar (bakgrund, syfte, uppdrag, roller, medlemmar, möten) "
            "i dokumentets ordning",
        ),
        (
            {"avsnitt": _sections(*PARTS, "medlemmar")},
            "delen 'medlemmar' finns men filen har inga medlemmar; lägg till `medlemmar:` eller ta bort delen",
        ),
        (
            {"medlemmar": MEMBERS, "avsnitt": _sections(*PARTS, "medlemmar", "medlemmar")},
            "delen 'medlemmar' finns två gånger; ange varje del en gång",
        ),
        (
            {"avsnitt": _sections("bakgrund", "syfte", "uppdrag", "roller")},
            "delen 'möten' saknas; ange alla fem delar (bakgrund, syfte, uppdrag, roller, möten) i dokumentets ordning",
        ),
    ],
)
def test_the_members_part_is_there_exactly_when_the_file_has_members(changes: dict, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Mission.model_validate(_mission(**changes))
    assert [(e["loc"], e["msg"]) for e in caught.value.errors()] == [(("avsnitt",), f"Value error, {message}")]


def test_the_members_part_is_accepted_anywhere_when_the_file_has_members() -> None:
    parts = ("medlemmar", *PARTS)
    mission = Mission.model_validate(_mission(medlemmar=MEMBERS, avsnitt=_sections(*parts)))
    assert [s.part for s in mission.layout()] == list(parts)
    assert mission.members[0].line == "Eva Ek, Hjo"


def test_broken_members_are_told_once_not_again_as_a_missing_part() -> None:
    with pytest.raises(ValidationError) as caught:
        Mission.model_validate(_mission(medlemmar=[{"kommun": "Hjo"}], avsnitt=_sections(*PARTS)))
    assert [e["loc"] for e in caught.value.errors()] == [("medlemmar", 0, "namn")]


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
