"""The organisation as data: its model, and municipalities judged by the validation context."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from uppdrag.models import KOMMUNER, SKARABORG, UNKNOWN_MUNICIPALITIES, Organisation, Person

FYRBODAL = Organisation.model_validate({"namn": "Utbildning Fyrbodal", "kommuner": ["Uddevalla", "Åmål"]})


def test_skaraborg_is_todays_values() -> None:
    assert SKARABORG.name == "Utbildning Skaraborg"
    assert tuple(SKARABORG.municipalities) == KOMMUNER
    assert SKARABORG.email == "utbildning@skaraborg.se"
    assert SKARABORG.website == "utbildningskaraborg.se"
    assert SKARABORG.federation == "Skaraborgs Kommunalförbund"
    assert SKARABORG.header == "Utbildning Skaraborg"
    assert SKARABORG.calendar_domain == "utbildningskaraborg.se"  # event ids stay what they were


def test_only_name_and_municipalities_take_nothing_from_skaraborg() -> None:
    assert (FYRBODAL.federation, FYRBODAL.website, FYRBODAL.email) == (None, None, None)
    assert FYRBODAL.header == "Utbildning Fyrbodal"
    assert FYRBODAL.name_genitive == "Utbildning Fyrbodals"
    assert FYRBODAL.calendar_domain == "utbildning-fyrbodal.invalid"


def test_header_and_genitive() -> None:
    own = Organisation.model_validate(
        {"namn": "Sjuhärads kommunalförbund", "kommuner": ["Borås"], "sidhuvud": "Sjuhärad"}
    )
    assert own.header == "Sjuhärad"
    assert own.name_genitive == "Sjuhärads kommunalförbunds"  # ends in d: gets an s
    assert Organisation.model_validate({"namn": "Fyrbodals", "kommuner": ["Orust"]}).name_genitive == "Fyrbodals"


def test_website_host_is_the_calendar_domain() -> None:
    own = Organisation.model_validate(
        {"namn": "X", "kommuner": ["Mark"], "webbplats": "https://sjuharad.se/utbildning"}
    )
    assert own.calendar_domain == "sjuharad.se"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kommuner": ["Borås"]}, "namn"),
        ({"namn": "X"}, "kommuner"),
        ({"namn": "X", "kommuner": []}, "kommuner"),
        ({"namn": "X", "kommuner": ["Borås", "borås"]}, "kommunen 'borås' står två gånger i listan"),
        ({"namn": "X", "kommuner": ["Borås"], "okänd": 1}, "okänd"),
    ],
)
def test_an_organisation_needs_a_name_and_distinct_municipalities(data: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Organisation.model_validate(data)


def test_a_municipality_is_judged_by_the_context() -> None:
    person = {"namn": "Anna Andersson", "kommun": "Uddevalla"}
    assert Person.model_validate(person, context=FYRBODAL.validation_context).municipality == "Uddevalla"
    with pytest.raises(ValidationError) as refused:
        Person.model_validate(person)  # no context: Skaraborg's
    [error] = refused.value.errors()
    assert error["type"] == "unknown_municipality"
    assert error["ctx"]["choices"] == KOMMUNER
    with pytest.raises(ValidationError):
        Person.model_validate({"namn": "A", "kommun": "Skövde"}, context=FYRBODAL.validation_context)
    # A broken organisation file: nothing is judged against a list that may not be the user's.
    assert Person.model_validate(person, context=UNKNOWN_MUNICIPALITIES).municipality == "Uddevalla"


def test_a_municipality_is_text_never_a_number() -> None:
    with pytest.raises(ValidationError, match="string"):
        Person.model_validate({"namn": "A", "kommun": 7}, context={"kommuner": None})
