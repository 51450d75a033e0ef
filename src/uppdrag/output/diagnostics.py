"""Findings as styled text lines and sentences: data only, never printed here (JSON and
GitHub annotations: output/reporters.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from uppdrag.findings import CheckResult, Finding
from uppdrag.models import join_swedish
from uppdrag.read.loading import is_shared_file

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
    """'5 nätverk och 3 delade filer: 0 fel, 1 varning.': networks and shared files apart."""
    shared = sum(is_shared_file(Path(f)) for f in result.files)
    counted = plural(len(result.files) - shared, "nätverk", "nätverk")
    if shared:
        counted += f" och {plural(shared, 'delad fil', 'delade filer')}"
    return f"{counted}: {plural(result.errors, 'fel', 'fel')}, {plural(result.warnings, 'varning', 'varningar')}."


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
    return f"{names} {kind} ({count} ovan); HTML, PDF och Word märks UTKAST tills varningarna är åtgärdade"


def text_lines(result: CheckResult) -> Iterator[Line]:
    """Findings grouped per file, then a closing summary."""
    for file, findings in result.by_file().items():
        yield [(file, "file")]
        for finding in findings:
            yield [("  ", None)] + finding_line(finding)
        yield []
    style = "error" if result.errors else "warning" if result.warnings else "ok"
    yield [(summary(result), style)]
