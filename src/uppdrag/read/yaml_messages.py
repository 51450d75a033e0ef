"""Every error text that libyaml or PyYAML can give, said in Swedish.

The parser's own words never reach a user: each known text (both libyaml's and the pure-Python
parser's, which differ) has a Swedish message saying what to write instead, and a text that no
entry knows gets a general Swedish message rather than the English one. The table is checked
against the installed libraries' texts in tests/unit/read/test_yaml_messages.py.
"""

from __future__ import annotations

# libyaml refuses nesting deeper than its own limit (PyYAML 6.0.4: 1000 levels) before our
# builder reaches ours; yamlsource then reads the file again without libyaml.
LIBRARY_DEPTH_LIMIT = "exceeded maximum nesting depth"

# The longest simple key YAML allows (the spec's 1024 characters).
MAX_KEY_LENGTH = 1024

_DIRECTIVE = "ogiltigt direktiv (en rad som börjar med '%'); ta bort raden eller skriv texten inom citattecken"
_TAG = "ogiltig tagg (ett värde som börjar med '!'); skriv texten inom citattecken"
_DOCUMENT = "oväntad dokumentmarkering ('---' eller '...'); en fil innehåller bara ett dokument"
_ENCODING = "ogiltig teckenkodning; spara filen som UTF-8"
_CONTROL = "otillåtet kontrolltecken i filen"
_TAB = "tabbtecken i indraget; använd mellanslag"
_BLOCK_HEADER = "ogiltig markering efter '|' eller '>'; skriv '|', '|-', '>' eller '>-' och texten på nästa rad"
_ESCAPE = "ogiltig \\x-, \\u- eller \\U-sekvens i citerad text"

# (a piece of the library's text, the Swedish message); the first piece found wins, so a
# longer text stands before a shorter one it contains.
MESSAGES: tuple[tuple[str, str], ...] = (
    (LIBRARY_DEPTH_LIMIT, "för djup nästling"),
    ("cannot start any token", "tabbtecken eller otillåtet tecken; använd mellanslag för indrag"),
    ("tab character", _TAB),
    ("mapping values are not allowed", "kolon på oväntat ställe; en text med ': ' skrivs inom citattecken"),
    ("found unexpected ':'", "kolon på oväntat ställe; en text med ': ' skrivs inom citattecken"),
    ("mapping keys are not allowed", "nyckel på oväntat ställe (fel indrag?)"),
    ("could not find expected ':'", "hittade inte väntat ':' efter en nyckel"),
    ("did not find expected key", "hittade inte väntad nyckel (fel indrag?)"),
    ("expected <block end>", "fel indrag: raden passar inte in i blocket ovanför"),
    ("did not find expected '-' indicator", "hittade inte väntat '-' (fel indrag i listan?)"),
    ("sequence entries are not allowed", "listpunkt på oväntat ställe (fel indrag?)"),
    ("did not find expected ',' or ']'", "hittade inte väntat ',' eller ']'"),
    ("expected ',' or ']'", "hittade inte väntat ',' eller ']'"),
    ("did not find expected ',' or '}'", "hittade inte väntat ',' eller '}'"),
    ("expected ',' or '}'", "hittade inte väntat ',' eller '}'"),
    ("found unexpected end of stream", "texten som börjar här avslutas aldrig (saknas ett citattecken?)"),
    ("did not find expected node content", "hittade inget värde där ett väntades (oavslutad lista?)"),
    ("expected the node content", "hittade inget värde där ett väntades (oavslutad lista?)"),
    ("expected SCALAR, SEQUENCE-START", "hittade inget värde där ett väntades (oavslutad lista?)"),
    ("found unknown escape character", "okänd escape-sekvens i citerad text"),
    ("found invalid Unicode character escape code", "ogiltig \\u-sekvens i citerad text (ett tecken som inte finns)"),
    ("did not find expected hexdecimal number", _ESCAPE),
    ("expected escape sequence of", _ESCAPE),
    ("special characters are not allowed", _CONTROL),
    ("control characters are not allowed", _CONTROL),
    ("unacceptable character", _CONTROL),
    ("found undefined tag handle", "okänd tagg"),
    ("found non-specific tag", _TAG),
    ("did not find URI escaped octet", _TAG),
    ("did not find expected tag URI", _TAG),
    ("expected URI", _TAG),
    ("did not find expected '!'", _TAG),
    ("expected '!'", _TAG),
    ("did not find the expected '>'", _TAG),
    ("expected '>'", _TAG),
    ("expected alphabetic or numeric character", "ogiltigt ankare eller alias; efter '&' eller '*' väntas bokstäver eller siffror"),
    ("found duplicate anchor", "ankaret är definierat två gånger"),
    ("found an indentation indicator equal to 0", _BLOCK_HEADER),
    ("expected indentation indicator in the range 1-9", _BLOCK_HEADER),
    ("expected chomping or indentation indicators", _BLOCK_HEADER),
    ("did not find expected comment or line break", _BLOCK_HEADER),
    ("expected a comment or a line break", _BLOCK_HEADER),
    ("did not find expected whitespace", "mellanslag saknas efter en tagg eller markering"),
    ("expected ' '", "mellanslag saknas efter en tagg eller markering"),
    ("did not find expected <document start>", _DOCUMENT),
    ("expected '<document start>'", _DOCUMENT),
    ("found unexpected document", _DOCUMENT),
    ("expected DOCUMENT-", _DOCUMENT),
    ("expected nothing after STREAM-END", _DOCUMENT),
    ("stream-start", _DOCUMENT),
    ("STREAM-START", _DOCUMENT),
    ("directive", _DIRECTIVE),
    ("version number", _DIRECTIVE),
    ("found incompatible YAML document", _DIRECTIVE),
    ("found unexpected non-alphabetical character", _DIRECTIVE),
    ("expected a digit", _DIRECTIVE),
    ("expected digit", _DIRECTIVE),
    ("UTF-8", _ENCODING),
    ("invalid Unicode character", _ENCODING),
    ("surrogate", _ENCODING),
    ("input is too long", "filen är för stor"),
)

GENERAL = "filen kan inte läsas här; se efter citattecken, kolon och indrag på raden"


def swedish(problem: str) -> str:
    """The Swedish message for a library's error text (without the 'ogiltig YAML: ' lead)."""
    for english, message in MESSAGES:
        if english in problem:
            return message
    return GENERAL


def long_key(line: str) -> tuple[int, int] | None:
    """(0-based column, length) of a key on line longer than YAML allows, if any.

    A key runs from the line's start, a '- ', '{', '[' or ',' up to a ':' that ends it;
    one pass, so a long line costs its length once."""
    start = 0
    index = 0
    quote = ""
    while index < len(line):
        char = line[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[,":
            start = index + 1
        elif char == "-" and line[index + 1 : index + 2] in (" ", "") and not line[start:index].strip():
            start = index + 1
        elif char == ":" and line[index + 1 : index + 2] in (" ", "", "}", ","):
            key = line[start:index]
            length = len(key.strip())
            if length > MAX_KEY_LENGTH:
                return start + len(key) - len(key.lstrip()), length
            start = index + 1
        index += 1
    return None
