"""uppdrag render, site and diff: the documents people read."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from uppdrag.cli.app import app, emit
from uppdrag.cli.console import print_drafts, print_error, print_plain, progress, progress_bar, stderr
from uppdrag.cli.options import FORMAT, MissionsOption, TemplatesOption, TodayOption, parse_today
from uppdrag.errors import FindingsError, PdfError, UsageError, WordError
from uppdrag.findings import CheckResult

if TYPE_CHECKING:  # the commands import their modules when they run
    from uppdrag.output.documents import DocumentFormat


class PdfVariant(str, Enum):
    ua1 = "pdf/ua-1"
    a3b = "pdf/a-3b"
    a2b = "pdf/a-2b"
    a3u = "pdf/a-3u"


def _document_format(md: bool, html: bool, pdf: bool, docx: bool, output: str | None) -> DocumentFormat:
    from uppdrag.output.documents import document_format

    options: tuple[tuple[DocumentFormat, bool], ...] = (("md", md), ("html", html), ("pdf", pdf), ("docx", docx))
    chosen = [name for name, on in options if on]
    if len(chosen) > 1:
        raise UsageError("välj ett format: --md, --html, --pdf eller --docx")
    return document_format(chosen[0] if chosen else None, output)


@app.command()
def render(
    ids: Annotated[
        Optional[list[str]], typer.Argument(metavar="ID", help="Nätverkens id, t.ex. forskola.", show_default=False)
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Alla nätverk.")] = False,
    md: Annotated[bool, typer.Option("--md", help="Markdown (standard).")] = False,
    html: Annotated[bool, typer.Option("--html", help="En fristående HTML-sida.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="PDF (tillgänglig, PDF/UA-1).")] = False,
    docx: Annotated[bool, typer.Option("--docx", help="Word (.docx) med formatmallar från referens.docx.")] = False,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FIL|MAPP",
            help="Fil (ett id) eller mapp (flera id, --all); '-' skriver till stdout.",
        ),
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
    """Gör en uppdragsbeskrivning som Markdown, HTML, PDF eller Word.

    Utan -o hamnar filerna i build/: [bold]uppdrag render forskola --pdf[/bold] skriver
    build/forskola.pdf. Mallarna söks i --templates, sedan i arbetsytans templates/,
    sist i de inbyggda. Ett dokument med FYLL I kvar eller med varningar blir ett utkast:
    HTML, PDF och Word märks UTKAST, och med --strict görs det inte alls.

    Exempel: [bold]uppdrag render --all --pdf[/bold]
    """
    from uppdrag.check.validation import draft_warnings, open_networks, raise_if_skipped
    from uppdrag.files import refuse_links_out
    from uppdrag.output.diagnostics import draft_notice
    from uppdrag.output.documents import output_targets, render_documents
    from uppdrag.output.templates import renderer_for, workspace_inputs

    fmt, day = _document_format(md, html, pdf, docx, output), parse_today(today)
    workspace, result = open_networks(missions, day, ids or None)  # --all: broken files named at the end
    chosen = workspace.select(ids, all_)
    targets = output_targets([m.mission.id for m in chosen], fmt, output)
    to_folder = len(targets) > 1 or (output is None) or targets[0] != Path(output)
    own_parts = 2 if output is None else 1  # build/ and the file's name, or the name in -o MAPP
    for target in targets:  # before the slow work: a linked build/ out of the workspace is refused now
        if to_folder and target is not None:
            refuse_links_out(target, missions.parent, own_parts)
    warnings = draft_warnings(workspace, day)
    drafts = {m.mission.id: warnings[m.mission.id] for m in chosen if warnings[m.mission.id]}
    if drafts and strict:  # the errors of files left out are shown too: nothing is made
        refused = [f for found in drafts.values() for f in found] + [f for f in result.findings if f.is_error]
        raise FindingsError(draft_notice(drafts, strict=True), CheckResult([], refused))
    if drafts:
        print_drafts(drafts)
    renderer = renderer_for(templates, missions)
    documents = render_documents(renderer, workspace, chosen, fmt, pdf_variant.value, drafts)
    inputs = workspace_inputs(workspace, renderer)
    workspace_root = missions.parent if to_folder else None  # checked again as each file is written
    failed: list[PdfError | WordError] = []  # a document beyond its limits: the others are still written
    for target, data in progress(zip(targets, documents), len(chosen), "Skapar dokument"):
        if isinstance(data, (PdfError, WordError)):
            failed.append(data)
        else:
            emit(data, target, inputs, make_folder=to_folder, links_within=workspace_root, own_parts=own_parts)
    if failed:
        for earlier in failed[:-1]:
            print_error(earlier.message)
        raise failed[-1]
    raise_if_skipped(workspace, result)


@app.command()
def site(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="MAPP", help="Mappen som webbplatsen skrivs till.", show_default="site"),
    ] = None,
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year",
            metavar="ÅR",
            help="Året för mötena och kalendern (standard: i år; nästa år i december, och från oktober när årets sista möte har hållits).",
            min=1900,
            max=2200,
        ),
    ] = None,
    templates: TemplatesOption = None,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Bygg en statisk webbplats: alla nätverk, varje nätverks sida, PDF och kalenderfil (.ics),
    mål och årets möten som kalender.

    Bara relativa länkar, så mappen fungerar från en fil:// -adress och från vilken
    webbserver som helst. Ladda upp mappen som den är. uppdrag skriver bara i en ny eller
    tom mapp, eller i en som den själv har byggt: där byts dess egna filer ut och sidor för
    nätverk som inte längre finns tas bort, om de är som uppdrag skrev dem; andra filer
    lämnas orörda. Aldrig i missions/, en mallmapp eller en mapp med YAML-filer.

    Exempel: [bold]uppdrag site -o site/[/bold]
    """
    from uppdrag.check.validation import open_healthy_workspace, raise_if_skipped
    from uppdrag.output.site import site_pages
    from uppdrag.output.site_folder import write_site_folder
    from uppdrag.output.templates import renderer_for
    from uppdrag.views.year_calendar import shown_year

    if str(output) == "-":
        raise UsageError("webbplatsen är en mapp med många filer; -o - (stdout) går inte, ange en mapp")
    own_parts = 1 if output is None else 0  # site/ is a name the tool chose; a link on it stays in the workspace
    output = output or Path("site")
    day = parse_today(today)
    workspace, result = open_healthy_workspace(missions, day)
    renderer = renderer_for(templates, missions)
    shown = year or shown_year([m.mission for m in workspace.missions], day)
    pages = site_pages(workspace, renderer, shown, day)
    read = [missions, missions.parent / "templates", *renderer.folders]  # the site's sources: never its folder
    with progress_bar(len(pages), "Bygger webbplatsen") as done:
        built = write_site_folder(output, pages, done, protected=read, workspace=missions.parent, own_parts=own_parts)
    for path, why in built.kept:
        print_plain(f"obs: {path} lämnades kvar: den {why}", stderr)
    print_plain(str(built.written[0]))
    print_plain(f"{len(built.written)} filer i {output}", stderr)
    raise_if_skipped(workspace, result)


