"""The pieces of a mission the builder reads from sections: names, sentences, period, rule."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.conftest import MISSIONS, TODAY, write_tree
from uppdrag.edit.importer import import_document
from uppdrag.edit.importer.periods import period_text


def testperiod_text() -> None:
    assert period_text("perioden 2023 - 2026") == "2023–2026"
    assert period_text("2021") == "2021"
    assert period_text("kommande år") == "kommande år"


def test_assignment_groups_with_goal_headings_and_reporting(tmp_path) -> None:
    document = """\
Uppdragsbeskrivning för nätverket Test

Bakgrund

Eget.

Syfte/ uppdrag

Nätverket fokuserar på två mål:

1. Höjd utbildningsnivå
 - Egen punkt.
2. Ökad kvalitet

Uppdrag

Skolchefsnätverket ger här nätverket uppdrag för 2027:

Mål 2
Höjd utbildningsnivå (återrapportering till skolchefer i maj)
- Ett uppdrag.

Tilläggs mål kring obehöriga elever:
- Ett tillägg.

Uppdrag ordförande:

Leder möten.

Möten

Minst fyra möten per år på måndagar. Vi fikar alltid.
"""
    write_tree(tmp_path, {"test.txt": document})
    result = import_document(tmp_path / "test.txt", MISSIONS, dt.date.fromisoformat(TODAY))
    data = yaml.safe_load(result.text)
    assert data["syfte"] == {
        "text": ["Nätverket fokuserar på två mål:"],
        "mål": [{"mål": 2, "delmål": ["Egen punkt."]}, {"mål": 3}],
        "numrerad": True,
    }
    assert data["uppdrag"] == {
        "period": "2027",
        "inledning": "Skolchefsnätverket ger här nätverket uppdrag för 2027:",
        "grupper": [
            {"mål": 2, "återrapportering": "till skolchefer i maj", "punkter": ["Ett uppdrag."]},
            {"rubrik": "Tilläggs mål kring obehöriga elever:", "mål": "tillägg", "punkter": ["Ett tillägg."]},
        ],
    }
    assert data["möten"] == {"minst_per_år": 4, "veckodagar": ["måndag"]}
    assert (
        "\n# KONTROLLERA: meningen 'Vi fikar alltid.' (rad 32) har ingen plats i mötesregeln\nmöten:\n" in result.text
    )


def _imported(tmp_path, text: str) -> dict:
    write_tree(tmp_path, {"doc.txt": text})
    return yaml.safe_load(import_document(tmp_path / "doc.txt", MISSIONS, dt.date.fromisoformat(TODAY)).text)


def test_other_wordings_of_title_and_rule(tmp_path) -> None:
    data = _imported(
        tmp_path,
        "Uppdragsbeskrivning – Nätverket för förskolechefer\n\nUppdrag\n\nSkolchefsnätverket ger följande uppdrag "
        "för 2026:\n\n- Ett uppdrag.\n\nOrdförande\n\nLeder.\n\nMöten\n\nNätverket träffas minst fem gånger per "
        "läsår, oftast på torsdagar.\n",
    )
    assert (data["id"], data["namn"]) == ("forskolechefer", "Förskolechefer")
    # "per läsår" is a rule per school year, not per year (the model's minst_per_läsår)
    assert data["möten"] == {"minst_per_läsår": 5, "veckodagar": ["torsdag"]}


def test_impossible_values_become_checks_not_invalid_files(tmp_path) -> None:
    data = _imported(
        tmp_path,
        "Uppdragsbeskrivning för nätverket Test\n\nAntagen 2026-05-01. Reviderad 2025-01-01.\n\nUppdrag\n\n"
        "Skolchefsnätverket ger följande uppdrag under perioden 2027 - 2024:\n\n- Ett uppdrag.\n\nOrdförande\n\n"
        "Leder.\n\nMöten\n\nMinst 0 möten per år.\n",
    )
    assert data["uppdrag"]["period"] == "FYLL I"
    assert data["reviderad"] == dt.date(2025, 1, 1) and "antagen" not in data
    assert "minst_per_år" not in (data.get("möten") or {})


def test_a_title_without_uppdragsbeskrivning_is_the_name_checked(tmp_path) -> None:
    write_tree(tmp_path, {"doc.txt": "Nätverket för fritidshem\n\nUppdrag\n\n- Ett uppdrag.\n\nOrdförande\n\nLeder.\n"})
    result = import_document(tmp_path / "doc.txt", MISSIONS, dt.date.fromisoformat(TODAY))
    assert (
        "# KONTROLLERA: rubriken säger inte 'Uppdragsbeskrivning för nätverket …'; namnet är dess första rad\nnamn: Fritidshem\n"
        in result.text
    )
    assert (
        "  # KONTROLLERA: dokumentet säger inte för vilken period uppdragen gäller\n  period: FYLL I\n" in result.text
    )


def test_text_without_a_field_is_listed_counted_and_marked(tmp_path) -> None:
    write_tree(
        tmp_path,
        {
            "doc.txt": "Uppdragsbeskrivning för nätverket Test\n\nDokumentägare skolchefsnätverket\n\nUppdrag\n\n"
            "Skolchefsnätverket ger följande uppdrag för 2026:\n\n- Ett uppdrag.\n\nOrdförande\n\nLeder.\n\n"
            "Möten\n\nMinst 4 möten per år.\n"
        },
    )
    result = import_document(tmp_path / "doc.txt", MISSIONS, dt.date.fromisoformat(TODAY))
    assert result.imported.unplaced == [("rad 3", "Dokumentägare skolchefsnätverket")]
    assert result.imported.words == (21, 23)
    assert "# KONTROLLERA: texten 'Dokumentägare skolchefsnätverket' (rad 3) har ingen plats i filen\nnamn: Test" in (
        result.text
    )


def test_people_and_members_as_offices_write_them(tmp_path) -> None:
    write_tree(
        tmp_path,
        {
            "doc.md": "# Uppdragsbeskrivning för nätverket Test\n\n## 2. Uppdrag 2026\n\n"
            "Skolchefsnätverket ger följande uppdrag för 2026:\n\n- Ett uppdrag.\n\n## 3. Rollfördelning (inom nätverket)\n\n"
            "**3.1 Sammankallande**\n\nKallar till möten.\n\nAmira Hassan (Lidköping)\n\n**3.2 Sekreterare**\n\n"
            "Skriver minnesanteckningar.\n\nPer Ek, rektor, Hjo, per.ek@hjo.se\n\n## 4. Kommunrepresentanter\n\n"
            "Hjo: Lena Ström\nOla Berg – Skara\n\n## 5. Mötesfrekvens\n\n"
            "Nätverket träffas fyra gånger per läsår, två gånger per termin, företrädesvis på torsdagar eller fredagar.\n"
        },
    )
    result = import_document(tmp_path / "doc.md", MISSIONS, dt.date.fromisoformat(TODAY))
    data = yaml.safe_load(result.text)
    assert data["roller"] == [
        {
            "roll": "sammankallande",
            "ansvar": ["Kallar till möten."],
            "personer": [{"namn": "Amira Hassan", "kommun": "Lidköping"}],
        },
        {
            "roll": "sekreterare",
            "ansvar": ["Skriver minnesanteckningar."],
            "personer": [{"namn": "Per Ek", "kommun": "Hjo", "titel": "rektor", "e-post": "per.ek@hjo.se"}],
        },
    ]
    assert data["medlemmar"] == [{"namn": "Lena Ström", "kommun": "Hjo"}, {"namn": "Ola Berg", "kommun": "Skara"}]
    assert data["möten"] == {
        "minst_per_läsår": 4,
        "minst_per_termin": 2,
        "veckodagar": ["torsdag", "fredag"],
        "företrädesvis": True,
    }
    assert [(a["del"], a.get("rubrik")) for a in data["avsnitt"]] == [
        ("bakgrund", None),
        ("syfte", None),
        ("uppdrag", "Uppdrag 2026"),
        ("roller", "Rollfördelning (inom nätverket)"),
        ("medlemmar", "Kommunrepresentanter"),
        ("möten", "Mötesfrekvens"),
    ]
    assert result.imported.unplaced == []


def test_the_older_rollfordelning_layout(tmp_path) -> None:
    """An older Skaraborg document: 'Rollfördelning', own roles inline with names but no municipality,
    'Kommunrepresentanter' (members, never the presidium) and a heading-only 'MÅL'."""
    write_tree(
        tmp_path,
        {
            "doc.txt": "UPPDRAGSBESKRIVNING för nätverket Modersmål\n\nUPPDRAG\n\n"
            "Skolchefsnätverket ger följande uppdrag för kommande år:\n\n- Samordna modersmålsundervisningen.\n\n"
            "MÅL\n\nROLLFÖRDELNING\n\nOrdförande/förvaltningschefrepresentant: Karin Holm\n\n"
            "Sammankallande: Erik Sund\n\nKommunrepresentanter: Lena Ström, Hjo; Ola Berg, Skara\n\n"
            "MÖTEN\n\nNätverket träffas varannan månad.\n"
        },
    )
    result = import_document(tmp_path / "doc.txt", MISSIONS, dt.date.fromisoformat(TODAY))
    data = yaml.safe_load(result.text)
    assert [(r["roll"], r.get("personer")) for r in data["roller"]] == [
        ("ordförande/förvaltningschefsrepresentant", [{"namn": "Karin Holm"}]),
        ("sammankallande", [{"namn": "Erik Sund"}]),
    ]
    assert data["medlemmar"] == [{"namn": "Lena Ström", "kommun": "Hjo"}, {"namn": "Ola Berg", "kommun": "Skara"}]
    assert data["möten"] == {"minst_per_år": 6}
    assert "# KONTROLLERA: 'varannan månad' (rad 21) läst som minst 6 möten per år" in result.text
    assert data["uppdrag"]["grupper"] == [{"punkter": ["Samordna modersmålsundervisningen."]}]
    assert result.imported.unplaced == [("rad 9", "MÅL")]  # a heading with nothing under it: no data
    assert "# KONTROLLERA: texten 'MÅL' (rad 9) har ingen plats i filen" in result.text


@pytest.mark.parametrize(
    ("opening", "period", "check"),
    [
        ("Uppdrag\n\nSkolchefsnätverket ger följande uppdrag för läsåret 2025/26:", "2025–2026",
         "# KONTROLLERA: dokumentet säger 'läsåret 2025/26'; läst som '2025–2026'"),
        ("Uppdrag 2026", "2026", "# KONTROLLERA: perioden är läst ur rubriken 'Uppdrag 2026'"),
        ("Uppdrag\n\nSkolchefsnätverket ger följande uppdrag för 2025–2026:", "2025–2026", None),
    ],
)  # fmt: skip
def test_periods_as_documents_write_them(tmp_path, opening: str, period: str, check: str | None) -> None:
    write_tree(
        tmp_path,
        {"doc.txt": f"Uppdragsbeskrivning för nätverket Test\n\n{opening}\n\n- Ett uppdrag.\n\nOrdförande\n\nLeder.\n"},
    )
    result = import_document(tmp_path / "doc.txt", MISSIONS, dt.date.fromisoformat(TODAY))
    assert yaml.safe_load(result.text)["uppdrag"]["period"] == period
    assert (check in result.text) if check else ("KONTROLLERA: dokumentet säger '2025" not in result.text)


_COVERED = """\
Uppdragsbeskrivning för nätverket Test

