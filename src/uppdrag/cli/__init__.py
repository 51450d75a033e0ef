"""The command line: parse arguments, call the library, print with rich, set the exit code.

Heavy modules (Jinja, WeasyPrint, even pydantic models) are imported inside the commands, so
`uppdrag --help` and `uppdrag validate` pay only for what they use.
"""

# Registration order is the order --help lists the commands in: the daily check first.
from uppdrag.cli import validate  # noqa: F401, I001
from uppdrag.cli import documents, importing, meetings, new, overview, report, serve  # noqa: F401
from uppdrag.cli import workspace  # noqa: F401  (init: run once, listed last)
from uppdrag.cli.app import app, main

__all__ = ["app", "main"]
