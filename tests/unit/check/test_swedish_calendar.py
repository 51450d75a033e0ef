from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.conftest import MISSIONS
from uppdrag.check.swedish_calendar import (
    DEFAULT_SCHOOL_BREAKS,
    SchoolCalendar,
    bridge_days,
    days_off,
    describe_breaks,
    eves,
    require_supported,
    swedish_weekday,
)
from uppdrag.errors import CalendarError
from uppdrag.models import KOMMUNER, SchoolBreak, SchoolYear, SharedFile

D = dt.date


@pytest.mark.parametrize(
    "day, name",
    [
        (D(2024, 3, 29), "långfredagen"),
        (D(2025, 4, 18), "långfredagen"),
        (D(2026, 4, 3), "långfredagen"),
        (D(2024, 6, 21), "midsommarafton"),
        (D(2025, 6, 20), "midsommarafton"),
        (D(2026, 6, 19), "midsommarafton"),
        (D(2026, 12, 25), "juldagen"),
        (D(2027, 1, 1), "nyårsdagen"),
        (D(2024, 12, 24), "julafton"),
        (D(2024, 12, 31), "nyårsafton"),
        (D(2024, 5, 9), "Kristi himmelsfärdsdag"),
        (D(2024, 6, 6), "nationaldagen"),
    ],
)
def test_days_off_in_swedish(day: dt.date, name: str) -> None:
    assert days_off(day.year)[day] == name


def test_names_do_not_follow_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    days_off.cache_clear()
    assert days_off(2025)[D(2025, 4, 18)] == "långfredagen"


def test_sundays_are_not_holidays() -> None:
    assert D(2024, 2, 4) not in days_off(2024)  # an ordinary Sunday


def test_weekdays() -> None:
    assert swedish_weekday(D(2026, 12, 25)) == "fredag"
    assert swedish_weekday(D(2024, 2, 5)) == "måndag"


@pytest.mark.parametrize(
    "year, expected",
    [
        (
            2024,
            {
                D(2024, 5, 10): "klämdag efter Kristi himmelsfärdsdag",
                D(2024, 6, 7): "klämdag efter nationaldagen",  # Thursday 6 June
                D(2024, 12, 23): "klämdag före julafton",  # julafton is a Tuesday
                D(2024, 12, 27): "klämdag mellan jul och nyår",
                D(2024, 12, 30): "klämdag mellan jul och nyår",
            },
        ),
        (
            2025,
            {
                D(2025, 5, 2): "klämdag efter första maj",
                D(2025, 5, 30): "klämdag efter Kristi himmelsfärdsdag",
                D(2025, 12, 29): "klämdag mellan jul och nyår",
                D(2025, 12, 30): "klämdag mellan jul och nyår",
            },
        ),
        (
            2026,
            {
                D(2026, 1, 2): "klämdag efter nyårsdagen",
                D(2026, 1, 5): "klämdag före trettondedag jul",  # the Monday before a Tuesday holiday
                D(2026, 5, 15): "klämdag efter Kristi himmelsfärdsdag",
                D(2026, 12, 28): "klämdag mellan jul och nyår",
                D(2026, 12, 29): "klämdag mellan jul och nyår",
                D(2026, 12, 30): "klämdag mellan jul och nyår",
            },
        ),
        (
            2027,
            {
                D(2027, 5, 7): "klämdag efter Kristi himmelsfärdsdag",
                D(2027, 12, 27): "klämdag mellan jul och nyår",
                D(2027, 12, 28): "klämdag mellan jul och nyår",
                D(2027, 12, 29): "klämdag mellan jul och nyår",
                D(2027, 12, 30): "klämdag mellan jul och nyår",
            },
        ),
        (
            2028,
            {
                D(2028, 1, 7): "klämdag efter trettondedag jul",
                D(2028, 5, 26): "klämdag efter Kristi himmelsfärdsdag",
                D(2028, 6, 5): "klämdag före nationaldagen",  # not "after pingstdagen", a Sunday
                D(2028, 12, 27): "klämdag mellan jul och nyår",
                D(2028, 12, 28): "klämdag mellan jul och nyår",
                D(2028, 12, 29): "klämdag mellan jul och nyår",
            },
        ),
    ],
)
def test_bridge_days(year: int, expected: dict) -> None:
    assert bridge_days(year) == expected


