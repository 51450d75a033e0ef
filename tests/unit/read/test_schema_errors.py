"""Schema errors name the shape the schema wants, with a one-line example."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MISSION
from uppdrag.models import Mission
from uppdrag.read.loading import parse_model


def _messages(extra: str, replace: tuple[str, str] = ("", "")) -> list[str]:
    text = MINIMAL_MISSION.format(id="n").replace(*replace) + extra
    _, _, findings = parse_model(text, Path("n.yaml"), Mission)
    return [f"{f.key_path}: {f.message}" for f in findings]


@pytest.mark.parametrize(
    "written, example",
    [("9.30", "09:30"), ("12.00", "12:00"), ("12.15", "12:15"), ("9.05", "09:05"), ("9", "09:00")],
)
def test_clock_written_as_a_number_gets_the_tt_mm_hint(written: str, example: str) -> None:
    assert _messages(f"möten:\n  träffar:\n    - datum: 2025-03-07\n      start: {written}\n") == [
        f'möten.träffar[0].start: skriv klockslaget som TT:MM inom citattecken, t.ex. `start: "{example}"`; '
        f"du skrev '{written}'"
    ]


def test_a_role_written_as_a_word_shows_its_required_keys() -> None:
    assert _messages("", ("  - roll: presidium\n    ansvar: [Leder möten.]\n", "  - ordförande\n")) == [
        "roller[0]: skriv varje roll som `- {roll: ordförande, ansvar: …}`"
    ]


def test_a_list_written_as_one_value_gets_brackets() -> None:
    assert _messages("möten:\n  veckodagar: fredag\n") == [
        "möten.veckodagar: måste vara en lista, t.ex. `veckodagar: [fredag]`"
    ]


def test_a_date_in_words_gets_the_iso_form() -> None:
    assert _messages("reviderad: 12 mars 2025\n") == [
        "reviderad: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. `reviderad: 2025-03-12`; du skrev '12 mars 2025'"
    ]


@pytest.mark.parametrize(("written", "shape"), [("[Förskola]", "en lista"), ("{a: b}", "en mappning")])
def test_a_text_written_as_a_collection_names_its_shape(written: str, shape: str) -> None:
    assert _messages("", ("namn: Testnätverket", f"namn: {written}")) == [f"namn: måste vara en text, inte {shape}"]


def test_a_misspelt_key_is_one_finding_not_also_a_missing_one() -> None:
    assert _messages("", ("namn: Testnätverket", "namm: Testnätverket")) == [
        "namm: okänd nyckel 'namm' (menade du 'namn'?)"
    ]


@pytest.mark.parametrize(
    ("written", "shown"),
    [("42", "talet '42'"), ("1.50", "talet '1.50'"), ("2024", "talet '2024'"), ("true", "'true'")],
)
def test_a_number_written_as_text_gets_quotes(written: str, shown: str) -> None:
    assert _messages("", ("namn: Testnätverket", f"namn: {written}")) == [
        f'namn: måste vara en text, inte {shown}: skriv texten inom citattecken, t.ex. `namn: "{written}"`'
    ]


def test_a_number_in_a_list_of_texts_gets_quotes_as_a_list_item() -> None:
    assert _messages("", ("  text: [Ett syfte.]", "  text: [Ett syfte., 17]")) == [
        "syfte.text[1]: måste vara en text, inte talet '17': skriv texten inom citattecken, t.ex. `- \"17\"`"
    ]


def test_a_meeting_date_with_a_time_shows_where_the_time_goes() -> None:
    assert _messages("möten:\n  träffar:\n    - datum: 2025-03-07 09:30\n") == [
        "möten.träffar[0].datum: skriv datumet som ÅÅÅÅ-MM-DD och klockslaget för sig, t.ex. `datum: 2025-03-07` "
        "och `start: \"09:30\"`; du skrev '2025-03-07 09:30'"
    ]
