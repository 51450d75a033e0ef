"""uppdrag import: an existing Word file, PDF or text as a mission file."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from uppdrag.cli.app import app, parse_today, print_line, stderr, stdout
from uppdrag.cli.options import MissionsOption, TodayOption


class ImportFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("import")
def import_document(
    document: Annotated[
        Path, typer.Argument(metavar="FIL", help="Dokumentet: .docx, .pdf (med text), .txt eller .md.")
    ],
    mission_id: Annotated[
        Optional[str], typer.Option("--id", help="Nätverkets id (standard: namnet i rubriken, som new gör det).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig uppdragsfil.")] = False,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", metavar="FIL|-", help="Skriv hit i stället; - skriver ut YAML.")
    ] = None,
    output_format: Annotated[
        ImportFormat, typer.Option("--format", "-f", help="Rapportens format.")
    ] = ImportFormat.text,
    diff: Annotated[
        bool, typer.Option("--diff", help="Visa vad dokumentet ändrar mot den befintliga filen; skriver inget.")
    ] = False,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Läs en befintlig uppdragsbeskrivning (Word, PDF, text) och gör en uppdragsfil av den.

    Filen kontrolleras som med validate innan den skrivs, och en befintlig fil skrivs aldrig
    över utan --force. Det som saknas märks FYLL I och det som importen valt mellan läsningar
    märks # KONTROLLERA. Rapporten visar varje fält med värde och var i dokumentet det stod.

    Exempel: [bold]uppdrag import Fritidshem.docx --id fritidshem[/bold]
    """
    from uppdrag.edit.importer import changes_from_current, import_document, write_mission
    from uppdrag.views.changes import text_lines

    result = import_document(document, missions, parse_today(today), mission_id)
    if diff:
        title, changes = changes_from_current(result)
        stdout.print(Text(title, style="bold"))
        for line in text_lines(changes) if changes else [[("Inga ändringar.", None)]]:
            print_line(line)
        for note in result.file_notes:  # "Word-filen har 1 kommentar": read them in Word
            stderr.print(f"obs: {note}", markup=False)
        return
    if output == "-":
        sys.stdout.write(result.text)
        sys.stdout.flush()
    else:
        written = write_mission(result, force, Path(output) if output else None)
    report = result.report_json(None if output == "-" else written) if output_format is ImportFormat.json else None
    if report is not None:  # the JSON report on stdout, unless stdout already carries the YAML
        (stderr if output == "-" else stdout).print(report, markup=False, soft_wrap=True)
        return
    for line in result.report_lines():
        stderr.print(line, markup=False)
    if output != "-":
        stdout.print(str(written), markup=False)
