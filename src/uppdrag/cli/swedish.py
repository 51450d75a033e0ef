"""The framework's own words in Swedish: typer's help frame, value labels and usage errors.

Through typer's public hooks only: command and group classes (`SwedishCommand`,
`SwedishGroup`, chosen by `SwedishTyper`) that write the usage line, the help option and the
help text; parameter classes that name a value ÅR, ID, MAPP or FIL instead of `<int range>`;
typer.rich_utils' module constants for the panel titles; and usage errors caught at the root
group's main(), which names what was expected and, where it can, the command the user
probably meant. Click's names and the one hook typer keeps private come from cli/framework.py.
Typer's bundled click translates through gettext, but only for the user's locale (LANGUAGE,
LANG); the tool speaks Swedish whatever the locale, so its words are set here instead.
Nothing imports typer.rich_utils until help or an error is actually shown, so `uppdrag
validate` starts as fast as before.
"""

from __future__ import annotations

import datetime as dt
import difflib
import inspect
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
import typer.core
from typer.models import CommandFunctionType

from uppdrag.cli.framework import (
    ClickException,
    Command,
    Context,
    HelpFormatter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    Parameter,
    RangedArgument,
    RangedOption,
    UsageError,
)

USAGE_PREFIX = "Användning: "
OPTIONS_METAVAR = "[FLAGGOR]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."
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
YEAR = re.compile(r"^\d{4}$")


def use_rich_words() -> None:
    """Swedish panel titles and notes in typer's rich help and error frames."""
    from typer import rich_utils

    for name, text in RICH_WORDS.items():
        setattr(rich_utils, name, text)


class SwedishArgument(RangedArgument):
    """An argument shown by its name alone: `ÅR`, `[ID]...` (typer writes `{ÅR}`, `<int>`)."""

    def display_type_rich(self, ctx: Context) -> str | None:
        return None  # the name says it

    def get_usage_pieces(self, ctx: Context) -> list[str]:
        name = self.display_name_raw
        name = name if self.required else f"[{name}]"
        return [name + ("..." if self.nargs != 1 else "")]


class SwedishOption(RangedOption):
    """An option followed by what a person writes after it (value_label), its range as 1–20."""

    def display_type_rich(self, ctx: Context) -> str | None:
        return value_label(self)

    def number_range(self) -> str | None:
        if self.min is None or self.max is None or self.name == "year":  # ÅR says enough
            return None
        return f"{self.min}–{self.max}"


def _swedish_params(params: list[Parameter]) -> list[Parameter]:
    """typer's parameters, given the Swedish classes: typer builds TyperArgument and
    TyperOption itself and takes no class for them, so each is re-classed once, here."""
    for param in params:
        if type(param) is typer.core.TyperArgument:
            param.__class__ = SwedishArgument
        elif type(param) is typer.core.TyperOption:
            param.__class__ = SwedishOption
    return params


class _SwedishHelp(Command):
    """What commands and groups share: Swedish usage line, help option and help text."""

    def __init__(self, *args: Any, **settings: Any) -> None:
        super().__init__(*args, **settings)
        self.options_metavar = OPTIONS_METAVAR
        self.help = _joined(self.help)
        self.short_help = _joined(self.short_help)
        _swedish_params(self.params)

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE_PREFIX)

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
            _swedish_params([option])
        return option

    def get_params(self, ctx: Context) -> list[Parameter]:
        return _swedish_params(super().get_params(ctx))  # typer adds its own after __init__

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        use_rich_words()
        super().format_help(ctx, formatter)


def _joined(text: str | None) -> str | None:
    return None if text is None else join_lines(inspect.cleandoc(text))


class SwedishCommand(_SwedishHelp, typer.core.TyperCommand):
    """Every command's class (SwedishTyper.command chooses it)."""


class _SwedishGroupHelp(_SwedishHelp, typer.core.TyperGroup):
    def __init__(self, *args: Any, **settings: Any) -> None:
        super().__init__(*args, **settings)
        self.subcommand_metavar = SUBCOMMAND_METAVAR


class SwedishTyper(typer.Typer):
    """A Typer whose groups and commands speak Swedish, unless a class is named."""

    def __init__(self, **settings: Any) -> None:
        settings.setdefault("cls", SwedishGroup)
        super().__init__(**settings)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", SwedishCommand)
        return super().command(*args, **kwargs)


def join_lines(text: str) -> str:
    """A docstring's paragraphs with their line breaks made spaces, so rich wraps them at
    word boundaries for the terminal's width; a paragraph starting with \\b keeps its lines."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(p if p.startswith("\b") else re.sub(r"\s*\n\s*", " ", p) for p in paragraphs)


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
        return "ett år med fyra siffror (ÅÅÅÅ)"
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


def _meant_command(name: str, commands: Sequence[str]) -> str | None:
    """The command a near-miss means, as written or without å ä ö ('maal', 'mala' -> 'mål')."""
    from uppdrag.models import make_id  # the error path only: startup stays light
    from uppdrag.read.schema_errors import suggest

    by_ascii = {make_id(command): command for command in commands}
    return suggest(name, commands) or by_ascii.get(suggest(make_id(name), by_ascii) or "")


def swedish_message(exc: UsageError, argv: Sequence[str]) -> str:
    """What went wrong on the command line, in Swedish, with what to write instead."""
    ctx = exc.ctx
    if isinstance(exc, MissingParameter) and exc.param is not None:
        help_text = (getattr(exc.param, "help", None) or "").strip()  # arguments and options have help
        message = f"{label(exc.param)} saknas" + (f" ({help_text.rstrip('.')})" if help_text else "")
        named = _id_from_name(exc, argv)
        return f"{message}; menade du `{named}`?" if named else message
    if isinstance(exc, typer.BadParameter) and exc.param is not None:
        message = _bad_value(exc)
        swapped = _swapped_year(exc, argv)
        return f"{message}; menade du `{swapped}`?" if swapped else message
    if isinstance(exc, NoSuchOption):
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
        meant = _meant_command(name, commands)
        if meant:
            return f"okänt kommando '{name}'; menade du '{meant}'?"
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


def show_usage_error(exc: UsageError, argv: Sequence[str]) -> None:
    """Typer's error frame (usage line, help hint, panel), with Swedish words in it."""
    from typer import rich_utils

    use_rich_words()
    rich_utils.rich_format_error(UsageError(swedish_message(exc, argv), exc.ctx))


class SwedishGroup(_SwedishGroupHelp):
    """A group; as the root command, its completion options and its usage errors speak Swedish."""

    def get_params(self, ctx: Context) -> list[Parameter]:
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
        except UsageError as exc:
            if not isinstance(exc, NoArgsIsHelpError):  # the help was shown already
                show_usage_error(exc, argv)
            sys.exit(exc.exit_code)
        except ClickException as exc:  # none of ours raise one; said plainly if typer does
            print(f"fel: {exc.format_message()}", file=sys.stderr)
            sys.exit(exc.exit_code)
        except typer.Abort:
            print("avbrutet", file=sys.stderr)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)
