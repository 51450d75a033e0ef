"""output/templates: every template runs in the sandbox, under a budget, and says in Swedish where it failed."""

from __future__ import annotations

from pathlib import Path

import pytest

from uppdrag.errors import TemplateError
from uppdrag.output.template_budget import LIMITS, TemplateLimits
from uppdrag.output.templates import TEMPLATE_BYTES, Renderer


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


def _render_error(folder: Path, source: str, limits: TemplateLimits = LIMITS) -> TemplateError:
    (folder / "t.md.j2").write_text("rad ett\n" + source + "\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        Renderer([folder], limits).render_template("t.md.j2")
    return caught.value


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "mallen tar för många steg (över 1 000 000 varv i loopar, anrop och räkneoperationer)",
        ),
        (
            "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
            "mallen tar för många steg (över 1 000 000 varv i loopar, anrop och räkneoperationer)",
        ),
        ("{{ lipsum(10**8) }}", "lipsum får göra högst 100 stycken om högst 1 000 ord"),
        ("{{ lipsum(2, max=10**9) }}", "lipsum får göra högst 100 stycken om högst 1 000 ord"),
        # Jinja would fold these constants while compiling, before any check at render time.
        (
            '{{ ("x" * 3000000000)|length }}',
            "mallen gör en för lång text eller lista med '*' (3 000 000 000 tecken eller element; högst 1 000 000)",
        ),
        (
            "{{ (range(100000)|list) * 100 }}",
            "mallen gör en för lång text eller lista med '*' (10 000 000 tecken eller element; högst 1 000 000)",
        ),
        ("{{ 2**100000000 }}", "mallen gör ett för stort tal med '**' (ungefär 30 103 000 siffror; högst 4 300)"),
        ("{{ 2.0 ** 100000 }}", "mallen gör ett för stort tal; spärrat i mallarnas sandlåda"),
        ('{{ "x".ljust(10**7) }}', "mallen skriver en för lång text (över 2 000 000 tecken)"),
        # What no count sees is stopped by the memory limit of the process that renders.
        ('{{ "x"|center(2000000000) }}', "mallen behöver för mycket minne (över 512 MB)"),
        ('{{ "%0999999999d" % 1 }}', "mallen behöver för mycket minne (över 512 MB)"),
        (
            '{% set ns = namespace(s="x") %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}',
            "mallen behöver för mycket minne (över 512 MB)",
        ),
    ],
)
def test_a_runaway_template_stops_at_its_line(tmp_path: Path, source: str, message: str) -> None:
    error = _render_error(tmp_path, source)
    assert error.message == f"{tmp_path / 't.md.j2'}:2: {message}"
    assert error.exit_code == 2


def test_a_template_over_its_time_stops_at_its_line(tmp_path: Path) -> None:
    endless = TemplateLimits(seconds=1, steps=10**15)
    error = _render_error(
        tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", endless
    )
    assert error.message == f"{tmp_path / 't.md.j2'}:2: mallen tar för lång tid (över 1 sekund)"
    assert error.exit_code == 2


def test_an_included_template_is_bounded_too(tmp_path: Path) -> None:
    (tmp_path / "del.j2").write_text("\n\n{{ lipsum(1000) }}\n", encoding="utf-8")
    error = _render_error(tmp_path, '{% include "del.j2" %}')
    assert error.message == f"{tmp_path / 'del.j2'}:3: lipsum får göra högst 100 stycken om högst 1 000 ord"


