from __future__ import annotations

import pytest

from uppdrag.read import yamlsource
from uppdrag.read.yamlsource import MAX_DEPTH, Position, YamlSyntaxError, parse_yaml


def test_values_and_positions() -> None:
    parsed = parse_yaml("a: 1\nb:\n  - x\n  - {c: 2024-02-02, d: 9:30}\n")
    assert parsed.data == {"a": 1, "b": ["x", {"c": "2024-02-02", "d": "9:30"}]}
    assert parsed.source_map.value_position(("b", 1, "c")) == Position(4, 9)
    assert parsed.source_map.key_position(("b",)) == Position(2, 1)
    assert parsed.source_map.value_position(("b", 1, "missing")) == Position(4, 5)


def test_clock_times_stay_text() -> None:
    # YAML 1.1 would read 12:00 as the base-60 integer 720.
    assert parse_yaml("start: 12:00\nslut: 13:30\n").data == {"start": "12:00", "slut": "13:30"}


def test_quoted_values_are_never_resolved() -> None:
    assert parse_yaml('a: "2024-02-02"\nb: "yes"\n').data == {"a": "2024-02-02", "b": "yes"}


def test_duplicate_key_keeps_first_and_reports_second() -> None:
    parsed = parse_yaml("a: 1\na: 2\n")
    assert parsed.data == {"a": 1}
    [problem] = parsed.problems
    assert (problem.position, problem.path) == (Position(2, 1), ("a",))
    assert problem.message == "nyckeln 'a' finns redan på rad 1; varje nyckel får bara förekomma en gång"


@pytest.mark.parametrize("text", ["2024-02-02", "2024-02-30", "2024-2-2", "2024-02-02 10:00", "2024-02-02T10:00:00Z"])
def test_dates_are_text_as_yaml_1_2_reads_them(text: str) -> None:
    # Editors and check-jsonschema have no dates: a date field reads the text (models.Date).
    parsed = parse_yaml(f"x:\n  datum: {text}\n")
    assert (parsed.data, parsed.problems, parsed.source_map.written) == ({"x": {"datum": text}}, [], {})


def test_an_impossible_date_with_the_date_tag_is_a_located_problem() -> None:
    parsed = parse_yaml("x:\n  datum: !!timestamp 2024-02-30\n")
    [problem] = parsed.problems
    assert (problem.position, problem.path, problem.message) == (
        Position(2, 10),
        ("x", "datum"),
        "ogiltigt datum '2024-02-30' för taggen '!!timestamp': den dagen finns inte i kalendern",
    )


@pytest.mark.parametrize(
    "text, position, message",
    [
        ("a: !!python/object/apply:os.system ['ls']\n", Position(1, 4), "taggen '!!python/object/apply:os.system'"),
        ("a: !!python/name:os.system\n", Position(1, 4), "taggen '!!python/name:os.system'"),
        ("a: *nowhere\n", Position(1, 4), "aliaset '*nowhere' hänvisar till ett okänt ankare"),
        ("a: 1\n---\nb: 2\n", Position(2, 1), "filen innehåller flera YAML-dokument"),
        ("[a]: 1\n", Position(1, 1), "en nyckel måste vara en enkel text"),
        ("a: b\x07c\n", Position(1, 5), "otillåtet kontrolltecken"),
    ],
)
def test_refused_input(text: str, position: Position, message: str) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert caught.value.position == position
    assert message in caught.value.message


def test_deep_nesting_stops_at_the_limit_without_recursing() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("a: " + "[" * 20_000 + "]" * 20_000)
    assert caught.value.position == Position(1, 3 + MAX_DEPTH)  # the top mapping is the first level
    assert caught.value.message == f"för djup nästling (mer än {MAX_DEPTH} nivåer)"


