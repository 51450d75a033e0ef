"""The terminal: the two consoles, colours, and every rich table the commands print.

The only module that builds rich tables. Data from the user's files always enters as `Text`
(never as a markup string), so `[/b]` or `[link=…]` in a name is printed as it is written, and
control characters are shown escaped instead of reaching the terminal.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, TypeVar

from uppdrag.control_characters import CONTROL_CHARACTERS

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from uppdrag.check.meetings import YearCheck
    from uppdrag.findings import CheckResult, Finding
    from uppdrag.views.changes import MissionChanges
    from uppdrag.views.goals import GoalsReport
    from uppdrag.views.overview import OverviewRow

MIN_WIDTH = 40
Item = TypeVar("Item")


class Terminal:
    """Standard output or error: a rich Console, made the first time something needs one.

    Lines of plain text into a pipe or file never do (`print_line`), so `uppdrag validate` in
    CI or a pre-commit hook does not load rich at all: a tenth of its start-up."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    @property
    def rich(self) -> Console:
        if self._console is None:
            from rich.console import Console

            console = Console(stderr=self._stderr, soft_wrap=True, highlight=False)
            if console.width < MIN_WIDTH:  # COLUMNS=0 or a tiny terminal: rich would print nothing useful
                console.width = 80
            self._console = console
        return self._console

    def __getattr__(self, name: str) -> Any:  # print, width, is_terminal …: the Console's own
        return getattr(self.rich, name)

    @property
    def file(self) -> IO[str]:
        return sys.stderr if self._stderr else sys.stdout

    def is_plain(self) -> bool:
        """Whether rich would print bare text here: not a terminal, and nothing forces colour.
        Rich's own rule (Console.is_terminal), asked without loading rich; should a later rich
        decide otherwise, the text is the same and only the colours are lost."""
        if self._console is not None:
            return not self._console.is_terminal
        compatible = os.environ.get("TTY_COMPATIBLE", "")
        if compatible in ("0", "1"):
            return compatible == "0"
        if os.environ.get("FORCE_COLOR") is not None:
            return os.environ["FORCE_COLOR"] == ""
        try:
            return not self.file.isatty()
        except (AttributeError, ValueError):  # no stream, no isatty, or a closed one: not a terminal
            return True


stdout = Terminal()
stderr = Terminal(stderr=True)

STYLES = {
    "added": "green",
    "removed": "red",
    "reworded": "yellow",
    "changed": "yellow",
    "shared": "bold yellow",
    "unplaced": "bold yellow",
    "unpaired": "bold yellow",
    "file": "bold",
    "location": "bold",
    "error": "bold red",
    "warning": "bold yellow",
    "key": "cyan",
    "ok": "bold green",
}

# The characters no text may hold (control_characters), and lone surrogates: the bytes of a
# file name that is not UTF-8.
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}\ud800-\udfff]")


def _written_out(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as surrogateescape carries it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object) -> str:
    """text with control characters written out (ESC as \\x1b, U+202E as \\u202e)."""
    return _CONTROL.sub(_written_out, str(text))


def visible_line(text: object) -> str:
    """visible, and on one line: a line break in a file name must not forge the next line."""
    return visible(str(text).replace("\n", "\\n"))


def data(text: object, style: str | None = None) -> Text:
    """A piece of user data as rich Text: never parsed as markup, controls made visible."""
    from rich.text import Text

    return Text(visible(text), style=STYLES.get(style or "", style or ""))


Segment = tuple[str, str | None]


def line_text(segments: Iterable[Segment]) -> Text:
    from rich.text import Text

    text = Text()
    for part, style in segments:
        text.append(visible_line(part), style=STYLES.get(style or ""))
    return text


def print_line(segments: Iterable[Segment], console: Terminal = stdout) -> None:
    """One line of styled pieces; where rich would drop the styles, written as rich would
    write it (tabs expanded) without it."""
    if console.is_plain():
        file = console.file
        if file is not None:  # None: the stream was closed (`>&-`); rich writes nowhere then too
            file.write("".join(visible_line(part) for part, _ in segments).expandtabs(8) + "\n")
            file.flush()  # as rich does: lines on stdout and stderr stay in order
    else:
        console.print(line_text(segments))


