"""output.reporters: the one --format map and the one JSON shape of a finding."""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import Enum
from pathlib import Path

import pytest

from tests.unit.output.test_diagnostics import RESULT
from uppdrag.check.meetings import YearCheck
from uppdrag.cli.documents import DiffFormat
from uppdrag.cli.importing import ImportFormat
from uppdrag.cli.meetings import MeetingFormat
from uppdrag.cli.networks import OverviewFormat, ReportFormat
from uppdrag.cli.validate import ValidateFormat
from uppdrag.findings import CheckResult, Finding, Location, Severity, error, warning
from uppdrag.output.reporters import JSON_VERSION, REPORTER_BY_NAME, Reporter, UnsupportedFormat, finding_json

README = Path(__file__).parents[3] / "README.md"
FINDING_KEYS = ["file", "line", "column", "severity", "code", "key", "message", "date"]


def _json(text: str) -> dict[str, object]:
    assert text.endswith("}\n")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def test_validate_json_has_the_version_the_sorted_findings_and_the_summary() -> None:
    data = _json(REPORTER_BY_NAME["json"].findings(RESULT))
    assert list(data) == ["version", "findings", "summary", "files"]
    assert data["version"] == JSON_VERSION == 1
    assert data["files"] == ["missions/a.yaml", "missions/b.yaml"]
    assert data["summary"] == {"files": 2, "errors": 2, "warnings": 1}
    findings = data["findings"]
    assert isinstance(findings, list)
    assert [(f["file"], f["line"], f["column"], f["code"]) for f in findings] == [
        ("missions/a.yaml", 1, 1, "yaml"),
        ("missions/a.yaml", 4, 15, "reference"),
        ("missions/b.yaml", 2, 3, "period-ended"),
    ]
    assert findings[2] == {
        "file": "missions/b.yaml",
        "line": 2,
        "column": 3,
        "severity": "warning",
        "code": "period-ended",
        "key": "uppdrag.period",
        "message": "uppdragsperioden 2021 har löpt ut",
        "date": None,
    }
    assert "ä" in REPORTER_BY_NAME["json"].findings(RESULT)  # Swedish letters are written as they are


def test_github_annotations_escape_data_and_properties() -> None:
    result = CheckResult(
        ["m:a,b.yaml"],
        [error(Location("m:a,b.yaml", 1, 1), "yaml", "50% fel,\nrad två"), *RESULT.findings[:1]],
    )
    assert REPORTER_BY_NAME["github"].findings(result) == (
        "::error file=m%3Aa%2Cb.yaml,line=1,col=1,title=uppdrag yaml::50%25 fel,%0Arad två\n"
        "::warning file=missions/b.yaml,line=2,col=3,title=uppdrag period-ended::"
        "uppdrag.period: uppdragsperioden 2021 har löpt ut\n"
        "1 nätverk: 1 fel, 1 varning.\n"
    )


EVE = Finding(
    Location("missions/ka.yaml", 40, 7), Severity.WARNING, "eve", "afton", "möten.träffar[2].datum", dt.date(2024, 4, 30)
)
TOO_FEW = error(Location("missions/ka.yaml", 38, 3), "too_few", "2 giltiga möten 2024; regeln kräver minst 4")


def _check(network: str, problems: list[Finding]) -> YearCheck:
    return YearCheck(network, network.upper(), 2024, 3, 2, 4, [], problems)


def test_meetings_json_has_every_problem_as_a_finding_and_keeps_the_old_problems_one_release() -> None:
    data = _json(REPORTER_BY_NAME["json"].meetings([_check("ka", [TOO_FEW, EVE]), _check("skis", [])], 2024))
    assert list(data) == ["version", "findings", "summary", "year", "networks"]
    assert data["version"] == 1
    assert data["year"] == 2024
    assert data["summary"] == {"networks": 2, "errors": 1, "warnings": 1}
    assert data["findings"] == [finding_json(TOO_FEW), finding_json(EVE)]  # in file order
    assert finding_json(EVE)["date"] == "2024-04-30"
    ka, skis = data["networks"]  # type: ignore[misc]  # a list of two, or the unpacking fails
    assert ka == {
        "network": "ka",
        "year": 2024,
        "count": 3,
        "valid": 2,
        "minimum": 4,
        "ok": False,
        "problems": [
            {"date": None, "kind": "too_few", "severity": "error", "message": TOO_FEW.message},
            {"date": "2024-04-30", "kind": "eve", "severity": "warning", "message": "afton"},
        ],
    }
    assert skis["problems"] == []
    assert skis["ok"] is True


def test_import_json_keeps_its_report_adds_the_findings_and_the_old_warnings_one_release() -> None:
    found = warning(Location("missions/ka.yaml", 12, 5), "placeholder", "FYLL I: ordförande saknas", "roller")
    report = {"source": "ka.docx", "format": "docx", "id": "ka", "written": None, "fields": [], "checks": []}
    data = _json(REPORTER_BY_NAME["json"].imported(report, [found]))
    assert list(data) == ["version", "findings", "summary", *report, "warnings"]
    assert data["findings"] == [finding_json(found)]
    assert data["summary"] == {"errors": 0, "warnings": 1}
    assert data["warnings"] == [
        {"location": "missions/ka.yaml:12:5", "field": "roller", "message": "FYLL I: ordförande saknas"}
    ]


def test_a_finding_has_the_same_keys_in_every_json() -> None:
    assert list(finding_json(EVE)) == FINDING_KEYS


# Each command's --format, the reporter method it calls, and the names it refuses for that
# result; `text` is the terminal's (cli/console.py). import --diff writes changes, import its report.
USES: list[tuple[type[Enum], object, set[str]]] = [
    (ValidateFormat, Reporter.findings, set()),
    (MeetingFormat, Reporter.meetings, set()),
    (ImportFormat, Reporter.imported, {"md"}),  # "--format md gäller bara --diff"
    (ImportFormat, Reporter.changes, set()),
    (DiffFormat, Reporter.changes, set()),
    (ReportFormat, Reporter.goals, set()),
    (OverviewFormat, Reporter.overview, set()),
]


@pytest.mark.parametrize(("formats", "method", "refused"), USES, ids=lambda v: getattr(v, "__name__", ""))
def test_every_format_a_command_offers_has_a_reporter_that_writes_its_result(
    formats: type[Enum], method: object, refused: set[str]
) -> None:
    for member in formats:
        if member.value == "text" or member.value in refused:
            continue
        reporter = REPORTER_BY_NAME[member.value]
        written_by = getattr(type(reporter), method.__name__)  # type: ignore[attr-defined]  # a function
        assert written_by is not method, f"--format {member.value} has no {method.__name__} reporter"  # type: ignore[attr-defined]  # a function


def test_a_reporter_asked_for_what_its_format_does_not_write_says_so() -> None:
    with pytest.raises(UnsupportedFormat, match=r"^--format github writes no meetings$"):
        REPORTER_BY_NAME["github"].meetings([], 2024)


def test_the_readme_shows_the_json_of_this_version() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### JSON-utdata") :]
    example = json.loads(re.search(r"```json\n(.*?)```", section, re.DOTALL).group(1))  # type: ignore[union-attr]  # the section has one
    assert example["version"] == JSON_VERSION
    assert list(example["findings"][0]) == FINDING_KEYS
