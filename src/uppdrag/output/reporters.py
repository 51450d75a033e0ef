"""Every --format by name (REPORTER_BY_NAME), and the one JSON shape of a finding.

A command picks its reporter by the name the user gave and hands it its result; the reporter
returns the text, the CLI writes it. `text` is the terminal's own (rich tables and coloured
lines in cli/console.py) and so not here. README (JSON-utdata) describes the JSON; its
`version` changes only when a key is removed or changes meaning.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from uppdrag.findings import CheckResult, Finding
from uppdrag.output.diagnostics import summary

if TYPE_CHECKING:  # Jinja and the views stay out of `validate`'s imports
    from uppdrag.check.meetings import YearCheck
    from uppdrag.models import Organisation
    from uppdrag.output.templates import Renderer
    from uppdrag.views.changes import MissionChanges
    from uppdrag.views.goals import GoalsReport
    from uppdrag.views.overview import OverviewRow

JSON_VERSION = 1

# The keys findings had before version 1, kept one release where each command wrote them:
# check-meetings' `problems` (kind) and import's `warnings` (location, field).
LEGACY_KEYS: dict[str, Callable[[Finding], object]] = {
    "date": lambda f: f.date.isoformat() if f.date else None,
    "kind": lambda f: f.code,
    "location": lambda f: str(f.location),
    "field": lambda f: f.key_path,
    "severity": lambda f: f.severity.value,
    "message": lambda f: f.message,
}


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding as every JSON output writes it."""
    return {
        "file": finding.location.file,
        "line": finding.location.line,
        "column": finding.location.column,
        "severity": finding.severity.value,
        "code": finding.code,
        "key": finding.key_path,
        "message": finding.message,
        "date": finding.date.isoformat() if finding.date else None,
    }


def legacy_finding_json(finding: Finding, keys: tuple[str, ...]) -> dict[str, Any]:
    """A finding under the keys one command wrote before version 1 (LEGACY_KEYS)."""
    return {key: LEGACY_KEYS[key](finding) for key in keys}


def _counts(findings: list[Finding]) -> dict[str, int]:
    errors = sum(f.is_error for f in findings)
    return {"errors": errors, "warnings": len(findings) - errors}


def _document(findings: list[Finding], summary: Mapping[str, int], **rest: Any) -> str:
    ordered = sorted(findings, key=Finding.sort_key)
    document = {"version": JSON_VERSION, "findings": [finding_json(f) for f in ordered], "summary": dict(summary)}
    return json.dumps({**document, **rest}, ensure_ascii=False, indent=2) + "\n"


class UnsupportedFormat(TypeError):
    """A command asked a reporter for something its format does not write: a bug, since each
    command's --format lists only the names that do (tests/unit/output/test_reporters.py)."""


class Reporter:
    """One --format: a method per kind of result it can write."""

    name = ""
    uses_templates = False  # report mål's pages come from the Jinja templates

    def _unsupported(self, kind: str) -> UnsupportedFormat:
        return UnsupportedFormat(f"--format {self.name} writes no {kind}")

    def findings(self, result: CheckResult) -> str:
        """validate's findings."""
        raise self._unsupported("findings")

    def meetings(self, checks: list[YearCheck], year: int) -> str:
        """check-meetings' networks and their problems."""
        raise self._unsupported("meetings")

    def imported(self, report: Mapping[str, Any], warnings: list[Finding]) -> str:
        """import's report: what was read from where, and what validate says of the new file."""
        raise self._unsupported("import report")

    def changes(self, changes: MissionChanges) -> str:
        """diff's changes."""
        raise self._unsupported("changes")

    def goals(
        self, report: GoalsReport, names: dict[str, str], organisation: Organisation, renderer: Renderer | None
    ) -> str:
        """report mål; renderer is given when uses_templates."""
        raise self._unsupported("goals report")

    def overview(self, rows: list[OverviewRow]) -> str | bytes:
        """overview's table."""
        raise self._unsupported("overview")


class JsonReporter(Reporter):
    name = "json"

    def findings(self, result: CheckResult) -> str:
        counts = {"files": len(result.files), **_counts(result.findings)}
        return _document(result.findings, counts, files=result.files)

    def meetings(self, checks: list[YearCheck], year: int) -> str:
        problems = [p for check in checks for p in check.problems]
        networks = [
            {
                "network": check.network,
                "year": check.year,
                "count": check.count,
                "valid": check.valid,
                "minimum": check.minimum,
                "ok": check.ok,
                "problems": [legacy_finding_json(p, ("date", "kind", "severity", "message")) for p in check.problems],
            }
            for check in checks
        ]
        return _document(problems, {"networks": len(checks), **_counts(problems)}, year=year, networks=networks)

    def imported(self, report: Mapping[str, Any], warnings: list[Finding]) -> str:
        legacy = [legacy_finding_json(f, ("location", "field", "message")) for f in warnings]
        return _document(warnings, _counts(warnings), **report, warnings=legacy)

    def changes(self, changes: MissionChanges) -> str:
        from uppdrag.output.changes import to_data

        return json.dumps({"version": JSON_VERSION, **to_data(changes)}, ensure_ascii=False, indent=2) + "\n"

    def goals(
        self, report: GoalsReport, names: dict[str, str], organisation: Organisation, renderer: Renderer | None
    ) -> str:
        from uppdrag.output.goals import to_json

        return to_json(report) + "\n"

    def overview(self, rows: list[OverviewRow]) -> str:
        from uppdrag.output.overview import to_json

        return to_json(rows) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""

    name = "github"

    def findings(self, result: CheckResult) -> str:
        lines = []
        for findings in result.by_file().values():
            for f in findings:
                command = "error" if f.is_error else "warning"
                message = f"{f.key_path}: {f.message}" if f.key_path else f.message
                props = (
                    f"file={_escape_property(f.location.file)},line={f.location.line},"
                    f"col={f.location.column},title={_escape_property('uppdrag ' + f.code)}"
                )
                lines.append(f"::{command} {props}::{_escape_data(message)}")
        lines.append(summary(result))
        return "\n".join(lines) + "\n"


class CsvReporter(Reporter):
    name = "csv"

    def overview(self, rows: list[OverviewRow]) -> bytes:
        from uppdrag.output.overview import to_csv

        return to_csv(rows)


class _PageReporter(Reporter):
    """A format report mål writes as a page from its mal.*.j2 template."""

    uses_templates = True

    def goals(
        self, report: GoalsReport, names: dict[str, str], organisation: Organisation, renderer: Renderer | None
    ) -> str:
        from uppdrag.output.goals import goals_page

        assert renderer is not None, "uses_templates: the command passes its renderer"
        return goals_page(report, names, renderer, self.name, organisation)


class MarkdownReporter(_PageReporter):
    name = "md"

    def changes(self, changes: MissionChanges) -> str:
        from uppdrag.output.changes import to_markdown

        return to_markdown(changes.changes, changes.title, changes.notes)

    def overview(self, rows: list[OverviewRow]) -> str:
        from uppdrag.output.overview import to_markdown

        return to_markdown(rows)


class HtmlReporter(_PageReporter):
    name = "html"


REPORTER_BY_NAME: dict[str, Reporter] = {
    reporter.name: reporter
    for reporter in (JsonReporter(), GithubReporter(), CsvReporter(), MarkdownReporter(), HtmlReporter())
}