def test_alias_shares_instead_of_copying() -> None:
    parsed = parse_yaml("a: &x [1, 2]\nb: *x\n")
    assert parsed.data == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    "text",
    [
        "namn: Förskola\nlista:\n  - ett\n  - {två: 2, tre: 2024-01-05}\ntid: 9:30\n",
        "a: 1\na: 2\n",  # a repeated key takes the careful path even in clean text
        "a: |\n  e\n  \u0301\nb: >\n  o\n  \u0308\n",  # folding puts a newline or space before the mark
        "'k': 'it''s'\n",
    ],
)
def test_a_clean_file_reads_the_same_by_the_shortcut(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert yamlsource._is_clean(text)
    fast = parse_yaml(text)
    monkeypatch.setattr(yamlsource, "_is_clean", lambda _: False)
    careful = parse_yaml(text)
    assert (fast.data, fast.problems, fast.source_map.written) == (
        careful.data,
        careful.problems,
        careful.source_map.written,
    )
    for path in careful.source_map.values:
        assert fast.source_map.value_position(path) == careful.source_map.value_position(path)
    assert fast.source_map.keys.keys() == careful.source_map.keys.keys()


@pytest.mark.parametrize("text", ['a: "e\\u0301"\n', "a: o\u0308\n", "# \x07\na: b\n", 'a: "\\x1b[2J"\n'])
def test_escapes_control_characters_and_nfd_text_are_not_clean(text: str) -> None:
    assert not yamlsource._is_clean(text)


def test_the_words_the_bool_and_null_resolvers_claim_are_short() -> None:
    # parse_yaml skips the resolvers for longer plain text starting with these letters.
    import re

    import yaml

    resolver = yaml.resolver.Resolver()
    assert set(yamlsource._WORD_STARTS) == set("yYnNtTfFoO")
    for first in yamlsource._WORD_STARTS:
        for _, regex in resolver.yaml_implicit_resolvers[first]:
            assert re.fullmatch(r"\^\(\?:[\sA-Za-z~|]*\)\$", regex.pattern), regex.pattern
            words = re.findall(r"[A-Za-z~]+", regex.pattern)
            assert max(map(len, words)) <= yamlsource.LONGEST_WORD


@pytest.mark.parametrize("text", ["fredag", "Nätverket", "tisdag", "offline", "nullish", "Yesterday", "False!"])
def test_long_words_are_text_by_the_shortcut_as_by_the_resolver(text: str) -> None:
    import yaml

    assert parse_yaml(f"a: {text}\n").data == {"a": text}
    assert yaml.safe_load(f"a: {text}\n") == {"a": text}  # PyYAML's own resolvers agree


@pytest.mark.parametrize(("text", "value"), [("false", False), ("FALSE", False), ("null", None), ("True", True)])
def test_the_short_words_still_go_to_the_resolver(text: str, value: object) -> None:
    assert parse_yaml(f"a: {text}\n").data == {"a": value}


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        (
            "id: a\nperiod: 2023–2026: extra\n",
            (2, 18),
            "kolon på oväntat ställe; en text med ': ' skrivs inom citattecken",
        ),
        (
            "id: a\nnamn: `Förskola`\n",
            (2, 7),
            "tecknet '`' kan inte inleda ett värde; skriv texten inom citattecken (\"…\")",
        ),
        ("id: a\n\tnamn: x\n", (2, 1), "tabbtecken i indraget; använd mellanslag"),
        (
            "id: a\nnamn:Förskola\nx: 1\n",
            (2, 5),
            "mellanslag saknas efter kolonet; skriv 'namn: …' i stället för 'namn:…'",
        ),
        (
            "möten:\n  minst_per_år:4\n  veckodagar: [fredag]\n",
            (2, 15),
            "mellanslag saknas efter kolonet; skriv 'minst_per_år: …' i stället för 'minst_per_år:…'",
        ),
        (
            "t:\n  - datum: 2024-01-01\n    start:09:00\n    slut: x\n",
            (3, 10),
            "mellanslag saknas efter kolonet; skriv 'start: …' i stället för 'start:…'",
        ),
        (
            "möten:\n  minst_per_år: 4\n   veckodagar: [fredag]\n",
            (3, 4),
            "fel indrag: nyckeln börjar i kolumn 4 men nyckeln på rad 2 i kolumn 3; nycklar i samma mappning står "
            "rakt under varandra",
        ),
        (
            "möten:\n minst_per_år: 4\n\n  # kommentar\n  veckodagar: [fredag]\n",
            (5, 3),
            "fel indrag: nyckeln börjar i kolumn 3 men nyckeln på rad 2 i kolumn 2; nycklar i samma mappning står "
            "rakt under varandra",
        ),
        (
            "roller:\n  - roll: x\n     ansvar: y\n",
            (3, 6),
            "fel indrag: nyckeln börjar i kolumn 6 men nyckeln på rad 2 i kolumn 5; nycklar i samma mappning står "
            "rakt under varandra",
        ),
        (  # a web address at the start of a line that ran on is no key without a space
            "a: text\n  https://x.se: b\n",
            (2, 15),
            "kolon på oväntat ställe; en text med ': ' skrivs inom citattecken",
        ),
        (
            "id: a\nnamn: 'Förskola's'\nx: 1\n",
            (2, 7),
            "text efter det avslutande citattecknet; skriv en apostrof inom '…' som två ('') eller använd den "
            "andra sortens citattecken",
        ),
        (
            'id: a\nnamn: "Förskola\nx: 1\ny: 2\nz: "3"\n',
            (2, 7),
            "citattecknet som börjar här avslutas först på rad 5; avsluta det på sin rad",
        ),
        # A quoted text that spans lines on purpose is not blamed for a later indentation error.
        ('a: "lång text\n  fortsätter"\n b: 1\n', (3, 2), "hittade inte väntad nyckel (fel indrag?)"),
    ],
)
def test_syntax_errors_say_what_to_write(text: str, position: tuple[int, int], message: str) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert (tuple(caught.value.position), caught.value.message) == (position, "ogiltig YAML: " + message)


