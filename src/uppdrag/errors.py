"""One hierarchy for failures outside the data: each carries its Swedish message and exit code.

A user's mistake inside a file is a Finding, collected with the others; these exceptions are
for what stops a command (a path that does not exist, a broken template, a missing library).
The CLI catches UppdragError alone, prints its message and exits with its code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from uppdrag.findings import CheckResult

EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 3  # 0: all is well


class UppdragError(Exception):
    """A failure the user can act on; the message is Swedish and says what to do."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in a worker process, it must arrive whole: message and exit code.
        return (self.__class__, (self.message, self.exit_code))


class UsageError(UppdragError):
    """The user asked for something that cannot be done (a path that does not exist, an unknown id)."""


class OutputError(UppdragError):
    """An output cannot be written where the user asked (a missing folder, an input of the tool)."""


class TemplateError(UppdragError):
    """A template is missing, broken, refers to something that does not exist, or was blocked."""

    exit_code = EXIT_FINDINGS


class PdfError(UppdragError):
    """WeasyPrint could not make the PDF (a missing library, an unreadable font)."""


class WordError(UppdragError):
    """A Word file that could not be made within its limits."""


class HistoryError(UppdragError):
    """Not a git repository, an unknown revision, or a file the revision does not have."""


class PlanningError(UppdragError):
    """No plan can be made (no rule and no count, or too few free days)."""

    exit_code = EXIT_FINDINGS


class CalendarError(UppdragError):
    """A year outside what the calendar knows (the holidays package's years for Sweden)."""


class NewMissionError(UsageError):
    """The new file cannot be made (a taken id, an unknown steering document)."""


class ImportDocumentError(UppdragError):
    """A document cannot be imported (missing, empty, broken, scanned, not an uppdragsbeskrivning)."""


class FindingsError(UppdragError):
    """A command cannot go on because files have findings; they are shown before the message.

    With `summarise` the message follows the result's summary line
    and only the errors are shown (the warnings did not stop the command).
    """

    exit_code = EXIT_FINDINGS

    def __init__(self, message: str, result: CheckResult, summarise: bool = False):
        super().__init__(message)
        self.result = result
        self.summarise = summarise

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, (self.message, self.result, self.summarise))


class UnwrittenChangeError(FindingsError):
    """A generated or changed file would not validate, so it was not written: a bug, exit 3.
    Its result is what validate would have said of the new text."""

    exit_code = EXIT_INTERNAL
