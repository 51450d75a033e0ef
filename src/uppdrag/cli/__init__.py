"""The command line: parse arguments, call the library, print with rich, set the exit code.

Heavy modules (Jinja, WeasyPrint, even pydantic models) are imported inside the commands, so
`uppdrag --help` and `uppdrag validate` pay only for what they use.
"""

from uppdrag.cli import documents, importing, meetings, networks, validate  # noqa: F401  (registers the commands)
from uppdrag.cli.app import app, main

__all__ = ["app", "main"]
