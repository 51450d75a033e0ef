"""uppdrag render, site and diff: the documents people read."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from uppdrag.cli.app import (
    EXIT_FINDINGS,
    _open_workspace,
    _renderer,
    _select,
    app,
    emit,
    fail,
    parse_today,
    print_line,
    stderr,
    stdout,
)
from uppdrag.cli.options import MissionsOption, TemplatesOption, TodayOption


class PdfVariant(str, Enum):
    ua1 = "pdf/ua-1"
    a3b = "pdf/a-3b"
    a2b = "pdf/a-2b"
    a3u = "pdf/a-3u"


@app.command()
def render(
    ids: Annotated[
        Optional[list[str]], typer.Argument(help="Nätverkens id, t.ex. forskola.", show_default=False)
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Alla nätverk.")] = False,
    md: Annotated[bool, typer.Option("--md", help="Markdown (standard).")] = False,
    html: Annotated[bool, typer.Option("--html", help="En fristående HTML-sida.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="PDF (tillgänglig, PDF/UA-1).")] = False,
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", help="Fil (ett id) eller mapp (flera id, --all); '-' skriver till stdout."),
    ] = None,
    templates: TemplatesOption = None,
    pdf_variant: Annotated[
        PdfVariant, typer.Option("--pdf-variant", help="PDF/UA för publicering, PDF/A för arkiv.")
    ] = PdfVariant.ua1,
    strict: Annotated[
        bool, typer.Option("--strict", help="Vägra göra utkast: dokument med FYLL I kvar eller med varningar.")
    ] = False,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Gör en uppdragsbeskrivning som Markdown, HTML eller PDF.

    Utan -o hamnar filerna i build/: [bold]uppdrag render forskola --pdf[/bold] skriver
    build/forskola.pdf. Mallarna söks i --templates, sedan i arbetsytans templates/,
    sist i de inbyggda. Ett dokument med FYLL I kvar eller med varningar blir ett utkast:
    HTML och PDF märks UTKAST, och med --strict görs det inte alls.

    Exempel: [bold]uppdrag render --all --pdf[/bold]
    """
    from uppdrag.check.validation import draft_warnings
    from uppdrag.errors import TemplateError as RenderError
    from uppdrag.files import inside
    from uppdrag.output.diagnostics import draft_notice, finding_line
    from uppdrag.output.templates import render_output
    from uppdrag.views.document import build_document

    chosen_formats = [name for name, on in (("md", md), ("html", html), ("pdf", pdf)) if on]
    if len(chosen_formats) > 1:
        fail("välj ett format: --md, --html eller --pdf")
    fmt = chosen_formats[0] if chosen_formats else "md"
    day = parse_today(today)
    workspace = _open_workspace(missions, day)
    chosen = _select(workspace, ids, all_)
    if output == "-" and (fmt == "pdf" or len(chosen) > 1):
        fail("-o - skriver ett dokument i Markdown eller HTML till stdout")
    warnings = draft_warnings(workspace, day)
    drafts = {m.mission.id: warnings[m.mission.id] for m in chosen if warnings[m.mission.id]}
    if drafts:
        for finding in (f for found in drafts.values() for f in found):
            print_line(finding_line(finding), stderr)
        if strict:
            fail(draft_notice(drafts, strict=True), EXIT_FINDINGS)
        print_line([("varning:", "warning"), (" " + draft_notice(drafts, strict=False), None)], stderr)
    if output not in (None, "-") and len(chosen) == 1 and not Path(output).is_dir():
        targets = [Path(output)]
    else:
        folder = Path(output) if output not in (None, "-") else Path("build")
        targets = [inside(folder, f"{m.mission.id}.{fmt}") for m in chosen]
    renderer = _renderer(templates, missions)

    def produce(loaded, target: Path) -> None:
        try:
            document = build_document(loaded, workspace, draft=loaded.mission.id in drafts)
            data = render_output(renderer, document, fmt, pdf_variant.value)
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
        emit(data, None if output == "-" else target)

    pairs = list(zip(chosen, targets))
    if len(pairs) > 1 and stderr.is_terminal:
        from rich.progress import track

        for loaded, target in track(pairs, description="Skapar dokument", console=stderr, transient=True):
            produce(loaded, target)
    else:
        for loaded, target in pairs:
            produce(loaded, target)


