"""uppdrag new: starting a network's file, from the standard or from another network."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from uppdrag.cli.app import app
from uppdrag.cli.console import print_line, print_plain, stderr
from uppdrag.cli.options import MissionsOption, TodayOption, parse_today


@app.command()
def new(
    mission_id: Annotated[str, typer.Argument(metavar="ID", help="Det nya nätverkets id; å ä ö blir a a o.")],
    name: Annotated[
        Optional[str], typer.Option("--namn", metavar="NAMN", help='Nätverkets namn, t.ex. "Fritidshem".')
    ] = None,
    steering: Annotated[
        Optional[str], typer.Option("--styrdokument", metavar="ID", help="Styrdokumentets id (standard: det nyaste).")
    ] = None,
    source: Annotated[
        Optional[str],
        typer.Option("--from", metavar="ID", help="Börja från ett befintligt nätverk (årlig revidering)."),
    ] = None,
    missions: MissionsOption = Path("missions"),
    today: TodayOption = None,
) -> None:
    """Skapa en ny uppdragsfil, från standarden eller från ett befintligt nätverk.

    Utan --from: det nyaste styrdokumentet och dess bakgrund, standardrollerna och en
    mötesregel; det som ska skrivas är märkt FYLL I och validate varnar tills det är ifyllt.
    Perioden är styrdokumentets; i december, när det slutar i år, nästa år (nätverket börjar
    då). Med --from: nätverkets innehåll för nästa period, reviderad i dag, med de planerade
    möten som ligger inom den nya perioden.
    Skriver aldrig över en befintlig fil.

    Exempel: [bold]uppdrag new fritidshem --namn Fritidshem[/bold]
    """
    from uppdrag.check.validation import open_valid_workspace
    from uppdrag.edit.new_mission import create_mission
    from uppdrag.models import join_swedish
    from uppdrag.output.diagnostics import finding_line

    day = parse_today(today)
    # The shared files, and the network started from: another network's errors are no concern of a new file.
    workspace = open_valid_workspace(missions, day, [source] if source is not None else [])
    created = create_mission(workspace, mission_id, name, steering, source, day)
    if created.path.stem != mission_id:
        print_plain(f"id: {created.path.stem}", stderr)
    print_plain(f"period: {created.period}", stderr)
    if created.carried:
        count = len(created.carried)
        meetings = "1 planerat möte följer" if count == 1 else f"{count} planerade möten följer"
        print_plain(f"{meetings} med: {join_swedish([d.isoformat() for d in created.carried])}", stderr)
    for finding in sorted(created.result.findings, key=lambda f: f.sort_key()):
        print_line(finding_line(finding), stderr)  # the FYLL I placeholders still to write
    print_plain(str(created.path))
