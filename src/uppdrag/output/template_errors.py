"""What went wrong in a template, in Swedish, at the template's own file and line.

Jinja and Python word their errors in English ("Expected an expression, got 'end of print
statement'", "unsupported operand type(s) for +: 'int' and 'str'"); a user reads them here in
Swedish, with the location Jinja knows. Patterns are anchored and have no nested repeats, so
matching takes time linear in the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import TracebackType

import jinja2
import jinja2.sandbox

from uppdrag.ellipsis import shortened
from uppdrag.errors import EXIT_USAGE, TemplateError
from uppdrag.output.template_budget import LIMITS, BudgetExceeded, TemplateLimits, memory_message, time_message
from uppdrag.workers import TimeLimitExceeded, WorkerDied

_LONGEST_SHOWN = 60


def _shown(text: str) -> str:
    return shortened(text, _LONGEST_SHOWN)


# How Jinja describes a token (lexer._describe_token_type), in Swedish.
_TOKENS = {
    "begin of comment": "'{#'",
    "end of comment": "'#}'",
    "comment": "en kommentar",
    "begin of statement block": "'{%'",
    "end of statement block": "'%}'",
    "begin of print statement": "'{{'",
    "end of print statement": "'}}'",
    "begin of line statement": "början av en radsats",
    "end of line statement": "slutet av en radsats",
    "template data / text": "text",
    "end of template": "mallens slut",
    "name": "ett namn",
    "integer": "ett heltal",
    "float": "ett decimaltal",
    "string": "en textsträng",
    "operator": "en operator",
}


def _token(described: str) -> str:
    """ "'end of print statement'" or "'endfor' or 'else'" -> the Swedish words."""
    parts = [part.strip().strip("'\"") for part in described.split(" or ")]
    return " eller ".join(_TOKENS.get(part, f"'{_shown(part)}'") for part in parts)


_TAG_PROBLEM = re.compile(
    r"(?:Encountered unknown tag '(?P<tag>[^']*)'\.|Unexpected end of template\.)(?P<rest>.*)", re.DOTALL
)
_LOOKING = re.compile(r"(?:currently looking for|the following tags:) (?P<tags>[^.]*)\.")
_INNERMOST = re.compile(r"The innermost block that needs to be closed is '(?P<block>[^']*)'")


def _tag_problem(match: re.Match[str]) -> str:
    rest = match.group("rest")
    said = [
        f"okänd tagg '{_shown(match.group('tag'))}'" if match.group("tag") is not None else "mallen tar slut för tidigt"
    ]
    if "nesting mistake" in rest:
        said.append("taggarna är troligen fel kapslade")
    looking = _LOOKING.search(rest)
    if looking:
        said.append(f"väntade på {_token(looking.group('tags'))}")
    innermost = _INNERMOST.search(rest)
    if innermost:
        said.append(f"blocket '{_shown(innermost.group('block'))}' är inte avslutat")
    return "; ".join(said)


_SYNTAX: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (_TAG_PROBLEM, _tag_problem),
    (re.compile(r"Expected an expression, got (?P<got>.*)"), lambda m: f"ett uttryck saknas; fann {_token(m['got'])}"),
    (
        re.compile(r"unexpected end of template, expected (?P<want>.*)\."),
        lambda m: f"mallen tar slut för tidigt; väntade på {_token(m['want'])}",
    ),
    (
        re.compile(r"expected token (?P<want>.*), got (?P<got>.*)"),
        lambda m: f"väntade på {_token(m['want'])} men fann {_token(m['got'])}",
    ),
    (
        re.compile(r"unexpected '(?P<got>[^']*)', expected '(?P<want>[^']*)'"),
        lambda m: f"oväntat '{m['got']}'; väntade på '{m['want']}'",
    ),
    (re.compile(r"unexpected char (?P<char>.*) at \d+"), lambda m: f"otillåtet tecken {_shown(m['char'])}"),
    (re.compile(r"unexpected (?P<got>.*)"), lambda m: f"oväntat {_token(m['got'])}"),
    (re.compile(r"tag name expected"), lambda m: "ett taggnamn saknas efter '{%'"),
    (re.compile(r"Missing end of comment tag"), lambda m: "kommentaren avslutas inte med '#}'"),
    (re.compile(r"Missing end of raw directive"), lambda m: "'{% raw %}' avslutas inte med '{% endraw %}'"),
    (re.compile(r"Invalid character in identifier"), lambda m: "otillåtet tecken i ett namn"),
    (
        re.compile(r"Block names in Jinja"),
        lambda m: "ett blocknamn får bara ha bokstäver, siffror och understreck (inget bindestreck)",
    ),
    (re.compile(r"Required blocks can only"), lambda m: "ett required-block får bara innehålla kommentarer"),
    (re.compile(r"names starting with an underline"), lambda m: "namn som börjar med '_' kan inte importeras"),
    (
        re.compile(r"can't assign to '(?P<what>[^']*)'"),
        lambda m: f"det går inte att tilldela ett värde till {m['what']}",
    ),
    (re.compile(r"non-default argument follows"), lambda m: "ett argument utan standardvärde står efter ett med"),
    (re.compile(r"expected call"), lambda m: "ett anrop saknas"),
    (re.compile(r"expected name or number"), lambda m: "ett namn eller tal saknas efter '.'"),
    (re.compile(r"expected subscript expression"), lambda m: "ett index saknas inom '[ ]'"),
    (re.compile(r"invalid syntax for function call"), lambda m: "felaktigt anrop (argumenten)"),
    (re.compile(r"You cannot chain multiple tests"), lambda m: "flera 'is'-test kan inte kedjas"),
    (re.compile(r"block '(?P<name>[^']*)' defined twice"), lambda m: f"blocket '{_shown(m['name'])}' finns två gånger"),
    (re.compile(r"cannot use extend from a non top-level"), lambda m: "'extends' får bara stå överst i mallen"),
    (re.compile(r"Can't assign to special loop variable"), lambda m: "'loop' kan inte användas som loopvariabel"),
    (
        re.compile(r"When defining macros or call blocks"),
        lambda m: "argumentet 'caller' måste utelämnas eller ha ett standardvärde",
    ),
    (
        re.compile(r"No (?P<kind>filter|test) named '(?P<name>[^']*)'"),
        lambda m: f"{'filtret' if m['kind'] == 'filter' else 'testet'} '{_shown(m['name'])}' finns inte",
    ),
]


def syntax_message(message: str) -> str:
    """Jinja's syntax error in Swedish; one it has not been taught is still a Swedish sentence."""
    for pattern, say in _SYNTAX:
        match = pattern.match(message)
        if match:
            return say(match)
    return "mallens syntax är felaktig här"