@app.command()
def site(
    output: Annotated[Path, typer.Option("--output", "-o", help="Mappen som webbplatsen skrivs till.")] = Path("site"),
    year: Annotated[
        Optional[int], typer.Option("--year", help="Året för mötesöversikten (standard: i år).", min=1900, max=2200)
    ] = None,
    templates: TemplatesOption = None,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Bygg en statisk webbplats: alla nätverk, varje nätverks sida och PDF, mål och möten.

    Bara relativa länkar, så mappen fungerar från en fil:// -adress och från vilken
    webbserver som helst. Ladda upp mappen som den är.

    Exempel: [bold]uppdrag site -o site/[/bold]
    """
    from uppdrag.errors import TemplateError as RenderError
    from uppdrag.output.site import build_site

    today = dt.date.today()
    workspace = _open_workspace(missions, today)
    renderer = _renderer(templates, missions)
    try:
        if stderr.is_terminal:
            with stderr.status("Bygger webbplatsen …") as status:
                written = build_site(
                    workspace, renderer, output, year or today.year, today, lambda n: status.update(f"Bygger {n} …")
                )
        else:
            written = build_site(workspace, renderer, output, year or today.year, today)
    except RenderError as exc:
        fail(str(exc), EXIT_FINDINGS)
    stdout.print(str(written[0]), markup=False)
    stderr.print(f"{len(written)} filer i {output}", markup=False)


class DiffFormat(str, Enum):
    text = "text"
    md = "md"


@app.command()
def diff(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")],
    revision: Annotated[
        Optional[str],
        typer.Argument(metavar="REV", help="Git-revision (standard: senaste incheckningen som ändrade filen)."),
    ] = None,
    old_file: Annotated[
        Optional[Path], typer.Option("--file", help="Jämför med denna fil i stället för en revision.", dir_okay=False)
    ] = None,
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Utdataformat.")] = DiffFormat.text,
    missions: MissionsOption = Path("missions"),
) -> None:
    """Visa vad som ändrats i en uppdragsbeskrivning, på svenska, för den årliga revideringen.

    Jämför innehållet, inte raderna: uppdrag tillagda, borttagna eller omformulerade (ord för
    ord), mål, roller, ansvar, personer, mötesregel, period och revideringsdatum. Ändrad
    ordning på nycklar eller ny formatering är ingen ändring.

    Exempel: [bold]uppdrag diff forskola HEAD~1[/bold] eller [bold]uppdrag diff forskola --file gammal.yaml[/bold]
    """
    from uppdrag.history import HistoryError, file_at, last_revision
    from uppdrag.models import Mission
    from uppdrag.output.diagnostics import finding_line
    from uppdrag.read.loading import parse_model
    from uppdrag.views.changes import compare, text_lines, to_markdown

    workspace = _open_workspace(missions, dt.date.today())
    [loaded] = _select(workspace, [mission_id], all_=False)
    if old_file is not None and revision is not None:
        fail("ange antingen REV eller --file, inte båda")
    try:
        if old_file is not None:
            if not old_file.is_file():
                fail(f"filen '{old_file}' finns inte")
            old_text, old_name = old_file.read_text(encoding="utf-8-sig"), str(old_file)
        else:
            revision = revision or last_revision(loaded.source.path)
            old_text, old_name = file_at(loaded.source.path, revision), f"{loaded.source.display}@{revision[:12]}"
    except HistoryError as exc:
        fail(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"kan inte läsa '{old_file}': {exc}")
    old, _, findings = parse_model(old_text, Path(old_name), Mission)
    if old is None:
        for finding in findings:
            print_line(finding_line(finding), stderr)
        fail(f"den gamla versionen ({old_name}) är inte en giltig uppdragsbeskrivning", EXIT_FINDINGS)
    steering = workspace.steering_documents[loaded.mission.steering_document]  # validated above

    def label(goal_id: str) -> str:
        goal = steering.goal(goal_id)  # an old version may name a goal the document no longer has
        return steering.goal_title(goal) if goal else f"mål {goal_id}"

    changes = compare(old, loaded.mission, label)
    title = f"Ändringar i {loaded.mission.name} sedan {old_name}"
    if output_format is DiffFormat.md:
        sys.stdout.write(to_markdown(changes, title))
        return
    stdout.print(Text(title, style="bold"))
    if not changes:
        stdout.print("Inga ändringar.")
        return
    stdout.print()
    for line in text_lines(changes):
        print_line(line)
