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
