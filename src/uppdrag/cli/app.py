"""The typer app and its entry point: one place turns failures into messages and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main
from typer.models import CommandFunctionType, CommandInfo

from uppdrag import __version__
from uppdrag.cli.console import print_error, print_findings, print_plain, stderr
from uppdrag.cli.framework import Command, Context, pydantic_without_plugins
from uppdrag.cli.swedish import SwedishGroup, SwedishTyper
from uppdrag.errors import EXIT_INTERNAL, FindingsError, UppdragError


class _Commands(MutableMapping[str, Command]):
    """The commands by name, each built from its function when first looked up. Building one
    makes a pydantic adapter per parameter, which `validate` should not pay for every command."""

    def __init__(self, infos: list[CommandInfo]) -> None:
        self._entries: dict[str, CommandInfo | Command] = {
            info.name or typer.main.get_command_name(info.callback.__name__): info  # type: ignore[union-attr]  # registered by its function
            for info in infos
        }

    def built(self) -> list[str]:
        return [name for name, entry in self._entries.items() if not isinstance(entry, CommandInfo)]

    def __getitem__(self, name: str) -> Command:
        entry = self._entries[name]
        if isinstance(entry, CommandInfo):
            entry = self._entries[name] = typer.main.get_command_from_info(
                entry, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
            )
        return entry

    def __setitem__(self, name: str, command: Command) -> None:
        self._entries[name] = command

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


class _Typer(SwedishTyper):
    """A Typer whose commands are kept aside and built one at a time by _Commands."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.lazy_commands: list[CommandInfo] = []

    def command(self, *args: Any, **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        register = super().command(*args, **kwargs)

        def decorator(function: CommandFunctionType) -> CommandFunctionType:
            register(function)
            self.lazy_commands.append(self.registered_commands.pop())
            return function

        return decorator


class _Group(SwedishGroup):
    """Every command's UppdragError becomes its Swedish message and exit code, here, once."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        commands = _Commands(app.lazy_commands)
        commands.update(self.commands)  # the groups (`report`), built already, listed after the commands
        self.commands = commands

    def list_commands(self, ctx: Context) -> list[str]:
        return list(self.commands)  # the names only: a listing builds no command

    def invoke(self, ctx: Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            except OSError as exc:  # a path no one caught (a name too long, a link loop): the user's
                from uppdrag.files import is_path_error, path_error

                if not is_path_error(exc):
                    raise
                raise path_error(exc) from None
        except UppdragError as exc:
            message = exc.message
            if isinstance(exc, FindingsError):
                from uppdrag.output.diagnostics import summary

                print_findings(exc.result, errors_only=exc.summarise)
                if exc.summarise:
                    message = f"{summary(exc.result)} {message}"
            print_error(message)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:  # Ctrl-C: typer would end with 130 and say nothing
            print_plain("avbrutet", stderr)
            raise typer.Exit(130) from None


app = _Typer(
    name="uppdrag",
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _State:
    debug = False


def emit(
    data: str | bytes,
    output: str | Path | None,
    inputs: Iterable[Path] = (),
    make_folder: bool = False,
    links_within: Path | None = None,
    own_parts: int = 1,
) -> None:
    """Write to the file chosen (atomically, then name it on stdout), or to stdout (None, '-').
    inputs are the files this run read: -o never replaces one of them. links_within, own_parts:
    see files.write_output (for the names the tool chose, in build/ or -o MAPP)."""
    from uppdrag.files import write_output

    if output is None or str(output) == "-":
        if sys.stdout is None:  # closed (`>&-`): nowhere to write, as for every other line
            return
        sys.stdout.flush()  # what was printed as text goes first
        # A file name that is not UTF-8 arrives as lone surrogates: written as \udcff, which
        # JSON reads as the same character and a person can read, never as a broken byte.
        sys.stdout.buffer.write(data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data)
        sys.stdout.flush()
    else:
        write_output(output, data, inputs, make_folder, links_within, own_parts)
        print_plain(str(output))


def _version(value: bool) -> None:
    if value:
        print_plain(f"uppdrag {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen och avsluta.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Visa hela felspårningen vid interna fel.")] = False,
) -> None:
    """Uppdragsbeskrivningar för en organisations nätverk som validerad data.

    Varje kommando arbetar på mappen ./missions om inget annat anges.
    Slutkoder: 0 allt i ordning, 1 fel hittades, 2 felaktig användning, 3 internt fel.
    """
    _State.debug = debug


def main() -> None:
    """Entry point: user mistakes end with 1 or 2; anything unexpected with one line and 3."""
    pydantic_without_plugins()
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print_plain("avbrutet", stderr)
        sys.exit(130)
    except Exception as exc:  # a bug, or a failure outside the user's files
        if _State.debug or "--debug" in sys.argv:
            raise
        message = f"internt fel: {type(exc).__name__}: {exc}".splitlines()[0]
        print_plain(f"{message} (kör med --debug för detaljer)", stderr)
        sys.exit(EXIT_INTERNAL)
