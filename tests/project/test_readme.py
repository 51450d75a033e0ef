"""The README is tested, as sqlite-utils tests its documentation.

Every ```console block is a transcript: `$ ` lines are commands, the lines after one are what
it prints (stdout and stderr as a terminal shows them, in order). Each block runs in bash, in a
fresh copy of the shipped missions/ and templates/, with `uppdrag` on PATH and every command
that takes `--today` run on TODAY, `serve` on a free port, git committing on COMMITTED, and
`python -m tests.support…` at hand. Every block runs; none is skipped. A block that needs a state
the README describes in words gets it from `<!-- readme-test setup: <shell command> -->` just
above its fence; a block whose last command runs until Ctrl-C (`serve`) is marked
`<!-- readme-test interrupt: <lines> -->`: it gets Ctrl-C once it has printed that many lines,
and what it printed up to then and after is compared. The README's section on the tests
documents this.

And every command and every long option that `--help` offers appears in the README.
"""

from __future__ import annotations

import contextlib
import os
import re
import selectors
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.main

from tests.conftest import MISSIONS, REPO, TODAY
from uppdrag.cli import app
from uppdrag.cli.framework import Command, Context

README = REPO / "README.md"
FENCE = re.compile(r"^```(\S*)$")
MARK = re.compile(r"^<!-- readme-test (?:setup: (?P<setup>\S.*\S)|interrupt: (?P<interrupt>[1-9][0-9]?)) -->$")
COMMIT = re.compile(r"\([0-9a-f]{7,40}\)")  # a commit's abbreviation, which changes with missions/
COMMITTED = "2026-11-23T12:00:00+01:00"
SERVED = re.compile(r"(?<=http://127\.0\.0\.1:)[0-9]+(?=/)")  # serve's free port, shown as its default
DEFAULT_PORT = "8000"
RUN_LIMIT = 300  # seconds a command may run: a hung one fails the test instead of hanging the suite
MARKER = "<!-- readme-test"
PROMPT = "$ "


@dataclass(frozen=True)
class Step:
    """One command of a transcript and what the README says it prints."""

    command: str
    output: str


@dataclass(frozen=True)
class Transcript:
    """A ```console block of the README."""

    line: int  # of its opening fence, 1-based
    steps: tuple[Step, ...]
    setup: str | None = None  # a shell command run before it, from its marker
    interrupt: int | None = None  # its last command gets Ctrl-C after printing this many lines

    @property
    def name(self) -> str:
        return f"README.md:{self.line}"


def _blocks(lines: list[str]) -> Iterator[tuple[int, str, list[str]]]:
    """(line of the opening fence, language, body) of every fenced block."""
    opened: tuple[int, str] | None = None
    body: list[str] = []
    for number, line in enumerate(lines, 1):
        fence = FENCE.match(line)
        if fence is None:
            if opened is not None:
                body.append(line)
        elif opened is None:
            opened, body = (number, fence.group(1)), []
        else:
            yield opened[0], opened[1], body
            opened = None
    assert opened is None, f"README.md:{opened[0]}: the block is never closed"


def _steps(line: int, body: list[str]) -> tuple[Step, ...]:
    assert body and body[0].startswith(PROMPT), f"README.md:{line}: a console block starts with `$ `"
    steps: list[Step] = []
    for text in body:
        if text.startswith(PROMPT):
            steps.append(Step(text.removeprefix(PROMPT), ""))
        else:
            last = steps[-1]
            steps[-1] = Step(last.command, last.output + text + "\n")
    # a blank line before the next `$` separates commands; it is not output
    separated = [Step(step.command, step.output.rstrip("\n") + "\n" if step.output.strip() else "") for step in steps]
    return (*separated[:-1], steps[-1])


