"""Paths the file system refuses (a name too long, a device, a FIFO): a Swedish message and
exit 2 from every command, never exit 3."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY
from uppdrag.cli import app

LONG = "x" * 300  # NAME_MAX is 255 bytes on every common file system
KNOWN = "kända id: forskola, grundskola, ka, sarskola, skis"


def _shown(path: str) -> str:
    return path[:60] + "…" + path[-20:]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", LONG], f"okänt id '{LONG}'; {KNOWN}"),
        (["calendar", LONG], f"okänt id '{LONG}'; {KNOWN}"),
        (["plan-meetings", LONG, "2027"], f"okänt id '{LONG}'; {KNOWN}"),
        (["check-meetings", "2026", LONG], f"okänt id '{LONG}'; {KNOWN}"),
        (["diff", LONG], f"okänt id '{LONG}'; {KNOWN}"),
        (
            ["render", "forskola", "-o", f"{LONG}.md"],
            f"sökvägen '{_shown(LONG + '.md')}' går inte att använda: namnet är för långt",
        ),
        (
            ["render", "forskola", "--html", "--templates", LONG],
            f"sökvägen '{_shown(LONG)}' går inte att använda: namnet är för långt",
        ),
        (
            ["calendar", "forskola", "-o", f"{LONG}.ics"],
            f"kan inte skriva '{_shown(LONG + '.ics')}': namnet är för långt",
        ),
        (["diff", "forskola", "--file", f"{LONG}.yaml"], f"filen '{_shown(LONG + '.yaml')}' finns inte"),
        (
            ["validate", f"{LONG}.yaml"],
            f"sökvägen '{_shown(LONG + '.yaml')}' går inte att använda: namnet är för långt",
        ),
        (
            ["validate", f"missions/{LONG}.yaml"],
            f"sökvägen '{_shown(f'missions/{LONG}.yaml')}' går inte att använda: namnet är för långt",
        ),
        (["new", LONG], f"sökvägen '{_shown(f'missions/{LONG}.yaml')}' går inte att använda: namnet är för långt"),
        (["import", f"{LONG}.docx"], f"sökvägen '{_shown(LONG + '.docx')}' går inte att använda: namnet är för långt"),
        (
            ["import", "ka.txt", "--id", LONG],
            f"sökvägen '{_shown(f'missions/{LONG}.yaml')}' går inte att använda: namnet är för långt",
        ),
        (
            ["import", "ka.txt", "-o", f"{LONG}.yaml"],
            f"kan inte skriva '{_shown(LONG + '.yaml')}': namnet är för långt",
        ),
    ],
    ids=lambda value: " ".join(value)[:40] if isinstance(value, list) else "",
)
def test_a_name_longer_than_the_file_system_allows(shipped: Path, runner, args: list[str], message: str) -> None:
    shutil.copy(REPO / "tests" / "seeds" / "ka.txt", shipped / "ka.txt")
    before = sorted(p.name for p in shipped.rglob("*"))
    result = runner.invoke(app, [*args, "--today", TODAY] if args[0] in ("validate", "new", "import") else args)
    assert (result.exit_code, result.stderr) == (2, f"fel: {message}\n")
    assert sorted(p.name for p in shipped.rglob("*")) == before  # nothing was made


def test_a_path_error_nobody_caught_is_a_swedish_message(shipped: Path, runner, monkeypatch) -> None:
    # Any command, any of these errors: the one handler in the CLI names the path in Swedish.
    import errno

    from uppdrag.views import overview

    def loop(*args: object) -> None:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), "missions/lank.yaml")

    monkeypatch.setattr(overview, "overview_rows", loop)
    result = runner.invoke(app, ["overview"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: sökvägen 'missions/lank.yaml' går inte att använda: för många symboliska länkar i sökvägen\n",
    )


def test_any_other_os_error_is_still_an_internal_error(shipped: Path, runner, monkeypatch) -> None:
    import errno

    from uppdrag.views import overview

    def bad(*args: object) -> None:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    monkeypatch.setattr(overview, "overview_rows", bad)
    result = runner.invoke(app, ["overview"])
    assert isinstance(result.exception, OSError)  # main() turns it into "internt fel …" and exit 3


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_diff_file_names_a_file_that_is_not_regular(shipped: Path, runner, kind: str) -> None:
    if kind == "fifo":
        name = "ror.yaml"
        os.mkfifo(shipped / name)  # nobody writes into it: opening it would wait for ever
    else:
        name = "/dev/zero"  # endless: reading it would never end
    result = runner.invoke(app, ["diff", "forskola", "--file", name])
    assert (result.exit_code, result.stderr) == (2, f"fel: kan inte läsa '{name}': är inte en vanlig fil\n")


def test_diff_file_that_is_missing_or_a_link_loop(shipped: Path, runner) -> None:
    (shipped / "loop.yaml").symlink_to("loop.yaml")
    missing = runner.invoke(app, ["diff", "forskola", "--file", "borta.yaml"])
    assert (missing.exit_code, missing.stderr) == (2, "fel: filen 'borta.yaml' finns inte\n")
    looped = runner.invoke(app, ["diff", "forskola", "--file", "loop.yaml"])
    assert (looped.exit_code, looped.stderr) == (
        2,
        "fel: kan inte läsa 'loop.yaml': för många symboliska länkar i sökvägen\n",
    )