Uppdrag

Skolchefsnätverket ger följande uppdrag för 2026:

- Ett uppdrag.

Ordförande

Leder.

Karin Holm, Borås

Möten

Minst 4 möten per år. Vi fikar alltid.
"""


def test_coverage_counts_the_placed_words_of_a_paragraph_partly_placed(tmp_path) -> None:
    write_tree(tmp_path, {"doc.txt": _COVERED})
    result = import_document(tmp_path / "doc.txt", MISSIONS, dt.date.fromisoformat(TODAY))
    assert result.imported.unplaced == [("rad 17", "Vi fikar alltid.")]
    assert result.imported.unplaced_parts == 1
    total = sum(len(line.removeprefix("- ").split()) for line in _COVERED.splitlines())  # a bullet is no word
    assert result.imported.words == (total - 3, total)  # 'Vi fikar alltid.' has no place; the rule has
    assert result.imported.dropped_words == 0


def test_running_headers_and_page_numbers_are_no_words_of_the_document(tmp_path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from tests.support.documents import to_docx

    path = to_docx(_COVERED, tmp_path / "doc.docx")
    document = docx.Document(str(path))
    document.sections[0].header.paragraphs[0].text = "Utbildning Skaraborg"
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Sida ")
    run = footer.add_run()
    for tag, attribute in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        element = OxmlElement(tag)
        if attribute:
            element.set(qn("w:fldCharType"), attribute)
        else:
            element.text = "PAGE"
        run._r.append(element)
    document.save(str(path))
    result = import_document(path, MISSIONS, dt.date.fromisoformat(TODAY))
    from_text = import_document(_text(tmp_path), MISSIONS, dt.date.fromisoformat(TODAY))
    assert result.imported.words == from_text.imported.words  # the margins are not counted
    margins = sum(len(p.split()) for p in ("Utbildning Skaraborg", "Sida"))
    assert result.imported.dropped_words == margins
    from uppdrag.output.import_report import coverage_line

    assert coverage_line(result.report()).endswith(
        f"; {margins} ord i sidhuvud, sidfot, sidnummer och vattenstämplar räknas inte"
    )


def _text(tmp_path):
    write_tree(tmp_path, {"doc.txt": _COVERED})
    return tmp_path / "doc.txt"


def test_a_municipality_outside_the_organisation_keeps_the_person_and_says_so(tmp_path) -> None:
    result = import_document(_text(tmp_path), MISSIONS, dt.date.fromisoformat(TODAY))
    data = yaml.safe_load(result.text)
    chair = next(r for r in data["roller"] if r["roll"] == "ordförande")
    assert chair["personer"] == [{"namn": "Karin Holm"}]  # not dropped, not moved to a near municipality
    assert (
        "roller[0].personer[0]",
        "kommunen 'Borås' finns inte i organisationen (Utbildning Skaraborg); Karin Holm är med utan kommun",
    ) in result.checks
