"""The import report as text and JSON, from plain data."""

from __future__ import annotations

from uppdrag.output.import_report import ImportReport, ReportLine, report_data, report_text


def _report(unplaced: list[tuple[str, str]], parts: int = 0, dropped: int = 0) -> ImportReport:
    return ImportReport(
        "doc.docx",
        "docx",
        "test",
        "missions/test.yaml",
        [ReportLine("namn", "Test", "stycke 1"), ReportLine("möten.minst_per_termin", "2", "stycke 9")],
        [("möten", "'varannan månad' (stycke 9) läst som minst 6 möten per år")],
        ["Word-filen har 1 kommentar; kommentarer importeras inte"],
        [("missions/test.yaml:3:1", "roller", "egen roll 'ordförnde'; menade du 'ordförande'?")],
        (312, 315),
        unplaced,
        parts,
        dropped,
    )


def test_text_gives_fields_coverage_unplaced_notes_checks_and_warnings() -> None:
    assert report_text(_report([("stycke 4", "Dokumentägare: skolchefsnätverket")])) == [
        "doc.docx (docx) -> missions/test.yaml",
        "  namn                    Test  [stycke 1]",
        "  möten.minst_per_termin  2  [stycke 9]",
        "täckning: 312 av 315 ord placerade; 1 stycke utan plats (se nedan)",
        "utan plats (stycke 4): Dokumentägare: skolchefsnätverket",
        "obs: Word-filen har 1 kommentar; kommentarer importeras inte",
        "KONTROLLERA möten: 'varannan månad' (stycke 9) läst som minst 6 möten per år",
        "missions/test.yaml:3:1: varning: roller: egen roll 'ordförnde'; menade du 'ordförande'?",
    ]
    assert report_text(_report([]))[3] == "täckning: 312 av 315 ord placerade"


def test_coverage_names_parts_of_paragraphs_and_the_words_not_counted() -> None:
    unplaced = [("stycke 4", "Dokumentägare: skolchefsnätverket"), ("stycke 9", "Vi fikar."), ("stycke 5", "x y")]
    assert report_text(_report(unplaced, parts=1, dropped=6))[3] == (
        "täckning: 312 av 315 ord placerade; 2 stycken och 1 del av ett stycke utan plats (se nedan); "
        "6 ord i sidhuvud, sidfot, sidnummer och vattenstämplar räknas inte"
    )
    assert report_text(_report(unplaced[1:2], parts=1))[3] == (
        "täckning: 312 av 315 ord placerade; 1 del av ett stycke utan plats (se nedan)"
    )


def test_json_carries_the_same() -> None:
    data = report_data(_report([("stycke 4", "x")], dropped=6), "missions/test.yaml")
    assert data["coverage"] == {
        "placed_words": 312,
        "words": 315,
        "unplaced": 1,
        "unplaced_parts": 0,
        "dropped_words": 6,
    }
    assert data["unplaced"] == [{"source": "stycke 4", "text": "x"}]
    assert data["written"] == "missions/test.yaml"
    assert data["checks"][0]["field"] == "möten"