class DiffFormat(str, Enum):
    """`diff --format`, in the names and order of options.FORMAT_NAMES."""

    text = "text"
    json = "json"
    md = "md"


@app.command()
def diff(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Nätverkets id.")],
    revision: Annotated[
        Optional[str],
        typer.Argument(metavar="REV", help="Git-revision (standard: senaste incheckningen som ändrade filen)."),
    ] = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--sedan", metavar="ÅÅÅÅ-MM-DD", help="Jämför med filen som den var när detta datum började (via git)."
        ),
    ] = None,
    old_file: Annotated[
        Optional[Path],
        typer.Option("--file", metavar="FIL", help="Jämför med denna fil i stället för en revision.", dir_okay=False),
    ] = None,
    output_format: Annotated[DiffFormat, FORMAT] = DiffFormat.text,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Visa vad som ändrats i en uppdragsbeskrivning, på svenska, för den årliga revideringen.

    Jämför innehållet, inte raderna: uppdrag tillagda, borttagna eller omformulerade (ord för
    ord), mål, roller, ansvar, personer, mötesregel, period, revideringsdatum och varje cell i
    mötestabellen (datum, tid, plats, närvaro, minnesanteckningar). Ändrad
    ordning på nycklar eller ny formatering är ingen ändring.

    Exempel: [bold]uppdrag diff forskola --sedan 2025-01-01[/bold], [bold]uppdrag diff forskola HEAD~1[/bold]
    eller [bold]uppdrag diff forskola --file gammal.yaml[/bold]
    """
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.cli.importing import show_changes
    from uppdrag.views.changes import changes_since

    workspace = open_valid_workspace(missions, parse_today(today), [mission_id])
    [loaded] = workspace.select([mission_id])
    since_day = parse_today(since, "--sedan") if since is not None else None
    found = changes_since(workspace, loaded, revision, old_file, since_day)
    show_changes(found, output_format.value)
