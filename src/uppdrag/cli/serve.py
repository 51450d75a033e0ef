"""uppdrag serve: the site as a live preview while the files are edited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from uppdrag.cli.app import app
from uppdrag.cli.console import print_plain, stderr
from uppdrag.cli.options import MissionsOption, TemplatesOption


@app.command()
def serve(
    missions: MissionsOption = Path("missions"),
    port: Annotated[int, typer.Option("--port", help="Porten (0: en ledig port).", min=0, max=65535)] = 8000,
    host: Annotated[str, typer.Option("--host", help="Adressen; 127.0.0.1 syns bara på den här datorn.")] = "127.0.0.1",
    templates: TemplatesOption = None,
) -> None:
    """Förhandsvisa webbplatsen medan du redigerar: sidorna byggs från filerna och laddas om när du sparar.

    Samma sidor, mallar och år som [bold]uppdrag site[/bold] utan --year (i december och, när
    årets sista möte har hållits, från oktober: nästa år), och varje nätverks PDF. En fil med
    fel visar sina fel på sidan i stället för dokumentet. Länkar i mapparna bevakas inte.
    Avsluta med Ctrl-C.

    Exempel: [bold]uppdrag serve[/bold], öppna sedan http://127.0.0.1:8000/forskola.html
    """
    from uppdrag.serve.preview import open_preview
    from uppdrag.serve.server import PreviewServer

    preview = open_preview(missions, templates, dt.date.today)
    with PreviewServer(preview, host, port, lambda message: print_plain(message, stderr)) as server:
        print_plain(server.url)
        print_plain(f"Förhandsvisar {missions} på {server.url}; avsluta med Ctrl-C", stderr)
        if not server.local_only:
            print_plain(f"obs: på {host} kan andra datorer i nätverket se förhandsvisningen", stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print_plain("Förhandsvisningen är stoppad.", stderr)
