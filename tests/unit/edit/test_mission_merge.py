"""import --force as a merge: only what changed is written, the rest of the file stays."""

from __future__ import annotations

import datetime as dt

from uppdrag.edit.mission_merge import merge_mission

FILE = """\
# Koordinatorns kommentar
id: ka
namn: KA   # kort namn
uppdrag:
  period: 2021
  grupper:
    - punkter:
        - >-
          Ett långt uppdrag som radbryts
          av koordinatorn.
        - Kort uppdrag  # behålls
möten:
  veckodagar: [fredag]
  träffar:
    - {datum: 2027-02-05, plats: "Skövde"}
"""
DATA = {
    "id": "ka",
    "namn": "KA",
    "uppdrag": {
        "period": "2021",
        "grupper": [{"punkter": ["Ett långt uppdrag som radbryts av koordinatorn.", "Kort uppdrag"]}],
    },
    "möten": {"veckodagar": ["fredag"], "träffar": [{"datum": dt.date(2027, 2, 5), "plats": "Skövde"}]},
}


def test_the_same_data_leaves_the_text_as_it_is() -> None:
    assert merge_mission(FILE, DATA, "ny text") == FILE


def test_a_changed_value_changes_only_its_line() -> None:
    data = {**DATA, "möten": {**DATA["möten"], "veckodagar": ["tisdag"]}}
    assert merge_mission(FILE, data, "ny text") == FILE.replace("[fredag]", "[tisdag]")


def test_a_reworded_item_keeps_its_neighbours_and_comments() -> None:
    """The folded neighbour stays folded; the comment stays on the reworded line (ruamel puts
    it one space after the new value)."""
    data = {
        **DATA,
        "uppdrag": {
            "period": "2021",
            "grupper": [{"punkter": [DATA["uppdrag"]["grupper"][0]["punkter"][0], "Kort uppdrag, omskrivet"]}],
        },
    }
    assert merge_mission(FILE, data, "ny text") == FILE.replace(
        "- Kort uppdrag  # behålls", "- Kort uppdrag, omskrivet # behålls"
    )


def test_keys_removed_and_added_in_the_document_order() -> None:
    data = {"id": "ka", "namn": "KA", "bakgrund_tillägg": ["Egen text"], "uppdrag": DATA["uppdrag"]}
    merged = merge_mission(FILE, data, "ny text")
    assert merged.splitlines()[:5] == [
        "# Koordinatorns kommentar",
        "id: ka",
        "namn: KA   # kort namn",
        "bakgrund_tillägg:",
        "  - Egen text",
    ]
    assert "möten" not in merged


def test_a_meeting_added_keeps_the_ones_before() -> None:
    meetings = [*DATA["möten"]["träffar"], {"datum": dt.date(2027, 3, 12)}]
    data = {**DATA, "möten": {"veckodagar": ["fredag"], "träffar": meetings}}
    assert merge_mission(FILE, data, "ny text") == FILE + "    - {datum: 2027-03-12}\n"  # like the one before


def test_a_file_that_is_no_mapping_is_replaced_whole() -> None:
    assert merge_mission("gammalt\n", DATA, "ny text") == "ny text"


def test_a_reworded_folded_text_is_folded_at_the_width_it_had() -> None:
    data = {
        **DATA,
        "uppdrag": {
            "period": "2021",
            "grupper": [{"punkter": ["Ett längre uppdrag som radbryts av koordinatorn.", "Kort uppdrag"]}],
        },
    }
    assert merge_mission(FILE, data, "ny text") == FILE.replace(
        "          Ett långt uppdrag som radbryts\n          av koordinatorn.\n",
        "          Ett längre uppdrag som\n          radbryts av koordinatorn.\n",
    )


def test_the_comment_below_a_removed_key_stays() -> None:
    text = "id: ka\nnamn: KA\nperiod: x\n\n# Om uppdragen:\nuppdrag: {period: '2021'}\n"
    merged = merge_mission(text, {"id": "ka", "namn": "KA", "uppdrag": {"period": "2021"}}, "ny text")
    assert merged == "id: ka\nnamn: KA\n\n# Om uppdragen:\nuppdrag: {period: '2021'}\n"


def test_an_item_added_and_one_removed_leave_the_others_as_they_were() -> None:
    first = DATA["uppdrag"]["grupper"][0]["punkter"][0]
    data = {**DATA, "uppdrag": {"period": "2021", "grupper": [{"punkter": ["Nytt uppdrag först", first]}]}}
    assert merge_mission(FILE, data, "ny text") == FILE.replace(
        "        - >-\n          Ett långt", "        - Nytt uppdrag först\n        - >-\n          Ett långt"
    ).replace("        - Kort uppdrag  # behålls\n", "")


NEW_BLOCK = {"stycken": ["Ett stycke.", {"mållista": "s"}]}


def test_a_new_block_keeps_the_comments_of_the_key_before_it_in_place() -> None:
    """An end-of-line comment stays on its line; the lines below it stay above the key they are about."""
    text = "a: 1  # om a\n\n# om b\nb: 2\n"
    merged = merge_mission(text, {"a": "1", "ny": NEW_BLOCK, "b": "2"}, "ny text")
    assert merged == "a: 1  # om a\nny:\n  stycken:\n    - Ett stycke.\n    - mållista: s\n\n# om b\nb: 2\n"
    assert merge_mission("a: 1  # om a\nb: 2\n", {"a": "1", "ny": NEW_BLOCK, "b": "2"}, "") == (
        "a: 1  # om a\nny:\n  stycken:\n    - Ett stycke.\n    - mållista: s\nb: 2\n"
    )
    # and removed again: the comment goes back below the key before it
    assert merge_mission(merged, {"a": "1", "b": "2"}, "ny text") == "a: 1  # om a\n\n# om b\nb: 2\n"


def test_a_new_long_text_is_folded_within_the_line_width() -> None:
    long = " ".join(["ord"] * 40)
    merged = merge_mission("a: 1\n", {"a": "1", "ny": {"stycken": [long]}}, "")
    assert merged == "a: 1\nny:\n  stycken:\n    - >-\n      " + " ".join(["ord"] * 23) + "\n      " + " ".join(["ord"] * 17) + "\n"
