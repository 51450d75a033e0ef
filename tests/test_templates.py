"""output/templates: every template runs in the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from uppdrag.errors import TemplateError
from uppdrag.output.templates import Renderer


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "{{ lipsum.__globals__['os'].popen('touch ran').read() }}",
            "mallen får inte läsa '__globals__' på 'function'",
        ),
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


def test_a_template_that_links_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "hemlig.txt"
    secret.write_text("lösenord", encoding="utf-8")
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "t.md.j2").write_text('{% include "del.j2" %}\n', encoding="utf-8")
    (folder / "del.j2").symlink_to(secret)
    with pytest.raises(TemplateError) as caught:
        Renderer([folder]).render_template("t.md.j2")
    assert (
        caught.value.message
        == f"mallen '{folder / 'del.j2'}' pekar ut ur mallmappen {folder}; bara filer i mappen läses"
    )
    assert caught.value.exit_code == 2


def test_a_link_inside_the_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "riktig.j2").write_text("hej {{ namn }}", encoding="utf-8")
    (tmp_path / "t.md.j2").symlink_to(tmp_path / "riktig.j2")
    assert Renderer([tmp_path]).render_template("t.md.j2", namn="du") == "hej du\n"