def test_eves_on_weekdays_only() -> None:
    assert eves(2026) == {
        D(2026, 1, 5): "trettondagsafton",
        D(2026, 4, 2): "skärtorsdag",
        D(2026, 4, 30): "valborgsmässoafton",
        D(2026, 5, 13): "dagen före Kristi himmelsfärdsdag",
        D(2026, 10, 30): "allhelgonaafton",
    }
    # 2028: trettondagsafton is a Wednesday, valborgsmässoafton a Sunday (left out).
    assert eves(2028) == {
        D(2028, 1, 5): "trettondagsafton",
        D(2028, 4, 13): "skärtorsdag",
        D(2028, 5, 24): "dagen före Kristi himmelsfärdsdag",
        D(2028, 11, 3): "allhelgonaafton",
    }


def _spans(calendar: SchoolCalendar, municipality: str, year: int, name: str) -> list[tuple[dt.date, dt.date]]:
    return sorted((s.start, s.end) for s in calendar.spans(municipality, year) if s.name == name)


@pytest.mark.parametrize(
    "year, monday, friday",
    [
        (2024, D(2024, 3, 25), D(2024, 3, 29)),  # Easter 31 March
        (2025, D(2025, 4, 14), D(2025, 4, 18)),  # Grästorp and Töreboda 2025
        (2026, D(2026, 3, 30), D(2026, 4, 3)),  # Grästorp 2026
        (2027, D(2027, 3, 22), D(2027, 3, 26)),  # Easter 28 March
        (2028, D(2028, 4, 10), D(2028, 4, 14)),  # Easter 16 April
    ],
)
def test_easter_break_is_the_week_that_ends_on_easter_sunday(year: int, monday: dt.date, friday: dt.date) -> None:
    assert _spans(SchoolCalendar(), "Skövde", year, "påsklov") == [(monday, friday)]


def test_easter_break_the_week_after() -> None:
    calendar = SchoolCalendar([SchoolBreak(namn="påsklov", påsk="veckan efter påsk")])
    assert _spans(calendar, "Vara", 2025, "påsklov") == [(D(2025, 4, 21), D(2025, 4, 25))]  # annandag påsk on
    assert _spans(calendar, "Vara", 2027, "påsklov") == [(D(2027, 3, 29), D(2027, 4, 2))]


def test_default_breaks_and_their_descriptions() -> None:
    calendar = SchoolCalendar()
    days = calendar.break_days("Skövde", 2025)
    assert days[D(2025, 2, 10)] == days[D(2025, 2, 16)] == "sportlov (vecka 7)"
    assert D(2025, 2, 17) not in days and D(2025, 2, 9) not in days
    assert days[D(2025, 4, 14)] == "påsklov (vecka 16)"
    assert days[D(2025, 10, 27)] == "höstlov (vecka 44)"
    assert days[D(2025, 1, 5)] == days[D(2025, 12, 27)] == "jullov (22 december–7 januari)"
    assert days[D(2025, 7, 15)] == "sommarlov (12 juni–17 augusti)"


def test_shipped_lov_file_holds_the_defaults() -> None:
    shared = SharedFile.model_validate(yaml.safe_load((MISSIONS / "_lov.yaml").read_text(encoding="utf-8")))
    assert tuple(shared.school_breaks) == DEFAULT_SCHOOL_BREAKS
    assert shared.school_years == []


def test_a_municipality_with_its_own_week() -> None:
    calendar = SchoolCalendar(DEFAULT_SCHOOL_BREAKS + (SchoolBreak(namn="sportlov", vecka=8, kommun="Hjo"),))
    assert calendar.breaks_on(D(2026, 2, 20)) == {"Hjo": "sportlov (vecka 8)"}
    week_7 = calendar.breaks_on(D(2026, 2, 13))
    assert sorted(week_7) == sorted(k for k in KOMMUNER if k != "Hjo")
    assert set(week_7.values()) == {"sportlov (vecka 7)"}


