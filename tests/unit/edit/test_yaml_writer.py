"""edit.yaml_writer: meetings are appended and the rest of the user's file is left as written."""

from __future__ import annotations

import datetime as dt

import pytest

from uppdrag.edit.yaml_writer import add_meetings
from uppdrag.errors import PlanningError

LONG = (
    "Leder möten och har en mycket lång rad som inte får brytas om av skrivaren eftersom den är användarens egen rad."
)
FILE = f"""\
# Nätverkets fil
id: test  # id
namn: "Citerat namn"
roller:
  - roll: ordförande
    ansvar: [{LONG}]
möten:
  minst_per_år: 2
  # planerade
  träffar:
    - datum: 2027-01-15
      plats: 'Skövde'
"""


def test_dates_are_appended_and_comments_quotes_and_long_lines_stay() -> None:
    text = add_meetings(FILE, [dt.date(2027, 3, 5), dt.date(2027, 9, 10)], seen={dt.date(2027, 1, 15)})
    assert text == FILE + "    - datum: 2027-03-05\n    - datum: 2027-09-10\n"


def test_a_year_changed_since_the_plan_is_refused() -> None:
    """Re-read under the lock, the year holds a meeting the plan did not see: nothing is added."""
    with pytest.raises(PlanningError) as caught:
        add_meetings(FILE, [dt.date(2027, 3, 5)], seen=set())
    assert caught.value.message == "mötena 2027 ändrades medan planen gjordes; kör plan-meetings igen"


def test_another_year_is_no_change() -> None:
    assert add_meetings(FILE, [dt.date(2028, 3, 3)]).endswith("plats: 'Skövde'\n    - datum: 2028-03-03\n")


def test_a_rule_without_meetings_gets_a_list() -> None:
    assert add_meetings("id: test\nmöten:\n  minst_per_år: 2\n", [dt.date(2027, 3, 5)]) == (
        "id: test\nmöten:\n  minst_per_år: 2\n  träffar:\n    - datum: 2027-03-05\n"
    )


def test_a_file_without_a_rule_gets_one() -> None:
    assert (
        add_meetings("id: test\n", [dt.date(2027, 3, 5)]) == "id: test\nmöten:\n  träffar:\n    - datum: 2027-03-05\n"
    )
