"""Options that several commands share, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


MissionsOption = Annotated[
    Path,
    typer.Option("--missions", "-m", metavar="MAPP", help="Mappen med uppdragsfilerna.", show_default=True),
]
TemplatesOption = Annotated[
    Optional[Path], typer.Option("--templates", help="Egen mallmapp som söks först.", file_okay=False)
]
TodayOption = Annotated[
    Optional[str],
    typer.Option("--today", metavar="ÅÅÅÅ-MM-DD", help="Räkna som om det vore detta datum (standard: i dag)."),
]
