"""output.diagnostics: findings as styled text lines and sentences."""

from __future__ import annotations

from uppdrag.findings import CheckResult, Location, error, warning
from uppdrag.output.diagnostics import finding_line, plural, summary, text_lines

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