def print_error(message: str) -> None:
    print_line([("fel: ", "error"), (message, None)], stderr)


def print_plain(text: str, console: Terminal = stdout) -> None:
    """Text of one or more lines, without styles."""
    for line in text.split("\n"):
        print_line([(line, None)], console)


def print_findings(result: CheckResult, console: Terminal = stderr, errors_only: bool = False) -> None:
    from uppdrag.output.diagnostics import finding_line

    for findings in result.by_file().values():
        for finding in findings:
            if finding.is_error or not errors_only:
                print_line(finding_line(finding), console)


def print_drafts(drafts: dict[str, list[Finding]]) -> None:
    """The warnings that make documents drafts, then what that means for them."""
    from uppdrag.output.diagnostics import draft_notice, finding_line

    for finding in (f for found in drafts.values() for f in found):
        print_line(finding_line(finding), stderr)
    print_line([("varning:", "warning"), (" " + draft_notice(drafts, strict=False), None)], stderr)


def plain_text(renderable: object, width: int = 120) -> str:
    """What rich would print, as plain text for a file: no colours, a fixed width."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, highlight=False, soft_wrap=False).print(renderable)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


# --- check-meetings -----------------------------------------------------------------------


def _meeting_status(check: YearCheck) -> Text:
    from rich.text import Text

    errors = sum(p.severity.value == "error" for p in check.problems)
    warnings = len(check.problems) - errors
    if errors:
        status = Text(f"{errors} fel", style="bold red")
    elif not check.has_rule:
        status = Text("ingen regel", style="dim")
    else:
        status = Text("ok", style="bold green")
    if warnings:
        status.append(f", {warnings} varn.", style="yellow")
    return status


def print_meeting_checks(checks: list[YearCheck], year: int) -> None:
    """A row per network, then each network's problems with their locations."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Möten {year}", title_justify="left", header_style="bold")
    table.add_column("Nätverk", no_wrap=True)
    table.add_column("Namn", max_width=24)
    table.add_column(f"Möten {year}", justify="right")
    table.add_column("Minst", justify="right")
    table.add_column("Veckodag")
    table.add_column("Status", no_wrap=True)
    for check in checks:
        counted = str(check.count) if check.valid == check.count else f"{check.count} ({check.valid} giltiga)"
        table.add_row(
            data(check.network),
            data(check.name),
            counted,
            check.minimum_shown,
            ", ".join(check.weekdays) or "–",
            _meeting_status(check),
        )
    stdout.print(table)
    for check in checks:
        if check.problems:
            stdout.print(Text("\n") + data(check.network, "bold"))
        for problem in check.problems:
            line = Text("  ") + Text(f"{problem.severity.swedish}: ", style=STYLES[problem.severity.value])
            line.append_text(data(problem.message))
            line.append(f"  ({visible(problem.location)})", style="dim")
            stdout.print(line)


# --- overview -----------------------------------------------------------------------------

WIDE = 120  # below this many columns the overview keeps only what a coordinator looks for first


def overview_text(rows: list[OverviewRow]) -> str:
    """The overview table as plain text for a file (-o), as wide as it needs."""
    return plain_text(_overview_table(rows, wide=True))


