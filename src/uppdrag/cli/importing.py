"""uppdrag import: an existing Word file, PDF or text as a mission file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import print_changes, print_plain, stderr, stdout
from uppdrag.cli.options import FORMAT, MissionsOption, OutputOption, TodayOption, output_path, parse_today


class ImportFormat(str, Enum):
    """`import --format`, in the names and order of options.FORMAT_NAMES."""

    text = "text"
    json = "json"


@app.command("import")
def import_document(
    document: Annotated[
        Path, typer.Argument(metavar="FIL", help="Dokumentet: .docx, .pdf (med text), .txt eller .md.")
    ],
    mission_id: Annotated[
        Optional[str],
        typer.Option("--id", metavar="ID", help="Nätverkets id (standard: namnet i rubriken, som new gör det)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över en befintlig uppdragsfil.")] = False,
    output: OutputOption = None,
    output_format: Annotated[ImportFormat, FORMAT] = ImportFormat.text,
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
    Med -o - skrivs filen till stdout i stället.

    Exempel: [bold]uppdrag import Fritidshem.docx --id fritidshem[/bold]
    """
    from uppdrag.edit.importer import changes_from_current, import_document, write_mission
    from uppdrag.output.import_report import report_json, report_text

    day = parse_today(today)
    result = import_document(document, missions, day, mission_id)
    if diff:
        print_changes(changes_from_current(result))
        for note in result.file_notes:  # "Word-filen har 1 kommentar": read them in Word
            print_plain(f"obs: {note}", stderr)
        return
    to_stdout = output == "-"
    target = output_path(output)
    written = None if to_stdout else write_mission(result, force, day, target)
    if written is not None and written != result.target:
        result = result.placed_at(written)  # the warnings point into the file written
    if to_stdout:
        emit(result.text, None)
    if output_format.value == "json":  # on stdout, unless stdout already carries the YAML
        print_plain(report_json(result.report(), str(written) if written else None), stderr if to_stdout else stdout)
        return
    print_plain("\n".join(report_text(result.report())), stderr)
    if written is not None:
        print_plain(str(written))
