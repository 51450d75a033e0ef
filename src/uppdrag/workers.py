"""Forked worker processes for the work that uses every core (validate, PDFs, the site).

Workers are forked, so they start with everything this process has loaded and read (models,
WeasyPrint, the shared files) and nothing needs pickling in. They die with this process: a
`timeout` or `kill` of uppdrag must not leave workers behind, blocked on a queue no one reads.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def cores_for(tasks: int) -> int:
    """How many processes are worth starting for tasks: one when there is no fork (or no
    second core or task), else as many as there are cores, at most one per task."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, tasks))


def forked_pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above could take effect
        os._exit(1)
