"""Safe YAML reading that keeps the line and column of every key and value.

PyYAML's loaders lose positions, keep the last of duplicate keys and recurse once per level of
nesting. This module builds plain Python data straight from the parser's event stream instead,
so it never constructs arbitrary objects, never recurses, and can point at the exact node.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from uppdrag.control_characters import CONTROL
from uppdrag.ellipsis import shortened
from uppdrag.limits import MAX_INTEGER
from uppdrag.read import yaml_messages

try:  # libyaml is an order of magnitude faster; the pure-Python parser gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the same interface, without libyaml

KeyPath = tuple[str | int, ...]

MAX_DEPTH = 64
# The plain-decimal shortcut below reads at most 18 digits, so it never needs MAX_INTEGER's check.
_LONGEST_INT_TEXT = 1000  # Python refuses to read decimals of over 4300 digits; no need to try
_DEPTH_MESSAGE = f"för djup nästling (mer än {MAX_DEPTH} nivåer)"
# Nodes after expanding aliases: a real mission has a few hundred, a "billion laughs" file
# has billions. Counting expansions stops such a file long before memory or time suffers.
MAX_NODES = 100_000
# Every so many characters of a text count as one more node, so a long text repeated through
# aliases is stopped like many nodes are: 100 000 nodes are at most 10 MB of expanded text.
CHARACTERS_PER_NODE = 100

_CORE_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # written as a date, but no such day (2027-02-30)

# YAML 1.1 reads yes/no/on/off as booleans, YAML 1.2 (editors, check-jsonschema) as text. They
# stay text here, so validate and the schema agree; the schema error then asks for true/false.
_BOOL_WORDS = {"true", "false"}
_NUMBER_TAGS = {_CORE_TAG + "int", _CORE_TAG + "float"}
# Numbers in YAML 1.2's core schema that YAML 1.1 reads as text (1e3, 1.5e3: an exponent
# without a sign or a point; octal written 0o17).
_YAML12_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_YAML12_OCTAL = re.compile(r"^0o[0-7]+$")


def _is_plain_decimal(text: str) -> bool:
    """Digits only, without the leading zero that makes YAML 1.1 read octal: an int in both
    YAML versions, read without the resolver's regexes."""
    return len(text) <= 18 and text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1)


def _yaml12_number(text: str) -> float | int | None:
    if _YAML12_FLOAT.match(text):
        return float(text)
    if _YAML12_OCTAL.match(text):
        return int(text[2:], 8)
    return None


_CONTROL_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0d": "CR", "\x1b": "ESC", "\x7f": "DEL"}

_resolver = yaml.resolver.Resolver()
# First characters that some implicit resolver (bool, int, float, null, timestamp …) looks at;
# a plain scalar starting with anything else is text without asking the resolver.
_IMPLICIT_STARTS = frozenset(key for key in _resolver.yaml_implicit_resolvers if key is not None)
_ANY_START = None in _resolver.yaml_implicit_resolvers  # a resolver for every first character: no shortcut
# First letters that only the bool and null resolvers look at: they claim YAML 1.1's words
# (yes, No, TRUE, off, null …), none longer than five letters, so "fredag" or "Nätverket …"
# is text without asking them.
_WORD_TAGS = {_CORE_TAG + "bool", _CORE_TAG + "null"}
_WORD_STARTS = frozenset(
    first
    for first, resolvers in _resolver.yaml_implicit_resolvers.items()
    if first is not None and first.isalpha() and all(tag in _WORD_TAGS for tag, _ in resolvers)
)
LONGEST_WORD = 5
_constructor = yaml.constructor.SafeConstructor()


class Position(NamedTuple):  # a tuple: made for every node, so it must be cheap
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class YamlProblem:
    """A flaw found while reading that does not stop the rest of the file from being checked."""

    position: Position
    path: KeyPath
    message: str
    code: str = "yaml"


class YamlSyntaxError(Exception):
    """The text cannot be read as YAML data at all."""

    def __init__(self, position: Position, message: str):
        super().__init__(message)
        self.position = position
        self.message = message


