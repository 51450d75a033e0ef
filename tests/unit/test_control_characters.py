"""control_characters: one set for the YAML check, the schema and the terminal, bidi controls too."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_MISSION, write_tree
from uppdrag.cli import app
from uppdrag.cli.console import visible
from uppdrag.control_characters import CONTROL
from uppdrag.models.common import TEXT_PATTERN
from uppdrag.read.yamlsource import Position, YamlProblem, parse_yaml

# The bidi controls: Arabic letter mark, the two marks, embeddings and overrides, isolates.
BIDI = ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]


def test_every_bidi_control_unicode_has_is_in_the_one_set() -> None:
    """The explicit embeddings, overrides and isolates, by their bidi class, and the three marks."""
    explicit = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
    formatting = {c for c in map(chr, range(0x10000)) if unicodedata.bidirectional(c) in explicit}
    assert formatting | {"\u061c", "\u200e", "\u200f"} == set(BIDI)
    assert [c for c in BIDI if not CONTROL.fullmatch(c)] == []


@pytest.mark.parametrize("char", BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_a_bidi_control_is_written_out_in_the_terminal(char: str) -> None:
    assert visible(f"För{char}skola") == f"För\\u{ord(char):04x}skola"


@pytest.mark.parametrize("char", BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_a_bidi_control_in_yaml_text_is_a_located_finding(char: str) -> None:
    parsed = parse_yaml(f'id: n\nnamn: "För{char}skola"\n')
    assert parsed.problems == [
        YamlProblem(
            Position(2, 7),
            ("namn",),
            f"texten innehåller styrtecknet U+{ord(char):04X} ({unicodedata.name(char)}); ta bort det",
            "control-character",
        )
    ]


@pytest.mark.parametrize("char", BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_the_editors_schema_refuses_what_validate_refuses(char: str) -> None:
    assert re.fullmatch(TEXT_PATTERN, f"För{char}skola") is None
    assert re.fullmatch(TEXT_PATTERN, "Förskola") is not None


@pytest.mark.parametrize("char", ["\u200f", "\u061c", "\u202e", "\u2067"], ids=lambda c: f"U+{ord(c):04X}")
def test_validate_reports_it_in_the_text_and_escapes_it_in_a_file_name(char: str, workspace: Path, runner) -> None:
    text = MINIMAL_MISSION.format(id="n").replace("namn: Testnätverket", f'namn: "Test{char}nätverket"')
    write_tree(workspace, {"missions/n.yaml": text})
    in_text = runner.invoke(app, ["validate"])
    assert in_text.exit_code == 1
    name = unicodedata.name(char)
    assert f"missions/n.yaml:2:7: fel: namn: texten innehåller styrtecknet U+{ord(char):04X} ({name}); ta bort det" in (
        in_text.stdout
    )
    (workspace / "missions" / "n.yaml").rename(workspace / "missions" / f"n{char}.yaml")
    in_name = runner.invoke(app, ["validate"])
    assert char not in in_name.stdout + in_name.stderr
    assert f"missions/n\\u{ord(char):04x}.yaml" in in_name.stdout
