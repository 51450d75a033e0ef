"""The framework's own words in Swedish: typer's help frame, value labels and usage errors.

Typer's bundled click has no gettext catalogue, so its English is replaced here, once, by
`install()`: the words around the help text, the value labels (ÅR, ID, MAPP, FIL instead of
`<int range>`), and every usage error, which names what was expected and, where it can, the
command the user probably meant. Nothing here imports typer.rich_utils until help or an
error is actually shown, so `uppdrag validate` starts as fast as before.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
import typer.core
from typer._click import core as click_core
from typer._click import exceptions as click_errors
from typer._click import formatting as click_formatting

USAGE_PREFIX = "Användning: "
HELP_OPTION_TEXT = "Visa den här hjälpen och avsluta."
COMPLETION_HELP = {
    "install_completion": "Installera kompletteringen av kommandon för skalet du använder.",
    "show_completion": "Visa kompletteringen för skalet du använder, för att kopiera eller anpassa den.",
}
# typer.rich_utils' words, set when help or an error is first shown.
RICH_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argument",
    "OPTIONS_PANEL_TITLE": "Flaggor",
    "COMMANDS_PANEL_TITLE": "Kommandon",
    "ERRORS_PANEL_TITLE": "Fel",
    "DEFAULT_STRING": "[standard: {}]",
    "ENVVAR_STRING": "[miljövariabel: {}]",
    "REQUIRED_LONG_STRING": "[krävs]",
    "DEPRECATED_STRING": "(utgår) ",
    "ABORTED_TEXT": "Avbrutet.",
    "RICH_HELP": "Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
}
USAGE_WORDS = {"[OPTIONS]": "[FLAGGOR]", "COMMAND [ARGS]...": "KOMMANDO [ARGUMENT]..."}
YEAR = re.compile(r"^\d{4}$")


def install() -> None:
    """Put the Swedish words in place; safe to call more than once."""
    if getattr(typer.core, "_uppdrag_swedish", False):
        return
    typer.core._uppdrag_swedish = True  # type: ignore[attr-defined]  # our own mark on typer: installed once
    formatter = click_formatting.HelpFormatter
    english_usage = formatter.write_usage

    def write_usage(self: click_formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, swedish in USAGE_WORDS.items():
            args = args.replace(english, swedish)
        english_usage(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    formatter.write_usage = write_usage  # type: ignore[method-assign]  # click's English replaced (module docstring)

    english_help_option = click_core.Command.get_help_option

    def get_help_option(self: click_core.Command, ctx: click_core.Context) -> typer.core.TyperOption | None:
        option = english_help_option(self, ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]  # click's English replaced (module docstring)

    for command_class in (typer.core.TyperCommand, typer.core.TyperGroup):
        command_class.format_help = _with_rich_words(command_class.format_help)  # type: ignore[method-assign, assignment]  # click's English replaced (module docstring)

    argument, option = typer.core.TyperArgument, typer.core.TyperOption
    argument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]  # click's English replaced (module docstring); the name says it
    argument._get_number_range_help_str = lambda self: None  # type: ignore[method-assign]  # click's English replaced (module docstring)
    argument._usage_display_name = _argument_usage  # type: ignore[method-assign]  # click's English replaced (module docstring)
    option.display_type_rich = lambda self, ctx: value_label(self)  # type: ignore[method-assign]  # click's English replaced (module docstring)
    option._get_number_range_help_str = _number_range  # type: ignore[method-assign]  # click's English replaced (module docstring)


def _with_rich_words(format_help: Callable[[Any, Any, Any], None]) -> Callable[[Any, Any, Any], None]:
    def swedish_format_help(self: Any, ctx: click_core.Context, formatter: click_formatting.HelpFormatter) -> None:
        use_rich_words()
        return format_help(self, ctx, formatter)

    return swedish_format_help


def use_rich_words() -> None:
    """Swedish panel titles, and help paragraphs that wrap at the terminal's width."""
    from typer import rich_utils

    for name, text in RICH_WORDS.items():
        setattr(rich_utils, name, text)
    english_command_help = rich_utils._make_command_help
    if getattr(english_command_help, "_swedish", False):
        return

    def command_help(*, help_text: str, markup_mode: Any) -> Any:
        return english_command_help(help_text=join_lines(help_text), markup_mode=markup_mode)

    command_help._swedish = True  # type: ignore[attr-defined]  # our mark on the replacement: installed once
    rich_utils._make_command_help = command_help
    rich_utils._fix_linebreaks = lambda paragraphs, markup_mode: "\n\n".join(map(join_lines, paragraphs))


