"""output/template_errors: Jinja's and Python's English, said in Swedish."""

from __future__ import annotations

import pytest

from uppdrag.output.template_errors import runtime_message, syntax_message, template_error
from uppdrag.workers import WorkerDied


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        (
            "Encountered unknown tag 'endif'. You probably made a nesting mistake. Jinja is expecting this tag, "
            "but currently looking for 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.",
            "okänd tagg 'endif'; taggarna är troligen fel kapslade; väntade på 'endfor' eller 'else'; "
            "blocket 'for' är inte avslutat",
        ),
        ("Encountered unknown tag 'x" + "y" * 100 + "'.", "okänd tagg 'x" + "y" * 59 + "…'"),
        ("Expected an expression, got 'end of print statement'", "ett uttryck saknas; fann '}}'"),
        ("expected token 'end of statement block', got 'x'", "väntade på '%}' men fann 'x'"),
        (
            "unexpected end of template, expected 'end of print statement'.",
            "mallen tar slut för tidigt; väntade på '}}'",
        ),
        ("unexpected char '$' at 12", "otillåtet tecken '$'"),
        ("block 'innehall' defined twice", "blocket 'innehall' finns två gånger"),
        ("No test named 'udda'.", "testet 'udda' finns inte"),
        ("Can't assign to special loop variable in for-loop target", "'loop' kan inte användas som loopvariabel"),
        ("something Jinja says one day", "mallens syntax är felaktig här"),
    ],
)
def test_syntax_messages(english: str, swedish: str) -> None:
    assert syntax_message(english) == swedish


@pytest.mark.parametrize(
    ("error", "swedish"),
    [
        (
            TypeError("unsupported operand type(s) for -: 'str' and 'NoneType'"),
            "'-' går inte mellan en text och inget värde (None)",
        ),
        (
            TypeError("'<' not supported between instances of 'date' and 'int'"),
            "'<' går inte mellan ett datum och ett heltal",
        ),
        (
            TypeError("Document.heading() missing 1 required positional argument: 'part'"),
            "fel antal eller okänt namn på argumenten i ett anrop",
        ),
        (TypeError("'Foo' object is not subscriptable"), "ett värde av fel typ i ett uttryck"),
        (ValueError("Unknown format code 'd' for object of type 'str'"), "ogiltig formatsträng"),
        (LookupError("x"), "mallen kunde inte köras klart (LookupError)"),
    ],
)
def test_runtime_messages(error: Exception, swedish: str) -> None:
    assert runtime_message(error) == swedish


def test_a_render_killed_by_the_system_says_what_is_likely() -> None:
    error = template_error(WorkerDied(), "templates/t.md.j2")
    assert (error.message, error.exit_code) == (
        "templates/t.md.j2: mallen stoppades innan den blev klar, troligen för att den behövde mer minne än 512 MB",
        2,
    )