class ReviewComment(NamedTuple):
    """A `# KONTROLLERA` comment (what `uppdrag import` writes where it is unsure): where its `#`
    stands and the text after the word."""

    position: Position
    text: str


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a parsed document stands in its file.

    The parser's marks are kept as they come (0-based) and made Positions only when asked
    for: most are never asked for, and a file has hundreds."""

    values: dict[KeyPath, Any] = field(default_factory=dict)
    keys: dict[KeyPath, Any] = field(default_factory=dict)
    written: dict[KeyPath, str] = field(default_factory=dict)  # a number or date as the file wrote it
    review_comments: list[ReviewComment] = field(default_factory=list)  # `# KONTROLLERA`, in file order

    def value_position(self, path: KeyPath) -> Position:
        """The value at path, or its nearest ancestor that has a position."""
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return _position(found)
        return Position(1, 1)

    def key_position(self, path: KeyPath) -> Position:
        found = self.keys.get(path)
        return self.value_position(path) if found is None else _position(found)


@dataclass
class ParsedYaml:
    data: Any
    source_map: SourceMap
    problems: list[YamlProblem]


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _swedish_syntax_message(problem: str) -> str:
    if yaml_messages.LIBRARY_DEPTH_LIMIT in problem:
        return _DEPTH_MESSAGE
    return f"ogiltig YAML: {yaml_messages.swedish(problem)}"


def _is_library_limit(exc: yaml.YAMLError) -> bool:
    return yaml_messages.LIBRARY_DEPTH_LIMIT in str(getattr(exc, "problem", None) or exc)


def _offset_position(text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _syntax_error(exc: yaml.YAMLError, text: str) -> YamlSyntaxError:
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context = getattr(exc, "context_mark", None)
    unfinished = any(word in str(getattr(exc, "context", "")) for word in ("quoted", "flow"))
    if unfinished and context is not None and mark is not None and mark.index >= len(text.rstrip()):
        mark = context  # where the unfinished quote or bracket began, not the file's end
    if mark is not None:
        position = _position(mark)
    elif isinstance(exc, yaml.reader.ReaderError):
        offset = exc.position
        if _Loader is not yaml.SafeLoader:  # type: ignore[comparison-overlap]  # mypy sees only the libyaml import
            # libyaml counts bytes of UTF-8, not characters
            offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
        position = _offset_position(text, offset)
    else:
        position = Position(1, 1)
    lines = text.splitlines()
    if position.line <= len(lines):
        too_long = yaml_messages.long_key(lines[position.line - 1])
        if too_long is not None:
            column, length = too_long
            return YamlSyntaxError(
                Position(position.line, column + 1),
                f"ogiltig YAML: nyckeln är {length} tecken lång; en nyckel får vara högst "
                f"{yaml_messages.MAX_KEY_LENGTH} tecken",
            )
    if "cannot start any token" in problem and position.line <= len(lines):
        return _token_start_error(position, lines[position.line - 1][position.column - 1 : position.column])
    if "did not find expected" in problem or "could not find expected" in problem:
        quoted = _quote_error(lines[: position.line], position)
        if quoted is not None:
            return quoted
    misplaced = ("mapping values are not allowed", "could not find expected ':'", "did not find expected key", "expected <block end>")
    if any(kind in problem for kind in misplaced) and position.line <= len(lines):
        layout = _layout_error(lines, position.line - 1)
        if layout is not None:
            return layout
    return YamlSyntaxError(position, _swedish_syntax_message(problem))


# A key written against its value (`namn:Förskola`, `- start:09:00`): YAML reads the whole as
# text, and stumbles on a later line. A colon before '/' is a web address, not a key.
_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:-\s+)*([^\s#:'\"\[\]{},&*!|>%@`-][^\s:#]*):(?=[^\s:/])")
# A line that is `key value` where `key: value` was meant: a single word, a space, and text
# without a colon. Group 1 is the indent (and any "- "), 2 the key, 3 the value.
_KEY_WITHOUT_COLON = re.compile(r"^( *(?:- +)*)([A-Za-zÅÄÖåäö_][\w-]*) +([^\s:#][^:#]*)$")
# A line that is `key: …`; group 1 is what comes before the key (the indent and any "- ").
_KEY_LINE = re.compile(r"^( *(?:-\s+)*)[^\s#'\"\[{][^:#]*:(?:\s|$)")


def _layout_error(lines: list[str], number: int) -> YamlSyntaxError | None:
    """A colon YAML did not expect on lines[number], explained by the line above: a key
    without a space after its colon (on this line or the one above, whose value ran on),
    or a key indented differently from the key above it."""
    above = next(
        (n for n in range(number - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")), None
    )
    for candidate in (n for n in (number, above) if n is not None):
        found = _KEY_WITHOUT_SPACE.match(lines[candidate])
        if found:
            key = found.group(1)
            return YamlSyntaxError(
                Position(candidate + 1, found.end(1) + 1),
                f"ogiltig YAML: mellanslag saknas efter kolonet; skriv '{key}: …' i stället för '{key}:…'",
            )
    here, there = _KEY_LINE.match(lines[number]), None if above is None else _KEY_LINE.match(lines[above])
    no_colon = None if above is None else _KEY_WITHOUT_COLON.match(lines[above])
    if above is not None and here and no_colon and len(here.group(1)) == len(no_colon.group(1)):
        key, value = no_colon.group(2), no_colon.group(3).rstrip()
        return YamlSyntaxError(
            Position(above + 1, no_colon.end(2) + 1),
            f"ogiltig YAML: kolon saknas efter nyckeln '{key}'; skriv '{key}: {value}'",
        )
    if here and there and above is not None and len(here.group(1)) != len(there.group(1)):
        column, column_above = len(here.group(1)) + 1, len(there.group(1)) + 1
        return YamlSyntaxError(
            Position(number + 1, column),
            f"ogiltig YAML: fel indrag: nyckeln börjar i kolumn {column} men nyckeln på rad {above + 1} i kolumn "
            f"{column_above}; nycklar i samma mappning står rakt under varandra",
        )
    return None


def _token_start_error(position: Position, char: str) -> YamlSyntaxError:
    if char in ("\t", ""):
        return YamlSyntaxError(position, "ogiltig YAML: tabbtecken i indraget; använd mellanslag")
    return YamlSyntaxError(
        position, f"ogiltig YAML: tecknet '{char}' kan inte inleda ett värde; skriv texten inom citattecken (\"…\")"
    )


# A value that opens with a quote: `namn: "…`, `- '…`.
_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)*(?:[^\s#'\"][^#]*?:\s+)?([\"'])")


def _closing_quote(lines: list[str], number: int, start: int, quote: str) -> tuple[int, int] | None:
    """Where the quoted text opened at lines[number][start] ends ('' and \\" stay inside)."""
    index = start + 1
    while number < len(lines):
        line = lines[number]
        while index < len(line):
            char = line[index]
            if char == "\\" and quote == '"':
                index += 2
            elif char == quote and quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2
            elif char == quote:
                return number, index
            else:
                index += 1
        number, index = number + 1, 0
    return None


def _quote_error(lines: list[str], position: Position) -> YamlSyntaxError | None:
    """The cause of a parse error right after a closing quote: an apostrophe inside '…' on the
    same line, or a quote left open on an earlier line that only the error's line closes."""
    for number in range(min(position.line, len(lines)) - 1, -1, -1):
        match = _QUOTED_VALUE.match(lines[number])
        if match is None:
            continue
        start, quote = match.start(1), match.group(1)
        if _closing_quote(lines, number, start, quote) != (position.line - 1, position.column - 2):
            continue  # not what ended just before the error (or a quote that closes another)
        if number == position.line - 1:
            inside = "en apostrof inom '…' som två ('')" if quote == "'" else 'ett citattecken inom "…" som \\"'
            hint = f"text efter det avslutande citattecknet; skriv {inside} eller använd den andra sortens citattecken"
        else:
            hint = f"citattecknet som börjar här avslutas först på rad {position.line}; avsluta det på sin rad"
        return YamlSyntaxError(Position(number + 1, start + 1), f"ogiltig YAML: {hint}")
    return None


def _tag_message(tag: str) -> str:
    short = tag.replace(_CORE_TAG, "!!")
    return f"taggen '{short}' är inte tillåten; bara vanliga YAML-värden (text, tal, datum, listor) läses"


class _Frame:
    """A mapping or list being filled."""

    __slots__ = ("container", "path", "is_map", "weight", "key", "key_path", "duplicate", "anchor")

    def __init__(self, container: dict[str, Any] | list[Any], path: KeyPath, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.is_map = isinstance(container, dict)
        self.weight = 1  # nodes inside, aliases expanded: what an alias to this costs
        self.key: str | None = None  # a mapping's key waiting for its value
        self.key_path: KeyPath = ()  # path + (key,), made once for the key and its value
        self.duplicate = False  # the waiting key repeats an earlier one: its value is dropped
        self.anchor = anchor


class _Builder:
    """Turns parser events into plain data, a source map and non-fatal problems.

    Positions travel as the parser's marks (0-based) and become Positions only in a problem."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.source_map = SourceMap()
        self.problems: list[YamlProblem] = []
        self.root: Any = None

    def _child_path(self) -> KeyPath:
        if not self.stack:
            return ()
        top = self.stack[-1]
        return top.key_path if top.is_map else top.path + (len(top.container),)

    def _attach(self, value: Any, mark: Any, weight: int) -> None:
        if not self.stack:
            self.root = value
            self.source_map.values[()] = mark
            return
        top = self.stack[-1]
        top.weight += weight
        if not top.is_map:
            self.source_map.values.setdefault(top.path + (len(top.container),), mark)
            top.container.append(value)  # type: ignore[union-attr]  # not is_map: a list
            return
        if not top.duplicate:
            self.source_map.values[top.key_path] = mark
            top.container[top.key] = value  # type: ignore[index, call-overload]  # is_map: a dict, with its key set
        top.key, top.duplicate = None, False

    def _take_key(self, event: ScalarEvent) -> None:
        top = self.stack[-1]
        key = unicodedata.normalize("NFC", event.value)
        position = _position(event.start_mark)
        if event.tag not in (None, "!") and event.tag not in _ALLOWED_TAGS:  # as check-jsonschema refuses it
            raise YamlSyntaxError(position, _tag_message(event.tag))
        if event.anchor:  # `&k a: 1` … `b: *k` is the key's text
            self.anchors[event.anchor] = (key, 1 + len(key) // CHARACTERS_PER_NODE)
        path = top.path + (key,)
        self._check_control(key, position, path)
        if key != event.value:  # the schema (and so every editor) knows the keys in one form only
            self.problems.append(
                YamlProblem(
                    position,
                    path,
                    f"nyckeln '{key}' är skriven med sönderdelade tecken (Unicode NFD, som macOS ibland sparar); "
                    "skriv om å, ä och ö i den",
                    "unicode-form",
                )
            )
        if key in top.container:
            first = self.source_map.key_position(path)
            self.problems.append(
                YamlProblem(
                    position,
                    path,
                    f"nyckeln '{key}' finns redan på rad {first.line}; varje nyckel får bara förekomma en gång",
                )
            )
            top.duplicate = True
        else:
            self.source_map.keys[path] = event.start_mark
        top.key, top.key_path = key, path

    def _check_control(self, text: str, position: Position, path: KeyPath) -> None:
        found = CONTROL.search(text)
        if found:
            char = found.group()
            name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "styrtecken")
            self.problems.append(
                YamlProblem(
                    position,
                    path,
                    f"texten innehåller styrtecknet U+{ord(char):04X} ({name}); ta bort det",
                    "control-character",
                )
            )

    def _scalar(self, event: ScalarEvent) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            plain = event.implicit[0]
            if not plain or (not _ANY_START and event.value[:1] not in _IMPLICIT_STARTS):  # text no resolver claims
                return self._text(event)
            if _is_plain_decimal(event.value):  # the common number (år: 2024), as the resolver would read it
                self.source_map.written[self._child_path()] = event.value
                return int(event.value)
            tag = _resolver.resolve(yaml.ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
            if tag == _CORE_TAG + "bool" and event.value.lower() not in _BOOL_WORDS:
                return event.value  # yes/no/on/off: text in YAML 1.2
            if tag == _CORE_TAG + "timestamp":
                return event.value  # YAML 1.2 has no dates: text, which a date field reads (models.Date)
            if tag in _NUMBER_TAGS and ":" in event.value:
                return event.value  # 9:30 (570 in YAML 1.1's base 60) is text in YAML 1.2: a time of day
            if tag == _CORE_TAG + "str":
                number = _yaml12_number(event.value)
                if number is not None:  # 1e3, 0o17: numbers in YAML 1.2, which editors read
                    self.source_map.written[self._child_path()] = event.value
                    return self._bounded(number, event)
        elif tag not in _ALLOWED_TAGS:
            raise YamlSyntaxError(_position(event.start_mark), _tag_message(tag))
        if tag == _CORE_TAG + "str":
            return self._text(event)
        if tag in (_CORE_TAG + "seq", _CORE_TAG + "map"):
            short = tag.replace(_CORE_TAG, "!!")
            message = f"taggen '{short}' passar inte ett enkelt värde ('{event.value}')"
            self.problems.append(YamlProblem(_position(event.start_mark), self._child_path(), message))
            return event.value
        if tag == _CORE_TAG + "int" and len(event.value) > _LONGEST_INT_TEXT:
            return self._bounded(MAX_INTEGER + 1, event)  # too many digits to be worth reading
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]  # libyaml's Mark, same fields
        try:
            value = _constructor.yaml_constructors[tag](_constructor, node)
        except Exception:  # noqa: BLE001 - PyYAML's constructors fail in many ways on `!!int ""`
            kind = "datum" if tag.endswith("timestamp") else "värde"
            shown = shortened(event.value, 60)
            explicit = "" if event.tag in (None, "!") else f" för taggen '{tag.replace(_CORE_TAG, '!!')}'"
            hint = ": den dagen finns inte i kalendern" if kind == "datum" and _ISO_DAY.match(event.value) else ""
            message = f"ogiltigt {kind} '{shown}'{explicit}{hint}"
            self.problems.append(YamlProblem(_position(event.start_mark), self._child_path(), message))
            return event.value
        if not isinstance(value, str) and value is not None:
            self.source_map.written[self._child_path()] = event.value
        return self._bounded(value, event)

    def _bounded(self, value: Any, event: ScalarEvent) -> Any:
        """An integer of any form (0x…, 0o…, 1_000) within MAX_INTEGER, or the text as written
        with a located problem: no field holds such a number, and a thousand-digit one would
        only reach code that cannot print or count with it."""
        if type(value) is int and not -MAX_INTEGER <= value <= MAX_INTEGER:
            shown = shortened(event.value, 30)
            message = (
                f"talet '{shown}' är för stort (högst {len(str(MAX_INTEGER))} siffror); "
                "skriv det inom citattecken om det är en text"
            )
            self.problems.append(YamlProblem(_position(event.start_mark), self._child_path(), message))
            return event.value
        return value

    def _text(self, event: ScalarEvent) -> str:
        """Text as Python sees it: NFC-normalised (macOS writes 'ö' as 'o' + a combining mark)."""
        value = event.value
        if CONTROL.search(value):
            self._check_control(value, _position(event.start_mark), self._child_path())
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)

    def build(self, next_event: Callable[[], Any], clean: bool) -> None:
        """Read every event. This loop runs for every key and value of every file `validate`
        reads, so the common case is handled inline and the rest in methods. clean: the text
        has no control characters, no escapes and is NFC, so neither has any key or value."""
        stack, anchors, values, keys = self.stack, self.anchors, self.source_map.values, self.source_map.keys
        top: _Frame | None = None
        nodes = 0
        while True:
            event = next_event()
            kind = type(event)
            if kind is ScalarEvent:
                if top is not None and top.is_map and top.key is None:
                    key = event.value
                    if clean and key not in top.container and event.tag is None and not event.anchor:
                        top.key = key
                        top.key_path = path = top.path + (key,)
                        keys[path] = event.start_mark
                    else:
                        self._take_key(event)
                    continue
                # A long text weighs more: an alias repeats its characters, not just a node.
                weight = 1 + len(event.value) // CHARACTERS_PER_NODE
                nodes += weight
                if nodes > MAX_NODES:
                    raise _too_large(event.start_mark)
                value = event.value
                if (
                    event.tag is None
                    and not _ANY_START
                    and (value[:1] not in _IMPLICIT_STARTS or (len(value) > LONGEST_WORD and value[0] in _WORD_STARTS))
                ):
                    if not clean:  # text no resolver claims: _scalar's first case, by a shortcut
                        value = self._text(event)
                else:
                    value = self._scalar(event)
                if event.anchor:
                    anchors[event.anchor] = (value, weight)
                if top is None:
                    self._attach(value, event.start_mark, weight)
                elif top.is_map:
                    top.weight += weight
                    if not top.duplicate:
                        values[top.key_path] = event.start_mark
                        top.container[top.key] = value  # type: ignore[index, call-overload]  # is_map: a dict, with its key set
                    top.key, top.duplicate = None, False
                else:
                    top.weight += weight
                    values.setdefault(top.path + (len(top.container),), event.start_mark)  # a repeated key's list
                    top.container.append(value)  # type: ignore[union-attr]  # not is_map: a list
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.weight)
                if not stack:
                    self._attach(frame.container, values[frame.path], frame.weight)
                    top = None
                    continue
                top = stack[-1]
                top.weight += frame.weight  # the collection's own position was set at its start
                if not top.is_map:
                    top.container.append(frame.container)  # type: ignore[union-attr]  # not is_map: a list
                elif top.duplicate:
                    top.key, top.duplicate = None, False
                else:
                    top.container[top.key] = frame.container  # type: ignore[index, call-overload]  # is_map: a dict, with its key set
                    top.key = None
            elif kind is MappingStartEvent or kind is SequenceStartEvent or kind is AliasEvent:
                mark = event.start_mark
                if top is not None and top.is_map and top.key is None:
                    raise YamlSyntaxError(_position(mark), "en nyckel måste vara en enkel text")
                if kind is AliasEvent:
                    if event.anchor not in anchors:
                        message = f"aliaset '*{event.anchor}' hänvisar till ett okänt ankare"
                        raise YamlSyntaxError(_position(mark), message)
                    value, weight = anchors[event.anchor]
                    nodes += weight
                    if nodes > MAX_NODES:
                        raise _too_large(mark)
                    self._attach(value, mark, weight)
                    continue
                if event.tag not in (None, "!") and event.tag not in _ALLOWED_TAGS:
                    raise YamlSyntaxError(_position(mark), _tag_message(event.tag))
                if len(stack) >= MAX_DEPTH:
                    raise YamlSyntaxError(_position(mark), _DEPTH_MESSAGE)
                nodes += 1
                if nodes > MAX_NODES:
                    raise _too_large(mark)
                if top is None:
                    path = ()
                elif top.is_map:
                    path = top.key_path
                else:
                    path = top.path + (len(top.container),)
                values.setdefault(path, mark)
                top = _Frame({} if kind is MappingStartEvent else [], path, event.anchor)
                stack.append(top)
            elif kind is DocumentStartEvent:
                if values:
                    message = "filen innehåller flera YAML-dokument; bara ett är tillåtet"
                    raise YamlSyntaxError(_position(event.start_mark), message)
            elif kind is StreamEndEvent:
                return


def _too_large(mark: Any) -> YamlSyntaxError:
    # Nodes counted after expanding aliases: a "billion laughs" file stops here.
    text_mb = MAX_NODES * CHARACTERS_PER_NODE // 1_000_000
    message = f"filen blir för stor när alias expanderas (över {MAX_NODES:,} noder eller {text_mb} MB text)".replace(
        ",", " "
    )
    return YamlSyntaxError(_position(mark), message)


def _is_clean(text: str) -> bool:
    """Whether no key or value of text can hold a control character or be other than NFC:
    checked once for the file instead of for each of its hundreds of values. Escapes are
    the only way to make those from clean text (a line joined by folding gets a space)."""
    return "\\" not in text and not CONTROL.search(text) and unicodedata.is_normalized("NFC", text)


def _build(text: str, loader: type) -> ParsedYaml:
    builder = _Builder()
    parser = loader(text)
    try:
        builder.build(parser.get_event, _is_clean(text))
    finally:
        parser.dispose()
    builder.source_map.review_comments = review_comments(text, loader)
    return ParsedYaml(builder.root, builder.source_map, builder.problems)


REVIEW_MARK = "KONTROLLERA"
_REVIEW_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*KONTROLLERA\b[ \t]*:?[ \t]*([^\r\n]*)", re.MULTILINE)


def review_comments(text: str, loader: type) -> list[ReviewComment]:
    """Every `# KONTROLLERA` comment of text, which loader has read as YAML. The parser drops
    comments, so they are found in the text; a `#` inside a text value (quoted, or a block
    scalar) is no comment, and the scanner's scalar tokens say where those stand."""
    if REVIEW_MARK not in text:  # the common case, told without a scan
        return []
    found = list(_REVIEW_COMMENT.finditer(text))
    if not found:
        return []
    scalars = [
        ((token.start_mark.line, token.start_mark.column), (token.end_mark.line, token.end_mark.column))
        for token in yaml.scan(text, Loader=loader)
        if isinstance(token, yaml.ScalarToken)
    ]  # in file order, never overlapping
    starts = [start for start, _ in scalars]
    comments = []
    line, counted = 0, 0  # lines counted up to offset counted: once over the text, not once a match
    for match in found:
        line += text.count("\n", counted, match.start())
        counted = match.start()
        at = (line, match.start() - (text.rfind("\n", 0, match.start()) + 1))
        before = bisect.bisect_right(starts, at) - 1
        if before >= 0 and at < scalars[before][1]:
            continue  # inside a text value
        comments.append(ReviewComment(Position(at[0] + 1, at[1] + 1), match.group(1).rstrip()))
    return comments


# Line breaks of YAML 1.1 (PyYAML) that YAML 1.2 (editors, ruamel.yaml, check-jsonschema)
# reads as text: the two would see different files, and a write-back would break it.
_OTHER_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def parse_yaml(text: str) -> ParsedYaml:
    """Parse one YAML document. Raises YamlSyntaxError when the text is not YAML data."""
    other = _OTHER_LINE_BREAKS.search(text)
    if other is not None:
        char = other.group()
        name = {"\x85": "NEL", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}[char]
        raise YamlSyntaxError(
            _offset_position(text, other.start()),
            f"ogiltig YAML: radbrytningen U+{ord(char):04X} ({name}) läses olika av olika program; "
            "använd vanliga radbrytningar (spara om filen som vanlig text)",
        )
    try:
        try:
            return _build(text, _Loader)
        except yaml.YAMLError as exc:
            if _Loader is yaml.SafeLoader or not _is_library_limit(exc):  # type: ignore[comparison-overlap]  # mypy sees only the libyaml import
                raise
        # libyaml scans a run of brackets ahead of its events and refuses it at its own depth
        # limit (PyYAML 6.0.4: 1000) before the builder sees our level 65. The pure-Python
        # parser has no such limit and hands over events early, so our limit and its position
        # hold whatever libyaml is installed.
        return _build(text, yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text) from None