# Python's type names, as a template's author knows the values.
_TYPES = {
    "int": "ett heltal",
    "float": "ett decimaltal",
    "str": "en text",
    "Markup": "en text",
    "list": "en lista",
    "tuple": "en lista",
    "dict": "en ordbok",
    "NoneType": "inget värde (None)",
    "bool": "ett sanningsvärde",
    "date": "ett datum",
    "Undefined": "ett odefinierat värde",
}


def _type(name: str) -> str:
    return _TYPES.get(name, f"ett värde av typen {_shown(name)}")


_RUNTIME: list[tuple[type[BaseException], re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (ZeroDivisionError, re.compile(r""), lambda m: "division med noll"),
    (
        TypeError,
        re.compile(r"unsupported operand type\(s\) for (?P<op>\S+): '(?P<a>[^']*)' and '(?P<b>[^']*)'"),
        lambda m: f"'{m['op']}' går inte mellan {_type(m['a'])} och {_type(m['b'])}",
    ),
    (
        TypeError,
        re.compile(r'can only concatenate (?P<a>\w+) \(not "(?P<b>[^"]*)"\)'),
        lambda m: f"'+' går inte mellan {_type(m['a'])} och {_type(m['b'])}; foga ihop text med '~'",
    ),
    (
        TypeError,
        re.compile(r"'(?P<op>[^']*)' not supported between instances of '(?P<a>[^']*)' and '(?P<b>[^']*)'"),
        lambda m: f"'{m['op']}' går inte mellan {_type(m['a'])} och {_type(m['b'])}",
    ),
    (TypeError, re.compile(r"'(?P<a>[^']*)' object is not callable"), lambda m: f"{_type(m['a'])} kan inte anropas"),
    (
        TypeError,
        re.compile(r"'(?P<a>[^']*)' object is not iterable"),
        lambda m: f"{_type(m['a'])} går inte att loopa över",
    ),
    (TypeError, re.compile(r".*format"), lambda m: "formatsträngen passar inte värdena"),
    (
        TypeError,
        re.compile(r".*(?:required positional argument|takes [^(]{0,40}arguments? \(|unexpected keyword)"),
        lambda m: "fel antal eller okänt namn på argumenten i ett anrop",
    ),
    (TypeError, re.compile(r""), lambda m: "ett värde av fel typ i ett uttryck"),
    (
        ValueError,
        re.compile(r"Exceeds the limit \(\d+ digits\)"),
        lambda m: "ett tal har för många siffror (högst 4 300)",
    ),
    (ValueError, re.compile(r".*format"), lambda m: "ogiltig formatsträng"),
    (ValueError, re.compile(r""), lambda m: "ett ogiltigt värde i ett uttryck"),
    (IndexError, re.compile(r""), lambda m: "ett index eller en formatsträng pekar på ett värde som inte finns"),
    (KeyError, re.compile(r""), lambda m: "en nyckel som inte finns"),
    (AttributeError, re.compile(r""), lambda m: "ett namn som inte finns på värdet"),
    (
        jinja2.TemplateRuntimeError,
        re.compile(r"[Nn]o (?P<kind>filter|test) named '(?P<name>[^']*)'"),
        lambda m: f"{'filtret' if m['kind'] == 'filter' else 'testet'} '{_shown(m['name'])}' finns inte",
    ),
]


def runtime_message(exc: BaseException) -> str:
    """An error raised while the template ran, in Swedish."""
    text = str(exc)
    for kind, pattern, say in _RUNTIME:
        if isinstance(exc, kind):
            match = pattern.match(text)
            if match:
                return say(match)
    return f"mallen kunde inte köras klart ({type(exc).__name__})"


def _blocked_message(exc: Exception) -> str:
    """What the sandbox refused, in Swedish."""
    match = re.search(r"attribute '([^']+)' of '([^']+)' object is unsafe", str(exc))
    if match:
        return f"mallen får inte läsa '{match.group(1)}' på '{match.group(2)}' (spärrat i mallarnas sandlåda)"
    if isinstance(exc, OverflowError) and "Range too big" in str(exc):
        return "mallen gör ett för stort intervall (range); spärrat i mallarnas sandlåda"
    if isinstance(exc, OverflowError):
        return "mallen gör ett för stort tal; spärrat i mallarnas sandlåda"
    return "mallen gör något som inte är tillåtet (spärrat i mallarnas sandlåda)"


class TemplateLookupFailed(LookupError):
    """A file a template asked for (asset("…")) is not in the template folders; its message is
    Swedish and shown at the template's line."""


def _not_found_message(exc: jinja2.TemplateNotFound) -> str:
    names = exc.templates if isinstance(exc, jinja2.TemplatesNotFound) else [exc.name]
    shown = " eller ".join(f"'{_shown(str(name))}'" for name in names)
    return f"mallen {shown} finns inte i mallmapparna (bara filer i mallmapparna kan användas)"


def _undefined_message(exc: jinja2.UndefinedError) -> str:
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
    if match and match.group(2):
        owner = match.group(1).removesuffix(" object").rsplit(".", 1)[-1]
        return f"fel i mallen: '{match.group(2)}' finns inte på '{owner}'"
    if match:
        return f"fel i mallen: '{match.group(1)}' är inte definierad"
    return "fel i mallen: ett värde som inte är definierat används"


def template_location(exc: BaseException, fallback: str) -> str:
    """'templates/uppdrag.md.j2:12': the innermost template frame of Jinja's rewritten
    traceback (its frames carry the template's file and line); else the template's name."""
    where = fallback
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _while_compiling(exc: BaseException) -> bool:
    """True when Jinja's parser or compiler raised it (the source is nested too deep)."""
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        if module in ("jinja2.parser", "jinja2.lexer", "jinja2.compiler", "jinja2.idtracking"):
            return True
        tb = tb.tb_next
    return False


def template_error(exc: BaseException, name: str, limits: TemplateLimits = LIMITS) -> TemplateError:
    """Any failure of a template, as the located, Swedish TemplateError the CLI shows.
    `name` is the template (file) shown when no line is known."""
    where = template_location(exc, name)
    if isinstance(exc, TemplateError):
        return exc
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"{exc.filename or exc.name or name}:{exc.lineno}: fel i mallen: {syntax_message(exc.message or '')}",
            exit_code=EXIT_USAGE,
        )
    if isinstance(exc, SyntaxError):
        # Python's compiler refuses the code Jinja made of the template: "too many statically
        # nested blocks" (SyntaxError, over 20 loops), "too many levels of indentation"
        # (IndentationError, about 100 tags). Nothing else in a template raises Python's
        # SyntaxError (Jinja's own TemplateSyntaxError is handled above). Its filename is the
        # template's (an included one's, too); its line is of the generated code, so not shown.
        return TemplateError(
            f"{exc.filename or where}: mallen är för djupt kapslad (för många taggar i varandra)",
            exit_code=EXIT_USAGE,
        )
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(f"{where}: {_undefined_message(exc)}", exit_code=EXIT_USAGE)
    if isinstance(exc, jinja2.TemplateNotFound):  # {% include %}, {% extends %}, {% import %} of a name not there
        message = _not_found_message(exc)
    elif isinstance(exc, (BudgetExceeded, TemplateLookupFailed)):
        message = str(exc)
    elif isinstance(exc, TimeLimitExceeded):
        message = time_message(limits)
    elif isinstance(exc, MemoryError):
        message = memory_message(limits)
    elif isinstance(exc, WorkerDied):  # the system ended it: most likely out of memory, but not surely
        message = (
            f"mallen stoppades innan den blev klar, troligen för att den behövde mer minne än "
            f"{limits.memory_bytes // 2**20} MB"
        )
    elif isinstance(exc, RecursionError) and _while_compiling(exc):
        message = "mallen är för djupt kapslad (parenteser, taggar eller uttryck i varandra)"
    elif isinstance(exc, RecursionError):  # a macro or include that calls itself
        message = "mallen anropar sig själv utan slut"
    elif isinstance(exc, (jinja2.exceptions.SecurityError, OverflowError)):
        message = _blocked_message(exc)
    else:
        message = f"fel i mallen: {runtime_message(exc)}"
    return TemplateError(f"{where}: {message}", exit_code=EXIT_USAGE)