def test_a_template_within_its_budget_is_untouched(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text(
        '{% for i in range(3) %}{{ i * 2 }}{{ "ab" * 2 }}{{ 2**10 }} {% endfor %}{{ lipsum(1, false, 5, 6)|wordcount }}',
        encoding="utf-8",
    )
    assert Renderer([tmp_path]).render_template("t.md.j2") == "0abab1024 2abab1024 4abab1024 5\n"


def test_a_template_file_too_large_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text("x" * (TEMPLATE_BYTES + 1), encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        Renderer([tmp_path]).render_template("t.md.j2")
    assert caught.value.message == (
        f"mallen '{tmp_path / 't.md.j2'}' är för stor (över 1024 kB); en mall är en textfil med layouten, inte data"
    )
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 1/0 }}", "fel i mallen: division med noll"),
        ('{{ 1 + "a" }}', "fel i mallen: '+' går inte mellan ett heltal och en text"),
        ('{{ "a" + 1 }}', "fel i mallen: '+' går inte mellan en text och ett heltal; foga ihop text med '~'"),
        ('{{ 1 < "a" }}', "fel i mallen: '<' går inte mellan ett heltal och en text"),
        ('{{ "{:q}".format(1) }}', "fel i mallen: ogiltig formatsträng"),
        ('{{ "%d" % "a" }}', "fel i mallen: formatsträngen passar inte värdena"),
        ('{{ "{1}".format(1) }}', "fel i mallen: ett index eller en formatsträng pekar på ett värde som inte finns"),
        ("{{ 10**4000 * 10**1000 }}", "mallen gör ett för stort tal med '*' (ungefär 5 000 siffror; högst 4 300)"),
        ("{{ 10**4299 * 10 }}", "fel i mallen: ett tal har för många siffror (högst 4 300)"),
        ("{{ (1)() }}", "fel i mallen: ett heltal kan inte anropas"),
        ("{% for x in 1 %}{% endfor %}", "fel i mallen: ett heltal går inte att loopa över"),
        ('{{ "a".split(1, 2, 3) }}', "fel i mallen: fel antal eller okänt namn på argumenten i ett anrop"),
        ("{{ x }}", "fel i mallen: 'x' är inte definierad"),
        ('{{ "a".nope() }}', "fel i mallen: 'nope' finns inte på 'str'"),
    ],
)
def test_a_run_time_error_is_a_located_template_error(tmp_path: Path, source: str, message: str) -> None:
    error = _render_error(tmp_path, source)
    assert error.message == f"{tmp_path / 't.md.j2'}:2: {message}"
    assert error.exit_code == 2


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 1 + }}", "oväntat '}}'"),
        ("{% for %}", "ett uttryck saknas; fann '%}'"),
        (
            "{% if 1 %}",
            "mallen tar slut för tidigt; väntade på 'elif' eller 'else' eller 'endif'; blocket 'if' är inte avslutat",
        ),
        (
            "{% for x in y %}{% endif %}",
            "okänd tagg 'endif'; väntade på 'endfor' eller 'else'; blocket 'for' är inte avslutat",
        ),
        ("{% endfor %}", "okänd tagg 'endfor'"),
        ("{{ x.1a }}", "väntade på '}}' men fann 'a'"),
        ("{{ x }", "oväntat '}'"),
        ("{{ (1 }}", "oväntat '}', väntade på ')'".replace(", väntade", "; väntade")),
        ("{{ x | }}", "väntade på ett namn men fann '}}'"),
        ("{# aldrig slut", "kommentaren avslutas inte med '#}'"),
        ("{{ x|finnsinte }}", "filtret 'finnsinte' finns inte"),
        ("{{ 'a\\xZZ' }}", "mallens syntax är felaktig här"),
    ],
)
def test_a_syntax_error_is_swedish_and_located(tmp_path: Path, source: str, message: str) -> None:
    error = _render_error(tmp_path, source)
    assert error.message == f"{tmp_path / 't.md.j2'}:2: fel i mallen: {message}"


def test_a_broken_template_named_but_not_used_does_not_stop_the_render(tmp_path: Path) -> None:
    (tmp_path / "trasig.j2").write_text("{% if %}", encoding="utf-8")
    (tmp_path / "t.md.j2").write_text('{% if false %}{% include "trasig.j2" %}{% endif %}hej', encoding="utf-8")
    assert Renderer([tmp_path]).render_template("t.md.j2") == "hej\n"
    error = _render_error(tmp_path, '{% if true %}\n{% include "trasig.j2" %}{% endif %}hej')
    assert error.message == f"{tmp_path / 'trasig.j2'}:1: fel i mallen: ett uttryck saknas; fann '%}}'"


_NOT_THERE = "finns inte i mallmapparna (bara filer i mallmapparna kan användas)"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('{% include "/etc/passwd" %}', f"mallen '/etc/passwd' {_NOT_THERE}"),
        ('{% extends "../../etc/passwd" %}', f"mallen '../../etc/passwd' {_NOT_THERE}"),
        ('{% import "saknas.j2" as m %}', f"mallen 'saknas.j2' {_NOT_THERE}"),
        ('{% include ["a.j2", "b.j2"] %}', f"mallen 'a.j2' eller 'b.j2' {_NOT_THERE}"),
    ],
)
def test_a_template_named_but_not_found_is_a_located_swedish_error(tmp_path: Path, source: str, message: str) -> None:
    error = _render_error(tmp_path, source)
    assert error.message == f"{tmp_path / 't.md.j2'}:2: {message}"
    assert error.exit_code == 2


def test_an_asset_outside_the_template_folders_is_a_located_error(tmp_path: Path) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    (tmp_path / "hemlig.txt").write_text("hemligt", encoding="utf-8")
    error = _render_error(folder, '{{ asset("../hemlig.txt") }}')
    assert error.message == (
        f"{folder / 't.md.j2'}:2: hittar inte '../hemlig.txt' i mallmapparna: {folder} (bara filer i mallmapparna läses)"
    )
    assert error.exit_code == 2


@pytest.mark.parametrize(
    "source",
    [
        "{% for i in [1] %}" * 25 + "x" + "{% endfor %}" * 25,  # Python: too many statically nested blocks
        "{% if 1 %}" * 120 + "x" + "{% endif %}" * 120,  # Python: too many levels of indentation
    ],
)
def test_a_template_nested_too_deep_for_python_says_so(tmp_path: Path, source: str) -> None:
    error = _render_error(tmp_path, source)
    assert error.message == f"{tmp_path / 't.md.j2'}: mallen är för djupt kapslad (för många taggar i varandra)"
    assert error.exit_code == 2
    (tmp_path / "djup.j2").write_text(source, encoding="utf-8")
    included = _render_error(tmp_path, '{% include "djup.j2" %}')
    assert included.message == f"{tmp_path / 'djup.j2'}: mallen är för djupt kapslad (för många taggar i varandra)"