def transcripts(text: str) -> list[Transcript]:
    lines = text.splitlines()
    found = []
    for line, language, body in _blocks(lines):
        before = next((lines[index] for index in range(line - 2, -1, -1) if lines[index].strip()), "")
        mark = MARK.match(before)
        if before.startswith(MARKER):
            assert mark, (
                f"README.md:{line - 1}: write the marker as `<!-- readme-test setup: <shell command> -->` "
                "or `<!-- readme-test interrupt: <lines> -->`"
            )
            assert language == "console", f"README.md:{line}: a readme-test marker stands above a console block"
        if language == "console":
            interrupt = mark.group("interrupt") if mark else None
            setup = mark.group("setup") if mark else None
            found.append(Transcript(line, _steps(line, body), setup, int(interrupt) if interrupt else None))
    return found


TRANSCRIPTS = transcripts(README.read_text(encoding="utf-8"))


def _root() -> Command:
    return typer.main.get_command(app)


def _commands(group: Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Command]]:
    """Every command under group, by its path of names (("report", "mål"), …), groups included."""
    with Context(group, info_name="uppdrag") as ctx:
        for name in group.list_commands(ctx):  # type: ignore[attr-defined]  # a group: the callers ask only groups
            command = group.get_command(ctx, name)  # type: ignore[attr-defined]  # as above
            assert command is not None
            yield (*path, name), command
            if hasattr(command, "list_commands"):
                yield from _commands(command, (*path, name))


def _long_options(command: Command) -> list[str]:
    return [name for param in command.params for name in param.opts + param.secondary_opts if name.startswith("--")]


def _bin_folder(folder: Path) -> Path:
    """The commands a transcript has besides the system's: `uppdrag`, the real one with
    `--today TODAY` added to a command that takes it and was not given it (their output depends on
    the date) and `--port 0` to a `serve` without `--port` (8000 may be busy on this machine); and
    `python`, this test's, for setups that make files with tests/support."""
    dated = sorted(" ".join(path) for path, command in _commands(_root()) if "--today" in _long_options(command))
    script = folder / "uppdrag"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "from uppdrag.cli import main\n"
        f"DATED = {dated!r}\n"
        "words = [word for word in sys.argv[1:] if not word.startswith('-')]\n"
        "named = ' '.join(words[:2]) if ' '.join(words[:2]) in DATED else ''.join(words[:1])\n"
        f"if named in DATED and '--today' not in sys.argv:\n    sys.argv += ['--today', {TODAY!r}]\n"
        "if named == 'serve' and not any(word.startswith('--port') for word in sys.argv):\n"
        "    sys.argv += ['--port', '0']\n"
        "main()\n",
        encoding="utf-8",
    )
    python = folder / "python"
    python.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n', encoding="utf-8")
    for made in (script, python):
        made.chmod(0o755)
    return folder


def _environment(bin_folder: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),  # for `python -m tests.support.…` in a setup
        "NO_COLOR": "1",
        "TERM": "dumb",
        "PYTHONUNBUFFERED": "1",  # stdout and stderr reach the pipe in the order they were written
        **{
            f"GIT_{who}_{what}": value
            for who in ("AUTHOR", "COMMITTER")
            for what, value in (("NAME", "Anna Andersson"), ("EMAIL", "anna@example.org"), ("DATE", COMMITTED))
        },
    }
    env.pop("COLUMNS", None)
    return env


