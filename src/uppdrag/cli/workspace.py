"""uppdrag init: a new workspace for an organisation, ready for its first network."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from uppdrag.cli.app import app
from uppdrag.cli.console import print_plain


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(metavar="MAPP", help="Mappen för arbetsytan (standard: den här mappen).")
    ] = Path("."),
    without_git: Annotated[
        bool, typer.Option("--utan-git", help="Skapa inget git-förråd (annars: git init om mappen inte är i ett).")
    ] = False,
) -> None:
    """Skapa en ny arbetsyta: missions/ med de delade filerna, scheman, CI och git.

    missions/_organisation.yaml (namn och kommuner), _styrdokument.yaml och _bakgrund.yaml
    börjar med Utbildning Skaraborgs värden och texter, med kommentarer om vad ni ändrar;
    _lov.yaml har standardloven med källor. Dessutom schemas/ för redigeraren,
    .pre-commit-config.yaml, ett CI-exempel, .gitignore och en README med nästa steg.
    Arbetsytan klarar uppdrag validate direkt. En mapp som redan har missions/ lämnas orörd
    (slutkod 2); en fil som redan finns skrivs aldrig över.

    Exempel: [bold]uppdrag init fyrbodal[/bold]
    """
    from uppdrag.edit.init_workspace import create_workspace

    created = create_workspace(folder, git=not without_git)
    print_plain(f"Ny arbetsyta i {created.folder}:")
    for relative in created.made:
        print_plain(f"  {created.folder / relative}")
    for relative in created.kept:
        print_plain(f"  {created.folder / relative} (fanns redan, orörd)")
    print_plain(created.git)
    go = "" if created.folder == Path(".") else f"cd {created.folder} && "
    print_plain(
        f"Nästa steg: skriv er organisation i missions/_organisation.yaml, sedan "
        f'`{go}uppdrag new forskola --namn "Förskola"`; README.md beskriver resten.'
    )
