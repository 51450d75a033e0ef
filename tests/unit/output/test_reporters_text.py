from __future__ import annotations

from uppdrag.findings import CheckResult, Location, error, warning
from uppdrag.output.diagnostics import summary, text_lines
from uppdrag.output.reporters import REPORTER_BY_NAME


def _result() -> CheckResult:
    return CheckResult(
        ["m/a.yaml", "m/b,c.yaml"],
        [
            warning(Location("m/a.yaml", 3, 1), "period-ended", "perioden 100% slut", "uppdrag.period"),
            error(Location("m/b,c.yaml", 1, 5), "yaml", "rad ett\nrad två"),
            error(Location("m/a.yaml", 2, 7), "type", "måste vara en text", "namn"),
        ],
    )


def test_summary_plurals() -> None:
    assert summary(_result()) == "2 nätverk: 2 fel, 1 varning."
    assert summary(CheckResult(["x"], [])) == "1 nätverk: 0 fel, 0 varningar."
    shared = CheckResult(["m/_mal.yaml", "m/a.yaml", "m/_lov.yaml", "m/b.yaml", "m/c.yaml"], [])
    assert summary(shared) == "3 nätverk och 2 delade filer: 0 fel, 0 varningar."
    assert summary(CheckResult(["m/_mal.yaml"], [])) == "0 nätverk och 1 delad fil: 0 fel, 0 varningar."


def test_text_is_grouped_per_file_and_sorted_by_position() -> None:
    lines = ["".join(text for text, _ in line) for line in text_lines(_result())]
    assert lines == [
        "m/a.yaml",
        "  m/a.yaml:2:7: fel: namn: måste vara en text",
        "  m/a.yaml:3:1: varning: uppdrag.period: perioden 100% slut",
        "",
        "m/b,c.yaml",
        "  m/b,c.yaml:1:5: fel: rad ett\nrad två",
        "",
        "2 nätverk: 2 fel, 1 varning.",
    ]


def test_github_annotations_escape_their_properties_and_data() -> None:
    assert REPORTER_BY_NAME["github"].findings(_result()).splitlines() == [
        "::error file=m/a.yaml,line=2,col=7,title=uppdrag type::namn: måste vara en text",
        "::warning file=m/a.yaml,line=3,col=1,title=uppdrag period-ended::uppdrag.period: perioden 100%25 slut",
        "::error file=m/b%2Cc.yaml,line=1,col=5,title=uppdrag yaml::rad ett%0Arad två",
        "2 nätverk: 2 fel, 1 varning.",
    ]
