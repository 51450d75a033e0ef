"""uppdrag import: an existing Word file, PDF or text as a mission file."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import print_changes, print_plain, stderr, stdout
from uppdrag.cli.options import FORMAT, MissionsOption, TodayOption, output_path, parse_today
from uppdrag.errors import UsageError

if TYPE_CHECKING:
    from uppdrag.views.changes import MissionChanges


def show_changes(found: MissionChanges, output_format: str) -> None:
    """A diff in `uppdrag diff`'s formats: text, md (for a person) or json (for programs)."""
    from uppdrag.output.reporters import REPORTER_BY_NAME

    if output_format == "text":
        print_changes(found)
    else:
        emit(REPORTER_BY_NAME[output_format].changes(found), None)  # stdout


class ImportFormat(str, Enum):
    """`import --format`, in the names and order of options.FORMAT_NAMES."""

    text = "text"
    json = "json"
    md = "md"


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
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FIL",
            help="Fil att skriva i stället för missions/<id>.yaml; '-': stdout.",
        ),
    ] = None,
    output_format: Annotated[ImportFormat, FORMAT] = ImportFormat.text,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Visa vad dokumentet ändrar mot den befintliga filen, med förslag och kommentarer; skriver inget.",
        ),
    ] = False,
    reject_proposals: Annotated[
        bool,
        typer.Option(
            "--avvisa-förslag",
            help="Läs Word-filen med alla spårade ändringar avvisade (standard: godkända).",
        ),
    ] = False,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Läs en befintlig uppdragsbeskrivning (Word, PDF, text) och gör en uppdragsfil av den.

    Filen kontrolleras som med validate innan den skrivs, och en befintlig fil skrivs aldrig
    över utan --force; med --force skrivs bara det som dokumentet ändrar, och resten av filen
    (kommentarer, ordning, radbrytning) står kvar. Det som saknas märks FYLL I och det som
    importen valt mellan läsningar märks # KONTROLLERA. Rapporten visar varje fält med värde
    och var i dokumentet det stod. Med -o - skrivs filen till stdout i stället.

    --diff visar varje ändring mot den befintliga filen, och spårade ändringar (förslag) och
    kommentarer i en Word-fil för sig, med författare och datum.

    Exempel: [bold]uppdrag import Fritidshem.docx --id fritidshem[/bold] eller
    [bold]uppdrag import Förskola-granskad.docx --id forskola --diff --format md[/bold]
    """
    from uppdrag.edit.importer import import_document, refuse_existing_output, write_mission
    from uppdrag.edit.importer.docx_reader import proposals_rejected
    from uppdrag.output.import_report import report_data, report_text
    from uppdrag.output.reporters import REPORTER_BY_NAME

    day = parse_today(today)
    if diff:
        from uppdrag.edit.importer.review import review_changes

        found, result = review_changes(document, missions, day, mission_id, reject_proposals)
        show_changes(found, output_format.value)
        for note in result.file_notes:  # "Word-filen har 2 förslag …": how the file was read
            print_plain(f"obs: {note}", stderr)
        return
    if output_format.value == "md":
        raise UsageError("--format md gäller bara --diff; rapporten finns som text och json")
    to_stdout = output == "-"
    target = output_path(output)
    if target is not None:  # before the document is read: a refusal costs nothing
        refuse_existing_output(target, force)
    with proposals_rejected(reject_proposals):
        result = import_document(document, missions, day, mission_id)
        from uppdrag.edit.importer.review import unkept_shared_edits

        result.imported.notes += unkept_shared_edits(result, missions)
    written = None if to_stdout else write_mission(result, force, day, target)
    if written is not None and written != result.target:
        result = result.placed_at(written)  # the warnings point into the file written
    if to_stdout:
        emit(result.text, None)
    if output_format.value != "text":  # on stdout, unless stdout already carries the YAML
        data = report_data(result.report(), str(written) if written else None)
        report = REPORTER_BY_NAME[output_format.value].imported(data, result.warnings)
        print_plain(report.removesuffix("\n"), stderr if to_stdout else stdout)
        return
    print_plain("\n".join(report_text(result.report())), stderr)
    if written is not None:
        print_plain(str(written))
