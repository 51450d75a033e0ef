"""output/templates: the sandbox, and Markdown that data cannot turn into structure."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from uppdrag.errors import TemplateError
from uppdrag.output.templates import Renderer, markdown_escape


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ lipsum.__globals__['os'].popen('touch ran').read() }}", "mallen får inte läsa '__globals__' på 'function'"),
        ("{{ ''.__class__.__mro__ }}", "mallen får inte läsa '__class__' på 'str'"),
        ("{{ '{0.__class__}'.format(1) }}", "mallen får inte läsa '__class__' på 'int'"),
        ("{{ range(10**9) | list }}", "mallen gör ett för stort intervall (range)"),
    ],
)
def test_blocked_access_is_a_located_error(tmp_path: Path, source: str, message: str) -> None:
    (tmp_path / "t.md.j2").write_text("rad ett\n" + source + "\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        Renderer([tmp_path]).render_template("t.md.j2")
    assert caught.value.message.startswith(f"{tmp_path / 't.md.j2'}:2: {message}")
    assert caught.value.exit_code == 2
    assert not Path("ran").exists()


def test_html_is_still_autoescaped(tmp_path: Path) -> None:
    (tmp_path / "t.html.j2").write_text("{{ text }}", encoding="utf-8")
    assert Renderer([tmp_path]).render_template("t.html.j2", text="<b>") == "&lt;b&gt;\n"


HOSTILE_TEXT = "Rubrik\n===\nText\n---\n    kod\n\n# inte rubrik\n- inte punkt\n1. inte lista\n~~inte struken~~ <b>x</b> [l](http://x)"


def test_markdown_escape_keeps_data_text() -> None:
    escaped = markdown_escape(HOSTILE_TEXT)
    assert escaped == (
        "Rubrik\n\\===\nText\n\\---\nkod\n\\# inte rubrik\n\\- inte punkt\n1\\. inte lista\n"
        "\\~\\~inte struken\\~\\~ \\<b\\>x\\</b\\> \\[l\\](http://x)"
    )


def test_pandoc_reads_escaped_data_as_one_paragraph_of_text() -> None:
    pandoc = subprocess.run(
        ["pandoc", "-f", "gfm", "-t", "json"], input="- " + markdown_escape(HOSTILE_TEXT),
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    if pandoc.returncode != 0:
        pytest.fail(pandoc.stderr)
    import json

    blocks = json.loads(pandoc.stdout)["blocks"]
    assert [b["t"] for b in blocks] == ["BulletList"]
    [[item]] = blocks[0]["c"]
    assert item["t"] in ("Plain", "Para")  # one block of text: no heading, code, list or HTML
    kinds = {inline["t"] for inline in item["c"]}
    assert kinds <= {"Str", "Space", "SoftBreak"}
