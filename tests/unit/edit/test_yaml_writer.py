"""edit.yaml_writer: meetings are appended and the rest of the user's file is left as written."""

from __future__ import annotations

import datetime as dt

from uppdrag.edit.yaml_writer import add_meetings

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
    text = add_meetings(FILE, [dt.date(2027, 3, 5), dt.date(2027, 9, 10)])
    assert text == FILE + "    - datum: 2027-03-05\n    - datum: 2027-09-10\n"


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