def test_a_school_years_exact_dates_replace_the_pattern() -> None:
    grastorp = SchoolYear.model_validate(
        {
            "läsår": "2025/26",
            "kommun": ["Grästorp", "Töreboda"],
            "lov": [{"namn": "höstlov", "från": D(2025, 10, 20), "till": D(2025, 10, 24)}],
            "lovdagar": [{"datum": D(2026, 3, 13), "namn": "studiedag"}],
        }
    )
    everyone = SchoolYear.model_validate(
        {"läsår": "2025/26", "lov": [{"namn": "jullov", "från": D(2025, 12, 20), "till": D(2026, 1, 6)}]}
    )
    calendar = SchoolCalendar(DEFAULT_SCHOOL_BREAKS, [grastorp, everyone])
    assert calendar.breaks_on(D(2025, 10, 20)) == {"Grästorp": "höstlov (vecka 43)", "Töreboda": "höstlov (vecka 43)"}
    assert len(calendar.breaks_on(D(2025, 10, 27))) == 13  # the others keep week 44
    assert calendar.breaks_on(D(2026, 3, 13)) == {"Grästorp": "studiedag", "Töreboda": "studiedag"}
    assert set(calendar.breaks_on(D(2026, 1, 7)).values()) == set()  # jullov ends 6 January that year
    assert set(calendar.breaks_on(D(2025, 12, 20)).values()) == {"jullov (20 december–6 januari)"}
    # Another school year keeps the pattern.
    assert len(calendar.breaks_on(D(2026, 10, 26))) == 15


def test_describe_breaks() -> None:
    assert describe_breaks({"Hjo": "sportlov (vecka 7)", "Vara": "sportlov (vecka 7)"}, True) == "sportlov (vecka 7)"
    assert (
        describe_breaks({"Hjo": "sportlov (vecka 8)", "Tibro": "sportlov (vecka 8)", "Vara": "studiedag"}, False)
        == "sportlov (vecka 8) i Hjo och Tibro; studiedag i Vara"
    )


def test_week_53_only_where_it_exists() -> None:
    calendar = SchoolCalendar([SchoolBreak(namn="extra", vecka=53)])
    assert calendar.break_days("Hjo", 2024) == {}
    # 2026 has an ISO week 53: Monday 28 December to Sunday 3 January, four days of it in 2026.
    assert sorted(calendar.break_days("Hjo", 2026)) == [D(2026, 12, d) for d in (28, 29, 30, 31)]
    assert sorted(calendar.break_days("Hjo", 2027)) == [D(2027, 1, d) for d in (1, 2, 3)]


def test_29_february_in_a_common_year() -> None:
    calendar = SchoolCalendar([SchoolBreak(namn="vinterlov", från="02-27", till="02-29")])
    assert sorted(calendar.break_days("Hjo", 2027)) == [D(2027, 2, 27), D(2027, 2, 28)]
    assert sorted(calendar.break_days("Hjo", 2028)) == [D(2028, 2, 27), D(2028, 2, 28), D(2028, 2, 29)]


@pytest.mark.parametrize("year", [1900, 1952, 2101, 2199, 9999])
def test_years_the_calendar_does_not_know(year: int) -> None:
    message = (
        f"kalendern känner Sveriges helgdagar bara för åren 1953–2100 (paketet holidays); "
        f"{year} kan inte granskas eller planeras"
    )
    with pytest.raises(CalendarError) as caught:
        require_supported(year)
    assert (caught.value.message, caught.value.exit_code) == (message, 2)
    with pytest.raises(CalendarError):
        days_off(year)


def test_defaults_match_skovdes_published_year_2018_19() -> None:
    # Skövde 2018/19: höstlov 29 oktober–2 november, sportlov 11–15 februari, påsklov 15–18 april
    # (19 April was långfredagen).
    calendar = SchoolCalendar()
    assert _spans(calendar, "Skövde", 2018, "höstlov") == [(D(2018, 10, 29), D(2018, 11, 4))]
    assert _spans(calendar, "Skövde", 2019, "sportlov") == [(D(2019, 2, 11), D(2019, 2, 17))]
    assert _spans(calendar, "Skövde", 2019, "påsklov") == [(D(2019, 4, 15), D(2019, 4, 19))]
