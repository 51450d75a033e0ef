"""Forked worker processes for the work that uses every core (validate, PDFs, the site).

Workers are forked, so they start with everything this process has loaded and read (models,
WeasyPrint, the shared files) and nothing needs pickling in. They die with this process: a
`timeout` or `kill` of uppdrag must not leave workers behind, blocked on a queue no one reads.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def forked_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of forked workers. Only this process hears Ctrl-C: a worker interrupted while
    sending a result would leave the pool waiting forever. On the way out, tasks not yet
    started are dropped and the running ones finish, so Ctrl-C ends within one task."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_work_for,
        initargs=(os.getpid(),),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _work_for(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):  # die with the parent, however it ends
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above could take effect
        os._exit(1)
