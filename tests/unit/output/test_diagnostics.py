"""output.diagnostics: findings as styled text lines, JSON and GitHub annotations."""

from __future__ import annotations

import json

from uppdrag.findings import CheckResult, Location, error, warning
from uppdrag.output.diagnostics import finding_line, plural, summary, text_lines, to_github, to_json

FILES = ["missions/a.yaml", "missions/b.yaml"]
RESULT = CheckResult(
    FILES,
    [
        warning(
            Location("missions/b.yaml", 2, 3), "period-ended", "uppdragsperioden 2021 har löpt ut", "uppdrag.period"
        ),
        error(Location("missions/a.yaml", 4, 15), "reference", "okänt styrdokument 'x'", "styrdokument"),
        error(Location("missions/a.yaml", 1, 1), "yaml", "ogiltig YAML: 50% fel,\nrad två"),
    ],
)


def plain(line: list[tuple[str, str | None]]) -> str:
    return "".join(text for text, _ in line)


def test_plural() -> None:
    assert [plural(n, "fil", "filer") for n in (0, 1, 2)] == ["0 filer", "1 fil", "2 filer"]


def test_summary_counts_files_errors_and_warnings() -> None:
    assert summary(RESULT) == "2 nätverk: 2 fel, 1 varning."
    assert summary(CheckResult(["a.yaml"], [])) == "1 nätverk: 0 fel, 0 varningar."
    assert summary(CheckResult(["m/_a.yaml", "m/b.yaml"], [])) == "1 nätverk och 1 delad fil: 0 fel, 0 varningar."


def test_a_finding_line_has_a_style_per_part() -> None:
    assert finding_line(RESULT.findings[1]) == [
        ("missions/a.yaml:4:15: ", "location"),
        ("fel:", "error"),
        (" ", None),
        ("styrdokument: ", "key"),
        ("okänt styrdokument 'x'", None),
    ]


def test_text_lines_group_per_file_in_order_and_end_with_the_summary() -> None:
    assert [plain(line) for line in text_lines(RESULT)] == [
        "missions/a.yaml",
        "  missions/a.yaml:1:1: fel: ogiltig YAML: 50% fel,\nrad två",
        "  missions/a.yaml:4:15: fel: styrdokument: okänt styrdokument 'x'",
        "",
        "missions/b.yaml",
        "  missions/b.yaml:2:3: varning: uppdrag.period: uppdragsperioden 2021 har löpt ut",
        "",
        "2 nätverk: 2 fel, 1 varning.",
    ]


def test_the_summary_is_styled_by_the_worst_finding() -> None:
    here = Location("a.yaml")
    styles = [
        list(text_lines(CheckResult(["a.yaml"], findings)))[-1][0][1]
        for findings in ([], [warning(here, "w", "w")], [error(here, "e", "e")])
    ]
    assert styles == ["ok", "warning", "error"]


def test_json_keeps_the_sorted_findings_and_the_summary() -> None:
    data = json.loads(to_json(RESULT))
    assert data["files"] == FILES
    assert data["summary"] == {"files": 2, "errors": 2, "warnings": 1}
    assert [(f["file"], f["line"], f["column"], f["code"]) for f in data["findings"]] == [
        ("missions/a.yaml", 1, 1, "yaml"),
        ("missions/a.yaml", 4, 15, "reference"),
        ("missions/b.yaml", 2, 3, "period-ended"),
    ]
    assert data["findings"][2] == {
        "file": "missions/b.yaml",
        "line": 2,
        "column": 3,
        "severity": "warning",
        "code": "period-ended",
        "key": "uppdrag.period",
        "message": "uppdragsperioden 2021 har löpt ut",
    }
    assert "ä" in to_json(RESULT)  # Swedish letters are written as they are


def test_github_annotations_escape_data_and_properties() -> None:
    result = CheckResult(
        ["m:a,b.yaml"],
        [error(Location("m:a,b.yaml", 1, 1), "yaml", "50% fel,\nrad två"), *RESULT.findings[:1]],
    )
    assert to_github(result).splitlines() == [
        "::error file=m%3Aa%2Cb.yaml,line=1,col=1,title=uppdrag yaml::50%25 fel,%0Arad två",
        "::warning file=missions/b.yaml,line=2,col=3,title=uppdrag period-ended::"
        "uppdrag.period: uppdragsperioden 2021 har löpt ut",
        "1 nätverk: 1 fel, 1 varning.",
    ]
