"""Forked workers start with what this process has loaded and die with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from uppdrag.workers import cores_for, forked_pool


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be collected


def _loaded(module: str) -> bool:
    return module in sys.modules


def test_a_worker_has_what_the_parent_loaded() -> None:
    import colorsys  # nothing else loads it: the worker can have it only by the fork

    assert colorsys
    with forked_pool(1) as pool:
        assert pool.submit(_loaded, "colorsys").result() is True
        assert pool.submit(os.getppid).result() == os.getpid()


def test_cores_for_never_starts_more_processes_than_tasks() -> None:
    assert cores_for(1) == 1
    assert cores_for(10_000) == max(1, os.cpu_count() or 1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_parent(how: signal.Signals) -> None:
    code = (
        "import os, time\n"
        "from uppdrag.workers import forked_pool\n"
        "with forked_pool(1) as pool:\n"
        "    print(pool.submit(os.getpid).result(), flush=True)\n"
        "    time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.send_signal(how)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)
