"""The imported YAML: laid out like the shipped files, KONTROLLERA above the line concerned."""

from __future__ import annotations

import yaml

from uppdrag.edit.importer.yaml_text import scalar, to_yaml


def test_layout_and_comments() -> None:
    data = {
        "id": "x",
        "namn": "Nätverket: X",
        "syfte": {"text": ["Kort."], "fokus": [1, "tillägg"]},
        "roller": [{"roll": "ordförande", "ansvar": ["Leder."], "personer": [{"namn": "Eva Ek", "kommun": "Vara"}]}],
        "möten": {"minst_per_år": 4, "alla_kommuner": True},
    }
    checks = {("roller", 0, "personer", 0): ["'Vra' läst som Vara"], ("okänd",): ["utan plats"]}
    text = to_yaml(data, checks, ["# huvud"])
    assert text == (
        "# huvud\n"
        "id: x\n"
        'namn: "Nätverket: X"\n'
        "\n"
        "syfte:\n"
        "  text:\n"
        "    - Kort.\n"
        "  fokus: [1, tillägg]\n"
        "\n"
        "roller:\n"
        "  - roll: ordförande\n"
        "    ansvar:\n"
        "      - Leder.\n"
        "    personer:\n"
        "      # KONTROLLERA: 'Vra' läst som Vara\n"
        "      - {namn: Eva Ek, kommun: Vara}\n"
        "\n"
        "möten:\n"
        "  minst_per_år: 4\n"
        "  alla_kommuner: true\n"
        "\n"
        "# KONTROLLERA (okänd): utan plats\n"
    )
    assert yaml.safe_load(text) == data


def test_long_text_is_folded_and_reads_back_the_same() -> None:
    long = "Ansvarar för att återkoppla från skol- och utbildningschefsgruppen till nätverket, samt återkoppla # inte en kommentar"
    folded = scalar(long, 4)
    assert folded.startswith(">-\n      Ansvarar")
    assert yaml.safe_load("k: " + folded) == {"k": long}
    for tricky in ["2021", "ja", "- punkt", "a: b", "#x", "FYLL I: text", "null", "'citat'"]:
        assert yaml.safe_load("k: " + scalar(tricky, 0)) == {"k": tricky}


def test_a_comment_is_one_line_whatever_its_message_holds() -> None:
    checks = {("namn",): ["texten 'Namn\tKommun' (rad 3)\u2028ny: rad\x1b[2J"], ("okänd",): ["a\tb\nc: d"]}
    text = to_yaml({"namn": "X"}, checks, [])
    assert text == (
        "# KONTROLLERA: texten 'Namn Kommun' (rad 3)\\u2028ny: rad\\u001b[2J\n"
        "namn: X\n"
        "\n"
        "# KONTROLLERA (okänd): a b\\u000ac: d\n"
    )
    assert yaml.safe_load(text) == {"namn": "X"}
