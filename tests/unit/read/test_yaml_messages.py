"""The YAML library's limits and words are ours, whatever PyYAML is installed.

Each hostile text is read with libyaml (when PyYAML has it) and with the pure-Python parser,
so the same located Swedish finding holds on every build; the message table is checked
against the error texts that the installed libraries actually contain, so a new release
that adds one fails here before a user sees English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from uppdrag.read import yaml_messages, yamlsource
from uppdrag.read.yamlsource import MAX_DEPTH, Position, YamlSyntaxError, parse_yaml

LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))

DEPTH = f"för djup nästling (mer än {MAX_DEPTH} nivåer)"
# Words of the libraries' messages that no Swedish message holds.
ENGLISH = re.compile(r"\b(found|expected|while|scanning|parsing|character|allowed|stream|exceeded|not)\b")


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(yamlsource, "_Loader", request.param)
    return request.param


def _refusal(text: str) -> YamlSyntaxError:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    return caught.value


@pytest.mark.parametrize(
    "text, position, message",
    [
        ("a: " + "[" * 2000 + "]" * 2000, Position(1, 3 + MAX_DEPTH), DEPTH),
        ("a:\n  b: " + "{c: " * 1500 + "1" + "}" * 1500, Position(2, 6 + 4 * (MAX_DEPTH - 2)), DEPTH),
        ("".join(" " * i + "a:\n" for i in range(1100)) + " " * 1100 + "b\n", Position(65, 65), DEPTH),
        ("{" * 2000 + "}" * 2000, Position(1, 2), "en nyckel måste vara en enkel text"),
        ("k" * 2000 + ": 1\n", Position(1, 1), "ogiltig YAML: nyckeln är 2000 tecken lång; en nyckel får vara högst 1024 tecken"),
        ("a:\n  - " + "k" * 1500 + ": 1\n", Position(2, 5), "ogiltig YAML: nyckeln är 1500 tecken lång; en nyckel får vara högst 1024 tecken"),
        ("a: {" + "k" * 1500 + ": 1}\n", Position(1, 5), "ogiltig YAML: nyckeln är 1500 tecken lång; en nyckel får vara högst 1024 tecken"),
        ('"' + "k" * 1500 + '": 1\n', Position(1, 1), "ogiltig YAML: nyckeln är 1502 tecken lång; en nyckel får vara högst 1024 tecken"),
    ],
    ids=["brackets-2000", "flow-mapping-1500", "block-1100", "braces-2000", "long-key",
         "long-key-in-list", "long-key-in-flow", "long-quoted-key"],
)
def test_hostile_text_gets_our_located_finding(loader: type, text: str, position: Position, message: str) -> None:
    refusal = _refusal(text)
    assert (refusal.position, refusal.message) == (position, message)


# One broken text for each kind of library error a user can meet, with the Swedish message.
BROKEN = [
    ("a: [1, 2\n", "ogiltig YAML: hittade inte väntat ',' eller ']'"),
    ("a: {b: 1\n", "ogiltig YAML: hittade inte väntat ',' eller '}'"),
    ("a: 'b\n", "ogiltig YAML: texten som börjar här avslutas aldrig (saknas ett citattecken?)"),
    ("a: [1, 2}\n", "ogiltig YAML: hittade inte väntat ',' eller ']'"),
    ("a: {b: 1]\n", "ogiltig YAML: hittade inte väntat ',' eller '}'"),
    ("- a\nb: c\n", None),
    ("a: b\n- c\n", None),
    ("a: |0\n  x\n", "ogiltig YAML: ogiltig markering efter '|' eller '>'; skriv '|', '|-', '>' eller '>-' och texten på nästa rad"),
    ("a: |x\n  x\n", "ogiltig YAML: ogiltig markering efter '|' eller '>'; skriv '|', '|-', '>' eller '>-' och texten på nästa rad"),
    ('a: "\\xZZ"\n', "ogiltig YAML: ogiltig \\x-, \\u- eller \\U-sekvens i citerad text"),
    ('a: "\\q"\n', "ogiltig YAML: okänd escape-sekvens i citerad text"),
    ("%YAML 2.0\n---\na: 1\n", "ogiltig YAML: ogiltigt direktiv (en rad som börjar med '%'); ta bort raden eller skriv texten inom citattecken"),
    ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "ogiltig YAML: ogiltigt direktiv (en rad som börjar med '%'); ta bort raden eller skriv texten inom citattecken"),
    ("a: !<x\n", "ogiltig YAML: ogiltig tagg (ett värde som börjar med '!'); skriv texten inom citattecken"),
    ("a: !e!x 1\n", "ogiltig YAML: okänd tagg"),
    ("a: &\n", "ogiltig YAML: ogiltigt ankare eller alias; efter '&' eller '*' väntas bokstäver eller siffror"),
    ("a: 1\n...\nb: 2\n", None),
    ("? a\n? b\n: c\n- d\n", None),
    ("a:\n  b: 1\n c: 2\n", None),
]


@pytest.mark.parametrize("text, message", BROKEN, ids=[f"broken-{n}" for n in range(len(BROKEN))])
def test_every_library_error_is_swedish(loader: type, text: str, message: str | None) -> None:
    refusal = _refusal(text)
    assert not ENGLISH.search(refusal.message), refusal.message
    if message is not None:
        assert refusal.message == message


def _pure_python_texts() -> set[str]:
    """The error texts in PyYAML's own scanner, parser and reader."""
    folder = Path(yaml.__file__).parent
    texts: set[str] = set()
    for name in ("scanner.py", "parser.py", "reader.py"):
        source = (folder / name).read_text(encoding="utf-8")
        texts.update(re.findall(r'"((?:found|expected|did not|could not|mapping|sequence|special|unacceptable)[^"]*)"', source))
    return texts


