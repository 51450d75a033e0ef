"""uppdrag validate and uppdrag schema: the checks, and the schema editors use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.cli.app import (
    EXIT_FINDINGS,
    app,
    emit,
    fail,
    parse_today,
    print_line,
    stdout,
)
from uppdrag.cli.options import Format, TodayOption


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Mappar och filer att kontrollera (standard: missions).", show_default=False),
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Utdataformat.")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Varningar ger också slutkod 1.")] = False,
    today: TodayOption = None,
) -> None:
    """Kontrollera uppdragsfilerna mot schemat och mot varandra.

    Varje fynd pekar ut fil, rad och kolumn. Slutkod 0 om inga fel finns
    (varningar tillåts utom med --strict), annars 1.

    Exempel: [bold]uppdrag validate missions/[/bold]
    """
    from uppdrag.check.validation import validate_paths
    from uppdrag.output.diagnostics import text_lines, to_github, to_json
    from uppdrag.read.loading import UsageError

    try:
        result = validate_paths(paths or [Path("missions")], parse_today(today))
    except UsageError as exc:
        fail(str(exc))
    if not result.files:
        fail(f"inga YAML-filer att kontrollera i {', '.join(str(p) for p in paths or ['missions'])}")
    if output_format is Format.json:
        stdout.print(to_json(result), markup=False)
    elif output_format is Format.github:
        stdout.print(to_github(result), markup=False)
    else:
        for line in text_lines(result):
            print_line(line)
    if result.errors or (strict and result.warnings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def schema(
    shared: Annotated[bool, typer.Option("--shared", help="Schemat för de delade _-filerna.")] = False,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Fil att skriva; standard och '-': stdout.")] = None,
) -> None:
    """Skriv JSON Schema för uppdragsfilerna, för redigerare med YAML-stöd.

    Med schemat kontrollerar och kompletterar redigeraren medan man skriver. Uppdragsfilerna
    pekar på det med en första rad som
    [bold]# yaml-language-server: $schema=../schemas/uppdrag.schema.json[/bold]

    Exempel: [bold]uppdrag schema -o schemas/uppdrag.schema.json[/bold]
    """
    from uppdrag.schema import schema_text

    text = schema_text("shared" if shared else "mission")
    emit(text, output)
