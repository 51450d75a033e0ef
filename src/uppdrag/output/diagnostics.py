"""Findings as text, JSON or GitHub annotations: strings only, never printed here."""

from __future__ import annotations

import json
from collections.abc import Iterator

from uppdrag.findings import CheckResult, Finding
from uppdrag.models import join_swedish

# A line of text output is a list of (text, style) segments; the CLI maps the style names
# to colours, so this module stays free of any terminal library.
Segment = tuple[str, str | None]
Line = list[Segment]


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def finding_line(finding: Finding) -> Line:
    severity = finding.severity.swedish
    line: Line = [(f"{finding.location}: ", "location"), (f"{severity}:", finding.severity.value), (" ", None)]
    if finding.key_path:
        line.append((f"{finding.key_path}: ", "key"))
    line.append((finding.message, None))
    return line


def summary(result: CheckResult) -> str:
    return (
        f"{plural(len(result.files), 'fil', 'filer')} kontrollerade: "
        f"{plural(result.errors, 'fel', 'fel')}, {plural(result.warnings, 'varning', 'varningar')}."
    )


def draft_notice(warnings_by_id: dict[str, list[Finding]], strict: bool) -> str:
    """What `render` says of unfinished documents, after their warnings."""
    ids = list(warnings_by_id)
    names = join_swedish(ids)
    count = plural(sum(len(w) for w in warnings_by_id.values()), "varning", "varningar")
    if strict:
        state = "är inte färdigt" if len(ids) == 1 else "är inte färdiga"
        return (
            f"{names} {state} ({count} ovan) och --strict gör inga utkast; "
            "åtgärda varningarna, eller gör ett utkast utan --strict"
        )
    kind = "är ett utkast" if len(ids) == 1 else "är utkast"
    return f"{names} {kind} ({count} ovan); HTML och PDF märks UTKAST tills varningarna är åtgärdade"


def text_lines(result: CheckResult) -> Iterator[Line]:
    """Findings grouped per file, then a closing summary."""
    for file, findings in result.by_file().items():
        yield [(file, "file")]
        for finding in findings:
            yield [("  ", None)] + finding_line(finding)
        yield []
    style = "error" if result.errors else "warning" if result.warnings else "ok"
    yield [(summary(result), style)]


def to_json(result: CheckResult) -> str:
    return json.dumps(
        {
            "files": result.files,
            "findings": [
                {
                    "file": f.location.file,
                    "line": f.location.line,
                    "column": f.location.column,
                    "severity": f.severity.value,
                    "code": f.code,
                    "key": f.key_path,
                    "message": f.message,
                }
                for findings in result.by_file().values()
                for f in findings
            ],
            "summary": {"files": len(result.files), "errors": result.errors, "warnings": result.warnings},
        },
        ensure_ascii=False,
        indent=2,
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
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
    return "\n".join(lines)