def _run(command: str, cwd: Path, bin_folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=_environment(bin_folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=RUN_LIMIT,
    )


def _run_until_interrupted(command: str, cwd: Path, bin_folder: Path, lines: int) -> str:
    """What command prints until it has printed `lines` lines, then gets Ctrl-C (SIGINT to its
    process group, as a terminal sends it), and then prints until it ends."""
    with subprocess.Popen(
        ["bash", "-c", command],
        cwd=cwd,
        env=_environment(bin_folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, which Ctrl-C reaches and pytest's does not
    ) as process:
        assert process.stdout is not None
        try:
            before = _lines(process, lines)
            with contextlib.suppress(ProcessLookupError):  # it may have ended by itself
                os.killpg(process.pid, signal.SIGINT)
            after, _ = process.communicate(timeout=RUN_LIMIT)
        finally:
            with contextlib.suppress(ProcessLookupError):  # whatever of its group still runs
                os.killpg(process.pid, signal.SIGKILL)
    return (before + after).decode("utf-8")


def _lines(process: subprocess.Popen[bytes], wanted: int) -> bytes:
    """The first `wanted` lines the process prints; fewer if it ends first or runs past RUN_LIMIT."""
    assert process.stdout is not None
    read = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while read.count(b"\n") < wanted and selector.select(RUN_LIMIT):
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            read += chunk
    return read


def _printed(step: Step, cwd: Path, bin_folder: Path, interrupt: int | None = None) -> str:
    """What the step prints, normalised as the README's section on the tests says."""
    if interrupt is None:
        printed = _run(step.command, cwd, bin_folder).stdout
    else:
        printed = SERVED.sub(DEFAULT_PORT, _run_until_interrupted(step.command, cwd, bin_folder, interrupt))
    return COMMIT.sub("(<incheckning>)", printed.replace(f"{cwd}{os.sep}", ""))


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=lambda transcript: transcript.name)
def test_console_example_prints_what_the_readme_shows(transcript: Transcript, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(MISSIONS, work / "missions")
    shutil.copytree(REPO / "templates", work / "templates")
    bin_folder = _bin_folder(tmp_path)
    if transcript.setup:
        made = _run(transcript.setup, work, bin_folder)
        assert made.returncode == 0, f"{transcript.name}: setup: {made.stdout}"
    for number, step in enumerate(transcript.steps, 1):
        expected = COMMIT.sub("(<incheckning>)", step.output)
        interrupt = transcript.interrupt if number == len(transcript.steps) else None
        assert _printed(step, work, bin_folder, interrupt) == expected, f"{transcript.name}: $ {step.command}"


def test_transcripts_are_found_and_all_run() -> None:
    """Every console example runs: no marker skips one (a `skip` marker is refused as misspelt), and
    the one that runs until Ctrl-C, `serve`, is interrupted."""
    assert len(TRANSCRIPTS) >= 9
    assert [transcript.steps[-1].command for transcript in TRANSCRIPTS if transcript.interrupt] == [
        "uppdrag serve    # och sedan Ctrl-C"
    ]


def test_a_transcript_is_read_as_commands_and_their_output() -> None:
    text = (
        "intro\n\n```console\n$ uppdrag a\nett\n\n$ uppdrag b   # kommentar\ntvå\n\n```\n\n"
        "<!-- readme-test interrupt: 2 -->\n```console\n$ uppdrag serve\n```\n"
        "```sh\nuppdrag c\n```\n"
        "<!-- readme-test setup: git init -q -->\n```console\n$ uppdrag diff n\n```\n"
    )
    assert transcripts(text) == [
        Transcript(3, (Step("uppdrag a", "ett\n"), Step("uppdrag b   # kommentar", "två\n\n"))),
        Transcript(13, (Step("uppdrag serve", ""),), interrupt=2),
        Transcript(20, (Step("uppdrag diff n", ""),), setup="git init -q"),
    ]


def test_a_console_block_without_a_prompt_is_refused() -> None:
    with pytest.raises(AssertionError, match=r"README.md:1: a console block starts with `\$ `"):
        transcripts("```console\nbara utdata\n```\n")


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- readme-test hoppa: x -->",
        "<!-- readme-test skip: servern kör tills den avbryts -->",  # no block is skipped
        "<!-- readme-test interrupt: två -->",
        "<!-- readme-test interrupt: 0 -->",
        "<!-- readme-test interrupt:2 -->",
        "<!-- readme-test interrupt: 2 sekunder -->",
        "<!-- readme-test setup:  -->",
    ],
)
def test_a_misspelt_marker_is_refused(marker: str) -> None:
    with pytest.raises(AssertionError, match=r"README\.md:1: write the marker as `<!-- readme-test setup: "):
        transcripts(f"{marker}\n```console\n$ uppdrag serve\n```\n")