_LIBYAML_START = re.compile(
    rb"^(found |did not find|could not find|exceeded |mapping (keys|values) |block sequence|control characters|input is too long"
    rb"|invalid (leading|trailing|length|Unicode)|incompatible %YAML|unexpected low|expected [A-Z<])"
)


def _libyaml_texts() -> set[str]:
    """The error texts compiled into PyYAML's libyaml extension, read from the binary."""
    extension = getattr(yaml, "_yaml", None)
    if extension is None or not getattr(extension, "__file__", None):
        return set()
    binary = Path(extension.__file__).read_bytes()
    runs = re.findall(rb"[\x20-\x7e]{8,}", binary)
    return {run.decode() for run in runs if _LIBYAML_START.match(run)}


def test_the_installed_libraries_texts_all_have_swedish_messages() -> None:
    texts = _pure_python_texts() | _libyaml_texts()
    assert len(texts) > 40  # the reading above still finds the texts
    unknown = sorted(text for text in texts if yaml_messages.swedish(text) == yaml_messages.GENERAL)
    assert unknown == [], "PyYAML has error texts with no Swedish message in read/yaml_messages.py"


def test_an_unknown_text_gets_a_general_swedish_message() -> None:
    assert yaml_messages.swedish("something new went wrong") == yaml_messages.GENERAL
    assert not ENGLISH.search(yaml_messages.GENERAL)


@pytest.mark.parametrize(
    "text, shown",
    [
        ("a: 0x" + "f" * 4000, "0x" + "f" * 28 + "…"),
        ("a: " + "9" * 5000, "9" * 30 + "…"),
        ("a: !!int " + "9" * 5000, "9" * 30 + "…"),
        ("a: 0o" + "7" * 40, "0o" + "7" * 28 + "…"),
        ("a: 0b" + "1" * 70, "0b" + "1" * 28 + "…"),
        ("a: 1_000_000_000_000_000_000", "1_000_000_000_000_000_000"),
        ("a: -1000000000000000000", "-1000000000000000000"),
    ],
)
def test_an_integer_of_any_form_is_bounded(loader: type, text: str, shown: str) -> None:
    parsed = parse_yaml(text)
    assert parsed.data == {"a": text[3:].removeprefix("!!int ")}  # kept as written
    [problem] = parsed.problems
    assert (problem.position, problem.path) == (Position(1, 4), ("a",))
    assert problem.message == f"talet '{shown}' är för stort (högst 18 siffror); skriv det inom citattecken om det är en text"


@pytest.mark.parametrize("text, value", [("a: 999999999999999999", 999999999999999999), ("a: -0x10", -16), ("a: 0o17", 15)])
def test_integers_up_to_the_bound_are_numbers(loader: type, text: str, value: int) -> None:
    parsed = parse_yaml(text)
    assert (parsed.data, parsed.problems) == ({"a": value}, [])


@pytest.mark.parametrize(
    "text, position, message",
    [
        (
            "id: a\nnamn: B\nstyrdokument strategi-2023-2026\nbakgrund: x\n",
            Position(3, 13),
            "ogiltig YAML: kolon saknas efter nyckeln 'styrdokument'; skriv 'styrdokument: strategi-2023-2026'",
        ),
        (
            "roller:\n  - namn Anna Berg\n    kommun: Hjo\n",
            Position(2, 9),
            "ogiltig YAML: kolon saknas efter nyckeln 'namn'; skriv 'namn: Anna Berg'",
        ),
    ],
    ids=["top-level", "in-a-list"],
)
def test_a_key_without_its_colon_is_named_on_its_own_line(
    loader: type, text: str, position: Position, message: str
) -> None:
    refusal = _refusal(text)
    assert (refusal.position, refusal.message) == (position, message)


def test_a_long_text_repeated_through_aliases_is_stopped_like_many_nodes(loader: type) -> None:
    text = "a: [&t " + "Lång text " * 4000 + ", " + ", ".join(["*t"] * 300) + "]\n"  # 40 kB, 12 MB expanded
    refusal = _refusal(text)
    assert refusal.message == "filen blir för stor när alias expanderas (över 100 000 noder eller 10 MB text)"
    assert refusal.position.line == 1


def test_a_long_text_used_a_few_times_is_fine(loader: type) -> None:
    text = "a: [&t " + "Lång text " * 4000 + ", *t, *t]\n"
    assert len(parse_yaml(text).data["a"]) == 3


@pytest.mark.parametrize("char, name", [("\x85", "NEL"), ("\u2028", "LINE SEPARATOR"), ("\u2029", "PARAGRAPH SEPARATOR")])
def test_line_breaks_that_yaml_versions_read_apart_are_refused(loader: type, char: str, name: str) -> None:
    refusal = _refusal(f"id: a\nnamn: B{char}styrdokument: x\n")
    assert (refusal.position, refusal.message) == (
        Position(2, 8),
        f"ogiltig YAML: radbrytningen U+{ord(char):04X} ({name}) läses olika av olika program; "
        "använd vanliga radbrytningar (spara om filen som vanlig text)",
    )
