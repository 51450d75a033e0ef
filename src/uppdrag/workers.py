"""Forked worker processes for the work that uses every core (validate, PDFs, the site).

Workers are forked, so they start with everything this process has loaded and read (models,
WeasyPrint, the shared files) and nothing needs pickling in. They die with this process: a
`timeout` or `kill` of uppdrag must not leave workers behind, blocked on a queue no one reads.
"""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, BinaryIO, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # linux/prctl.h
Item = TypeVar("Item")
Result = TypeVar("Result")
Job = TypeVar("Job")
_job: object = None  # in a pool's worker only: what forked_pool(job=...) handed it at the fork


def cores_for(tasks: int) -> int:
    """How many processes are worth starting for tasks: one when there is no fork (or no
    second core or task), else as many as there are cores, at most one per task."""
    if not hasattr(os, "fork"):
        return 1
    return max(1, min(os.cpu_count() or 1, tasks))


def forked_map(function: Callable[[Item], Result], items: Sequence[Item], processes: int) -> list[Result]:
    """[function(item) for item in items] on this process and processes - 1 forked ones,
    each taking an equal share at once. For many small tasks of even size (validate's
    files): a pool's start-up and its traffic per task would cost more than they spread.
    A child sends its share's results back once, pickled, through a pipe; an exception in
    it is raised here. Ctrl-C here ends the children at once."""
    size, extra = divmod(len(items), processes)
    bounds = [index * size + min(index, extra) for index in range(processes + 1)]
    parent = os.getpid()
    children: list[tuple[int, BinaryIO]] = []  # (pid, the pipe's reading end)
    # Frozen objects are never scanned by the collector, so the children do not write to (and
    # copy) every page they share with this process each time they collect.
    gc.freeze()
    try:
        for first, last in itertools.pairwise(bounds[1:]):
            reading, writing = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(reading)
                _child(function, items[first:last], writing, parent)
            os.close(writing)
            children.append((pid, os.fdopen(reading, "rb")))
        results = [function(item) for item in items[: bounds[1]]]
        while children:
            pid, pipe = children[0]
            with pipe:
                sent = pipe.read()
            os.waitpid(pid, 0)
            children.pop(0)
            if not sent:
                raise RuntimeError(f"arbetsprocessen {pid} avslutades utan svar")
            ok, outcome = pickle.loads(sent)  # noqa: S301 - sent by our own forked child
            if not ok:
                raise outcome
            results += outcome
        return results
    finally:
        gc.unfreeze()
        for pid, pipe in children:  # only after a failure or Ctrl-C
            pipe.close()
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _child(function: Callable[[Item], Result], share: Sequence[Item], writing: int, parent: int) -> None:
    """A forked child's whole life: it never returns into the parent's code, and it leaves
    by os._exit, so nothing the parent had buffered (stdout) is written twice."""
    status = 1
    try:
        _work_for(parent)
        try:
            sent = pickle.dumps((True, [function(item) for item in share]))
        except Exception as exc:  # noqa: BLE001 - raised in the parent instead
            sent = _pickled_error(exc)
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(sent)
        status = 0
    finally:
        os._exit(status)


def _pickled_error(exc: Exception) -> bytes:
    try:
        return pickle.dumps((False, exc))
    except Exception:  # noqa: BLE001 - an exception that cannot be pickled arrives as its text
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


@contextmanager
def forked_pool(workers: int, job: object = None) -> Iterator[ProcessPoolExecutor]:
    """A pool of forked workers. Only this process hears Ctrl-C: a worker interrupted while
    sending a result would leave the pool waiting forever. On the way out, tasks not yet
    started are dropped and the running ones finish, so Ctrl-C ends within one task.

    job is what every task needs (a workspace, a renderer): it reaches each worker with the
    fork, never pickled, and a task reads it with worker_job(). This process keeps no trace
    of it, so two pools (or threads) never see each other's job."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_work_for,
        initargs=(os.getpid(), job),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def worker_job(kind: type[Job]) -> Job:
    """In a task on a forked_pool worker: the job the pool was made with."""
    if not isinstance(_job, kind):
        raise TypeError(f"the worker's job is {type(_job).__name__}, not {kind.__name__}")
    return _job


def _work_for(parent: int, job: object = None) -> None:
    global _job  # noqa: PLW0603 - set once in a freshly forked worker, before its first task
    _job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):  # die with the parent, however it ends
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above could take effect
        os._exit(1)