def test_a_command_is_interrupted_after_the_lines_it_should_print(tmp_path: Path) -> None:
    """Ctrl-C reaches the command and everything it prints before and after is kept."""
    command = "trap 'echo avbruten; exit 0' INT; echo ett; echo två; while true; do sleep 1; done"
    assert _run_until_interrupted(command, tmp_path, tmp_path, 2) == "ett\ntvå\navbruten\n"


def test_a_command_that_ends_before_its_lines_is_not_waited_for(tmp_path: Path) -> None:
    assert _run_until_interrupted("echo ett", tmp_path, tmp_path, 3) == "ett\n"


def test_serve_gets_a_free_port_and_python_is_this_tests(tmp_path: Path) -> None:
    folder = _bin_folder(tmp_path)
    wrapper = (folder / "uppdrag").read_text(encoding="utf-8")
    assert "if named == 'serve' and not any(word.startswith('--port') for word in sys.argv):" in wrapper
    printed = _run("python -c 'import sys, tests; print(sys.executable)'", tmp_path, folder).stdout
    assert printed == f"{sys.executable}\n"


COMMANDS = sorted(_commands(_root()))


def test_every_command_is_walked() -> None:
    names = [" ".join(path) for path, _ in COMMANDS]
    assert "validate" in names and "report" in names and "report mål" in names and len(names) == 15


SHARED = "### Flaggor som flera kommandon har"


def _section(readme: str, heading: str) -> str:
    """The README from the heading that starts with `heading` to the next heading."""
    found = re.search(rf"^{re.escape(heading)}.*?(?=^#)", readme, re.MULTILINE | re.DOTALL)
    assert found, f"README.md has no heading {heading!r}"
    return found.group(0)


def _mentions(text: str, option: str) -> bool:
    """Whether text names option inside `code`."""
    return re.search(rf"`[^`\n]*{re.escape(option)}\b[^`\n]*`", text) is not None


def _shared_row(readme: str, option: str) -> str:
    """The row of the shared options' table that names option, or ""."""
    rows = [row for row in _section(readme, SHARED).splitlines() if row.startswith("| `")]
    return next((row for row in rows if _mentions(row.split(" | ")[0], option)), "")


@pytest.mark.parametrize(
    "path, option",
    sorted({(path, option) for path, command in COMMANDS for option in _long_options(command)}),
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else value,
)
def test_every_long_option_is_in_its_commands_readme_section(path: tuple[str, ...], option: str) -> None:
    """In the command's own section, or in the shared options' table on a row that lists it."""
    readme = README.read_text(encoding="utf-8")
    command = " ".join(path)
    if not _mentions(_section(readme, f"### `uppdrag {command}"), option):
        assert f"`{command}`" in _shared_row(readme, option).split(" | ")[-1], f"uppdrag {command} {option}"


@pytest.mark.parametrize("option", _long_options(_root()))
def test_every_option_of_uppdrag_itself_is_in_the_readme(option: str) -> None:
    assert _mentions(_section(README.read_text(encoding="utf-8"), SHARED), option), f"uppdrag {option}"


def test_the_shared_table_lists_only_commands_that_have_the_option() -> None:
    readme = README.read_text(encoding="utf-8")
    for row in _section(readme, SHARED).splitlines():
        if row.startswith("| `") and not row.endswith("| alla |"):
            option = re.findall(r"--[\w-]+", row.split(" | ")[0])[0]
            listed = set(re.findall(r"`([^`]+)`", row.split(" | ")[-1]))
            having = {" ".join(path) for path, command in COMMANDS if option in _long_options(command)}
            assert listed == having, option