def _overview_table(rows: list[OverviewRow], wide: bool) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Nätverk ({len(rows)})", title_justify="left", header_style="bold")
    table.add_column("Id", overflow="fold")
    table.add_column("Namn", overflow="fold", max_width=20)
    if wide:
        table.add_column("Mål", overflow="fold")
    conveners, members = any(row.convener for row in rows), any(row.members for row in rows)
    table.add_column(
        "Ordförande / sammankallande / sekreterare" if conveners else "Ordförande / sekreterare", overflow="fold"
    )
    if members:
        table.add_column("Medlemmar", overflow="fold")
    table.add_column("Mötesregel", overflow="fold")
    table.add_column("Reviderad", overflow="fold")
    if wide:
        table.add_column("Period", overflow="fold")
    for row in rows:
        if row.revised_age_days is None:
            revised = Text("saknas", style="yellow")
        else:
            revised = data(f"{row.revised} ({row.revised_age_days} d)", "yellow" if row.revision_overdue else None)
        people = data("\n".join(filter(None, (row.chair, row.convener, row.secretary))) or "–")
        cells = [data(row.id), data(row.name)]
        cells += [data(f"{row.steering_id}: {row.goal_ids}")] if wide else []
        cells += [people]
        cells += (
            [data(f"{row.member_count} ({row.member_municipalities} kommuner)" if row.members else "–")]
            if members
            else []
        )
        cells += [data(row.meeting_rule_short), revised]
        cells += [data(row.period)] if wide else []
        table.add_row(*cells)
    return table


def print_overview(rows: list[OverviewRow]) -> None:
    """Every network in a table; on a narrow terminal the essential columns, folded, not cut."""
    wide = stdout.width >= WIDE
    stdout.print(_overview_table(rows, wide))
    if not wide:
        stdout.print("Mål och period visas i ett bredare fönster; alla kolumner: --format csv.", style="dim")


# --- report mål ---------------------------------------------------------------------------


def print_goals_report(report: GoalsReport, names: dict[str, str]) -> None:
    """Per steering document a goals × networks matrix, then the assignments per goal."""
    from rich.table import Table
    from rich.text import Text

    for doc in report.documents:
        table = Table(title=data(doc.steering.name), title_justify="left", header_style="bold")
        table.add_column("Mål")
        for network, _ in doc.networks:
            table.add_column(data(network), justify="right")
        for row in doc.rows:
            label = doc.steering.goal_title(row.goal) + (" (inget nätverk)" if row.uncovered else "")
            cells = [str(row.counts[n]) if row.counts[n] else ("F" if n in row.focus else "–") for n, _ in doc.networks]
            table.add_row(data(label), *cells, style="bold red" if row.uncovered else None)
        stdout.print(table)
        stdout.print("F: målet i fokus utan egna uppdrag.", style="dim")
        for row in doc.rows:
            if row.assignments:
                stdout.print(Text("\n") + data(doc.steering.goal_title(row.goal), "bold"))
                for network, text in row.assignments:
                    stdout.print(Text("  • ") + data(text) + Text(" ") + data(f"({names[network]})", "dim"))
        stdout.print()
    if report.without_goal:
        stdout.print(Text("Uppdrag utan angivet mål", style="bold"))
        for _, name, text in report.without_goal:
            stdout.print(Text("  • ") + data(text) + Text(" ") + data(f"({name})", "dim"))


# --- diff ---------------------------------------------------------------------------------


def print_changes(mission_changes: MissionChanges) -> None:
    from uppdrag.output.changes import text_lines

    stdout.print(data(mission_changes.title, "bold"))
    if not mission_changes.changes:
        stdout.print("Inga direkta ändringar; förslag och kommentarer:" if mission_changes.notes else "Inga ändringar.")
        if not mission_changes.notes:
            return
    stdout.print()
    for line in text_lines(mission_changes.changes, mission_changes.notes):
        print_line(line)


# --- progress -----------------------------------------------------------------------------


@contextmanager
def progress_bar(total: int, description: str) -> Iterator[Callable[[str], None]]:
    """A callback to call once per item done; a transient bar on a terminal, else nothing."""
    if total < 2 or not stderr.is_terminal:
        yield lambda name: None
        return
    from rich.markup import escape  # a description is markup
    from rich.progress import Progress

    with Progress(console=stderr.rich, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda name: bar.update(task, advance=1, description=f"{description}: {escape(visible_line(name))}")


def progress(items: Iterable[Item], total: int, description: str) -> Iterable[Item]:
    """items, with a transient progress bar on a terminal when there is more than one."""
    if total < 2 or not stderr.is_terminal:
        return items
    from rich.progress import track

    return track(items, total=total, description=description, console=stderr.rich, transient=True)