def test_a_repeated_key_keeps_the_first_copys_positions() -> None:
    parsed = parse_yaml("a: [1, 2]\na: [3]\n")
    assert parsed.data == {"a": [1, 2]}
    assert parsed.source_map.value_position(("a", 0)) == Position(1, 5)


def test_a_control_character_after_non_ascii_text_is_located_by_character() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("id: x\nnamn: Skolutveckling – förskola\x07\n")
    assert caught.value.position == Position(2, 32)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1:2:3", "1:2:3"), ("190:20:30", "190:20:30"), ("1e3", 1000.0), ("1.5e3", 1500.0), ("0o17", 15), ("2e", "2e")],
)
def test_scalars_are_read_as_yaml_1_2_reads_them(text: str, value: object) -> None:
    # Editors and check-jsonschema read YAML 1.2: no base-60 numbers, exponents without a point.
    assert parse_yaml(f"a: {text}\n").data == {"a": value}


def test_keys_take_tags_and_anchors_as_values_do() -> None:
    assert parse_yaml("&k a: 1\nb: *k\n").data == {"a": 1, "b": "a"}
    assert parse_yaml("!!str a: 1\n").data == {"a": 1}
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("!foo a: 1\n")
    assert caught.value.message.startswith("taggen '!foo' är inte tillåten")


@pytest.mark.parametrize(
    "text", ["0", "7", "2024", "123456789012345678", "007", "010", "0_1", "1_000", "٣", "²", "+5", "-5"]
)
def test_plain_decimals_are_read_by_the_shortcut_as_by_the_resolver(text: str) -> None:
    import yaml

    parsed = parse_yaml(f"a: {text}\nb: [{text}]\n")
    expected = yaml.safe_load(f"a: {text}\n")["a"]  # PyYAML's resolvers and constructors
    assert parsed.data == {"a": expected, "b": [expected]}
    assert type(parsed.data["a"]) is type(expected)
    if not isinstance(expected, str):
        assert parsed.source_map.written == {("a",): text, ("b", 0): text}


def test_an_escape_of_no_character_is_told_in_swedish() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml('namn: "\\ud800"\n')
    assert caught.value.message == "ogiltig YAML: ogiltig \\u-sekvens i citerad text (ett tecken som inte finns)"


REVIEWED = """\
a: "x # KONTROLLERA: in a quoted text"
namn: Förskola åäö  # KONTROLLERA: y
b: |
  text
  # KONTROLLERA: in a block text
c:
  d: |
    x

  # KONTROLLERA:    less indented, so a comment
  e: x#KONTROLLERA no space before the hash, so text
#KONTROLLERA
# KONTROLLERA (roller[1].ansvar): sist
# Kontrollera: another word's comment
"""


@pytest.mark.parametrize("loader", [yamlsource.yaml.SafeLoader, yamlsource._Loader])
def test_review_comments_are_found_outside_texts(loader: type) -> None:
    assert yamlsource.review_comments(REVIEWED, loader) == [
        (Position(2, 21), "y"),
        (Position(10, 3), "less indented, so a comment"),
        (Position(12, 1), ""),
        (Position(13, 1), "(roller[1].ansvar): sist"),
    ]
    assert parse_yaml(REVIEWED).source_map.review_comments == yamlsource.review_comments(REVIEWED, loader)


def test_only_the_word_itself_marks_a_comment() -> None:
    text = "a: 1  # KONTROLLERAT av Anna\nb: 2  # kontrollera gärna\n"
    assert parse_yaml(text).source_map.review_comments == []
