"""Forked worker processes for the work that uses every core (validate, PDFs, the site).

Workers are forked, so they start with everything this process has loaded and read (models,
WeasyPrint, the shared files) and nothing needs pickling in. They die with this process: a
`timeout` or `kill` of uppdrag must not leave workers behind, blocked on a queue no one reads.
"""

from __future__ import annotations

import functools
import gc
import itertools
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, BinaryIO, TypeVar, cast

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
    die_with_parent = _death_signal()  # loaded here: a child that loads a library can deadlock
    # Frozen objects are never scanned by the collector, so the children do not write to (and
    # copy) every page they share with this process each time they collect.
    gc.freeze()
    try:
        for first, last in itertools.pairwise(bounds[1:]):
            reading, writing = os.pipe()
            # Ctrl-C waits until the child is in the list, so the cleanup below always ends it.
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                pid = os.fork()
                if pid == 0:
                    os.close(reading)
                    _child(function, items[first:last], writing, parent, die_with_parent, blocked)
                os.close(writing)
                children.append((pid, os.fdopen(reading, "rb")))
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
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


def _child(
    function: Callable[[Item], Result],
    share: Sequence[Item],
    writing: int,
    parent: int,
    die_with_parent: Callable[[], None],
    mask: set[signal.Signals | int],
) -> None:
    """A forked child's whole life: it never returns into the parent's code, and it leaves
    by os._exit, so nothing the parent had buffered (stdout) is written twice."""
    status = 1
    try:
        _work_for(parent, die_with_parent)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # SIGINT is ignored by now
        _answer(writing, lambda: [function(item) for item in share])
        status = 0
    finally:
        os._exit(status)


def _answer(writing: int, produce: Callable[[], object]) -> None:
    """Send what produce() returns, or the exception it raises (raised again by the parent),
    pickled through the pipe, which is closed after."""
    try:
        sent = pickle.dumps((True, produce()))
    except Exception as exc:  # noqa: BLE001 - raised in the parent instead
        sent = _pickled_error(exc)
    with os.fdopen(writing, "wb") as pipe:
        pipe.write(sent)


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
        initargs=(os.getpid(), _death_signal(), job),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@functools.cache
def _death_signal() -> Callable[[], None]:
    """What makes a forked child die with this process, however it ends (Linux's
    PR_SET_PDEATHSIG). Loaded in the parent, before any fork: loading a library in a child
    forked from a process with threads can wait forever on a lock another thread held."""
    if not sys.platform.startswith("linux"):
        return lambda: None
    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl
    return lambda: prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def worker_job(kind: type[Job]) -> Job:
    """In a task on a forked_pool worker: the job the pool was made with."""
    if not isinstance(_job, kind):
        raise TypeError(f"the worker's job is {type(_job).__name__}, not {kind.__name__}")
    return _job


def _work_for(parent: int, die_with_parent: Callable[[], None], job: object = None) -> None:
    global _job  # noqa: PLW0603 - set once in a freshly forked worker, before its first task
    _job = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above could take effect
        os._exit(1)


class TimeLimitExceeded(Exception):
    """A bounded call's time is up: raised inside it by a timer signal, so its traceback shows
    where it was, or in the caller when the child had to be killed."""


class WorkerDied(Exception):
    """A bounded call's child ended without an answer: killed by the system (out of memory)
    or by a signal."""


class Stopped(Exception):
    """The caller's stop event was set while a bounded call ran; its child was killed."""


# How long the child may overrun its own timer (stuck in C code, where no signal handler
# runs) before it is killed: its work is lost, but never the caller's time.
_GRACE_SECONDS = 2.0


def run_bounded(
    function: Callable[[], Result],
    seconds: float,
    memory_bytes: int | None = None,
    stop: threading.Event | None = None,
) -> Result:
    """function() in a forked child with a time limit and (on Linux) a memory limit: at most
    memory_bytes more address space than this process has, and a timer that raises
    TimeLimitExceeded inside function after `seconds`. A child that does not answer soon after
    is killed, and TimeLimitExceeded raised here; setting `stop` kills it at once (Stopped).
    Nothing the child does can hold this process's locks or memory. An exception raised by
    function is raised here; MemoryError from the limit is one like any other.
    Without fork (Windows) function runs here, bounded only by its own checks."""
    if not hasattr(os, "fork"):
        return function()
    reading, writing = os.pipe()
    parent = os.getpid()
    die_with_parent = _death_signal()  # loaded before the fork, as forked_map does
    pid = os.fork()
    if pid == 0:
        os.close(reading)
        _bounded_child(function, seconds, memory_bytes, writing, parent, die_with_parent)
    os.close(writing)
    answered = False
    try:
        sent = _read_answer(reading, time.monotonic() + seconds + _GRACE_SECONDS, stop)
        answered = True
    finally:
        os.close(reading)
        if not answered:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if not sent:
        raise WorkerDied()
    ok, outcome = pickle.loads(sent)  # noqa: S301 - sent by our own forked child
    if not ok:
        raise outcome
    return cast(Result, outcome)


def _read_answer(reading: int, deadline: float, stop: threading.Event | None) -> bytes:
    import select

    chunks: list[bytes] = []
    while True:
        if stop is not None and stop.is_set():
            raise Stopped()
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeLimitExceeded()
        ready, _, _ = select.select([reading], [], [], min(left, 0.2) if stop is not None else left)
        if ready:
            chunk = os.read(reading, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _bounded_child(
    function: Callable[[], Result],
    seconds: float,
    memory_bytes: int | None,
    writing: int,
    parent: int,
    die_with_parent: Callable[[], None],
) -> None:
    """Like _child: never returns into the caller's code. The timer is stopped before the
    answer is sent, so it cannot cut the answer short."""
    status = 1
    try:
        _work_for(parent, die_with_parent)

        def within_limits() -> Result:
            with limited(seconds, memory_bytes):
                return function()

        _answer(writing, within_limits)
        status = 0
    finally:
        os._exit(status)


@contextmanager
def limited(seconds: float, memory_bytes: int | None = None) -> Iterator[None]:
    """The block under a time and (on Linux) a memory limit, in this process: a timer raises
    TimeLimitExceeded inside it after `seconds`, and it may map at most memory_bytes more
    address space (MemoryError beyond). Only on a process's main thread; both limits are
    lifted again on the way out, so a pool's worker can run its next task unbounded by this
    one. Should the block be stuck in C code, where no signal handler runs, its CPU time is
    limited too: the system ends the process _GRACE_SECONDS after the timer."""
    import resource

    def time_is_up(signum: int, frame: object) -> None:
        raise TimeLimitExceeded()

    memory = resource.getrlimit(resource.RLIMIT_AS)
    cpu = resource.getrlimit(resource.RLIMIT_CPU)
    handler = signal.signal(signal.SIGALRM, time_is_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        _limit_cpu(seconds + _GRACE_SECONDS)
        if memory_bytes is not None:
            _limit_memory(memory_bytes)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, handler)
        resource.setrlimit(resource.RLIMIT_AS, memory)
        resource.setrlimit(resource.RLIMIT_CPU, cpu)


def _limit_cpu(seconds: float) -> None:
    """At most `seconds` more CPU time; beyond it SIGXCPU ends the process (its default)."""
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    limit = int(used.ru_utime + used.ru_stime + seconds) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or limit <= hard:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))


def _limit_memory(extra: int) -> None:
    """At most `extra` bytes of address space beyond what this process already maps."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = mapped + extra if hard == resource.RLIM_INFINITY else min(hard, mapped + extra)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):  # no /proc or no RLIMIT_AS: the timer still holds
        pass
