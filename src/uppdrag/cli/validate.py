"""uppdrag validate and uppdrag schema: the checks, and the schema editors use."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import print_line
from uppdrag.cli.options import FORMAT, MissionsOption, OutputOption, TodayOption, output_path, parse_today
from uppdrag.errors import EXIT_FINDINGS


class ValidateFormat(str, Enum):
    """`validate --format`, in the names and order of options.FORMAT_NAMES."""

    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(
            metavar="SÖKVÄG", help="Mappar och filer att kontrollera (standard: mappen i -m).", show_default=False
        ),
    ] = None,
    output_format: Annotated[ValidateFormat, FORMAT] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Varningar ger också slutkod 1.")] = False,
    today: TodayOption = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Kontrollera uppdragsfilerna mot schemat och mot varandra.

    Varje fynd pekar ut fil, rad och kolumn. Slutkod 0 om inga fel finns
    (varningar tillåts utom med --strict), annars 1.

    Exempel: [bold]uppdrag validate missions/[/bold]
    """
    from uppdrag.check.validation import validate_paths
    from uppdrag.output.diagnostics import text_lines
    from uppdrag.output.reporters import REPORTER_BY_NAME

    result = validate_paths(paths, parse_today(today), missions)
    if output_format.value == "text":
        for line in text_lines(result):
            print_line(line)
    else:
        emit(REPORTER_BY_NAME[output_format.value].findings(result), None)  # as written
    if result.errors or (strict and result.warnings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def schema(
    shared: Annotated[bool, typer.Option("--shared", help="Schemat för de delade _-filerna.")] = False,
    output: OutputOption = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Skriv JSON Schema för uppdragsfilerna, för redigerare med YAML-stöd.

    Med schemat kontrollerar och kompletterar redigeraren medan man skriver. Uppdragsfilerna
    pekar på det med en första rad som
    [bold]# yaml-language-server: $schema=../schemas/uppdrag.schema.json[/bold]
    Kommunerna i schemat är organisationens, från missions/_organisation.yaml
    (utan den filen: Skaraborgs). Skriv om schemat när organisationen ändras.

    Exempel: [bold]uppdrag schema -o schemas/uppdrag.schema.json[/bold]
    """
    from uppdrag.read.organisation import workspace_organisation
    from uppdrag.schema import schema_text

    organisation = workspace_organisation(missions)
    emit(schema_text("shared" if shared else "mission", organisation), output_path(output))  # never over a .yaml
