"""One network's document (a PDF, a Word file) made within a time and a memory limit, and the
Swedish error that names the network and the limit it went over."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from uppdrag.errors import UppdragError
from uppdrag.workers import TimeLimitExceeded, WorkerDied, limited, run_bounded

Made = TypeVar("Made")


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document as its limits' messages name it."""

    the: str  # "PDF:en"
    one: str  # "en PDF"
    why: str  # what makes one too large: "mallarna, t.ex. pdf.css, eller filen ger för många sidor"
    error: type[UppdragError]


def bounded_document(
    make: Callable[[], Made],
    kind: DocumentKind,
    network: str,
    seconds: float,
    memory: int,
    in_worker: bool = False,
    stop: threading.Event | None = None,
) -> Made:
    """make() within seconds and memory: in a process of its own, or (in_worker) in this one, a
    forked pool's worker that nothing else needs if it has to die. Beyond a limit it is a
    kind.error that names the network and the limit."""
    try:
        if not in_worker:
            return run_bounded(make, seconds, memory, stop)
        with limited(seconds, memory):
            return make()
    except TimeLimitExceeded:
        raise kind.error(
            f"{kind.the} för {network} blev inte klar inom {seconds:g} sekunder (gränsen för {kind.one}); {kind.why}"
        ) from None
    except MemoryError:
        raise kind.error(
            f"{kind.the} för {network} behövde mer än {_amount(memory)} minne (gränsen för {kind.one}); {kind.why}"
        ) from None
    except WorkerDied:  # killed by the system: out of memory, or stuck past its CPU time
        raise kind.error(
            f"{kind.the} för {network} avbröts innan den blev klar; den gick troligen över gränsen på "
            f"{seconds:g} sekunder eller {_amount(memory)} minne"
        ) from None


def _amount(size: int) -> str:
    return f"{size / 2**30:g} GB" if size >= 2**30 else f"{size / 2**20:g} MB"