def join_lines(text: str) -> str:
    """A docstring's paragraphs with their line breaks made spaces, so rich wraps them at
    word boundaries for the terminal's width; a paragraph starting with \\b keeps its lines."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(p if p.startswith("\b") else re.sub(r"\s*\n\s*", " ", p) for p in paragraphs)


def _argument_usage(self: typer.core.TyperArgument) -> str:
    name = self.display_name_raw
    name = name if self.required else f"[{name}]"
    return name + ("..." if self.nargs != 1 else "")


def _number_range(self: typer.core.TyperOption) -> str | None:
    if self.min is None or self.max is None or self.name == "year":  # ÅR says enough
        return None
    return f"{self.min}–{self.max}"


def value_label(option: Any) -> str | None:
    """What a person writes after an option: its metavar, its choices, or a Swedish noun."""
    if option.metavar is not None:
        metavar: str = option.metavar
        return metavar
    if option.is_flag:
        return None
    descriptor = option.type_descriptor
    if descriptor.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in descriptor.choices or ())
    if descriptor.is_path:
        return {"file": "FIL", "dir": "MAPP"}.get(descriptor.path_type, "SÖKVÄG")
    if descriptor.annotation is int:
        return "ÅR" if option.name == "year" else "TAL"
    return "TEXT"


def label(param: Any) -> str:
    """How a parameter is named to the user: ÅR for an argument, --count for an option."""
    if isinstance(param, typer.core.TyperArgument):
        return param.display_name_raw
    longest: str = max(param.opts, key=len)
    return longest


def _expected(param: Any) -> str:
    if param.name == "year":
        return "ett år, t.ex. 2024"
    return "ett heltal, t.ex. 4"


def _choices(param: Any) -> list[str]:
    return [str(getattr(c, "value", c)) for c in param.type_descriptor.choices or ()]


def _or(words: Sequence[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} eller {words[-1]}"


def _bad_value(exc: Any) -> str:
    """The Swedish message for a value of the wrong kind, naming what was expected."""
    param = exc.param
    cause = exc.__cause__
    if cause is not None and hasattr(cause, "errors"):
        detail = cause.errors()[0]
        kind, value = detail["type"], detail.get("input")
        wrote = f" — du skrev '{value}'"
        if param.type_descriptor.is_choice:
            choices = _choices(param)
            close = difflib.get_close_matches(str(value), choices, n=1)
            hint = f"; menade du '{close[0]}'?" if close else ""
            return f"{label(param)} ska vara {_or(choices)}{wrote}{hint}"
        if kind in ("int_parsing", "int_type", "int_from_float"):
            return f"{label(param)} ska vara {_expected(param)}{wrote}"
        if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            noun = "ett år" if param.name == "year" else "ett tal"
            return f"{label(param)} ska vara {noun} från {param.min} till {param.max}{wrote}"
        return f"{label(param)}: ogiltigt värde '{value}'"
    match = re.match(
        r"^\w+ (.*) (is a file|is a directory|does not exist|is not readable|is not writable)\.$", exc.message
    )
    if match:
        said = {
            "is a file": "är en fil, inte en mapp",
            "is a directory": "är en mapp, inte en fil",
            "does not exist": "finns inte",
            "is not readable": "går inte att läsa",
            "is not writable": "går inte att skriva till",
        }[match.group(2)]
        return f"{label(param)}: {match.group(1)} {said}"
    return f"{label(param)}: ogiltigt värde ({exc.message})"


def _swapped_year(exc: Any, argv: Sequence[str]) -> str | None:
    """`check-meetings forskola 2024` -> the same words with the year where ÅR stands; with no
    year at all (`check-meetings forskola`), this year goes before the id."""
    param, cause = exc.param, exc.__cause__
    if param is None or param.name != "year" or cause is None or not hasattr(cause, "errors"):
        return None
    value = str(cause.errors()[0].get("input"))
    words = list(argv)
    if value not in words:
        return None
    wrong = words.index(value)
    year = next((i for i, w in enumerate(words) if YEAR.match(w) and i != wrong), None)
    if year is not None:
        words[wrong], words[year] = words[year], words[wrong]
    elif _id_comes_after(param, exc.ctx) and _looks_like_an_id(value):
        words.insert(wrong, str(dt.date.today().year))  # the command line's own clock, as --today's default
    else:
        return None
    return " ".join([exc.ctx.find_root().info_name, *words])


def _id_from_name(exc: Any, argv: Sequence[str]) -> str | None:
    """`uppdrag new --namn Förskoleklass` without an id: the id made from the name."""
    if exc.ctx is None or exc.ctx.command.name != "new" or exc.param.name != "mission_id":
        return None
    for index, word in enumerate(argv):
        if word == "--namn" and index + 1 < len(argv):
            name = argv[index + 1]
        elif word.startswith("--namn="):
            name = word.removeprefix("--namn=")
        else:
            continue
        if name.strip():
            from uppdrag.models import is_valid_id, make_id

            new_id = make_id(name)
            return f'uppdrag new {new_id} --namn "{name.strip()}"' if is_valid_id(new_id) else None
    return None


def _looks_like_an_id(word: str) -> bool:
    from uppdrag.models import is_valid_id  # a usage error can pay for the models

    return is_valid_id(word) and not word.isdigit()  # digits are a mistyped year, not an id


def _id_comes_after(year: Any, ctx: Any) -> bool:
    """Whether the command takes ÅR first and ids after it (`check-meetings ÅR [ID]...`)."""
    arguments = [p for p in ctx.command.params if isinstance(p, typer.core.TyperArgument)]
    return year in arguments and any(arguments.index(year) < i for i, p in enumerate(arguments) if p is not year)


def swedish_message(exc: click_errors.UsageError, argv: Sequence[str]) -> str:
    """What went wrong on the command line, in Swedish, with what to write instead."""
    errors = click_errors
    ctx = exc.ctx
    if isinstance(exc, errors.MissingParameter) and exc.param is not None:
        help_text = (getattr(exc.param, "help", None) or "").strip()  # arguments and options have help
        message = f"{label(exc.param)} saknas" + (f" ({help_text.rstrip('.')})" if help_text else "")
        named = _id_from_name(exc, argv)
        return f"{message}; menade du `{named}`?" if named else message
    if isinstance(exc, errors.BadParameter) and exc.param is not None:
        message = _bad_value(exc)
        swapped = _swapped_year(exc, argv)
        return f"{message}; menade du `{swapped}`?" if swapped else message
    if isinstance(exc, errors.NoSuchOption):
        named_file = next((a for a in argv if a.startswith(exc.option_name) and os.path.lexists(a)), None)
        if named_file is not None:  # '-x.txt' reads as the flags -x, -., -t…: the file needs a path
            return f"okänd flagga {exc.option_name}; menade du filen '{named_file}'? Skriv då ./{named_file}"
        close = list(exc.possibilities or [])
        if close:
            return f"okänd flagga {exc.option_name}; menade du {_or(close)}?"
        return f"okänd flagga {exc.option_name}"
    message = exc.message
    if match := re.match(r"No such command '(.*?)'", message):
        name = match.group(1)
        commands = (
            ctx.command.list_commands(ctx) if ctx is not None and isinstance(ctx.command, typer.core.TyperGroup) else []
        )
        close = difflib.get_close_matches(name, commands, n=1)
        if close:
            return f"okänt kommando '{name}'; menade du '{close[0]}'?"
        return f"okänt kommando '{name}'; kommandona är {_or(commands)}"
    if message.startswith("Missing command"):
        return "ange ett kommando, t.ex. validate"
    if match := re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", message):
        return f"för många argument: {match.group(1)}"
    if match := re.match(r"Option '(.*)' requires (an argument|(\d+) arguments)", message):
        count = match.group(3)
        return f"{match.group(1)} behöver {'ett värde' if count is None else count + ' värden'}"
    if match := re.match(r"Option '(.*)' does not take a value", message):
        return f"{match.group(1)} tar inget värde"
    return message


def show_usage_error(exc: click_errors.UsageError, argv: Sequence[str]) -> None:
    """Typer's error frame (usage line, help hint, panel), with Swedish words in it."""
    from typer import rich_utils

    use_rich_words()
    rich_utils.rich_format_error(click_errors.UsageError(swedish_message(exc, argv), exc.ctx))


class SwedishGroup(typer.core.TyperGroup):
    """The root command: its completion options and its usage errors speak Swedish."""

    def get_params(self, ctx: Any) -> list[click_core.Parameter]:
        params = super().get_params(ctx)
        for param in params:  # typer appends these after the group is made
            if param.name in COMPLETION_HELP and isinstance(param, typer.core.TyperOption):
                param.help = COMPLETION_HELP[param.name]
        return params

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except click_errors.UsageError as exc:
            if type(exc).__name__ != "NoArgsIsHelpError":  # the help was shown already
                show_usage_error(exc, argv)
            sys.exit(exc.exit_code)
        except click_errors.ClickException as exc:  # none of ours raise one; said plainly if typer does
            print(f"fel: {exc.format_message()}", file=sys.stderr)
            sys.exit(exc.exit_code)
        except typer.Abort:
            print("avbrutet", file=sys.stderr)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)
