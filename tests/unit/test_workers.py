"""Forked workers start with what this process has loaded and die with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from uppdrag import workers
from uppdrag.errors import UsageError
from uppdrag.workers import cores_for, forked_map, forked_pool, worker_job


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


_POOL_WORKER = (
    "import os, time\n"
    "from uppdrag.workers import forked_pool\n"
    "with forked_pool(1) as pool:\n"
    "    print(pool.submit(os.getpid).result(), flush=True)\n"
    "    time.sleep(60)\n"
)
# The parent checks its share (a long sleep) while the child says who it is and sleeps too.
_MAP_WORKER = (
    "import os, sys, time\n"
    "from uppdrag.workers import forked_map\n"
    "def task(item):\n"
    "    if item:\n"
    "        print(os.getpid(), flush=True)\n"
    "    time.sleep(60)\n"
    "forked_map(task, [0, 1], 2)\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("code", [_POOL_WORKER, _MAP_WORKER], ids=["pool", "map"])
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_parent(code: str, how: signal.Signals) -> None:
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    assert _alive(worker)
    parent.send_signal(how)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def _square(number: int) -> int:
    return number * number


def _pid(_: object) -> int:
    return os.getpid()


@pytest.mark.parametrize("processes", [1, 2, 3, 5])
@pytest.mark.parametrize("count", [0, 1, 4, 11])
def test_forked_map_keeps_the_order_of_the_items(processes: int, count: int) -> None:
    assert forked_map(_square, list(range(count)), processes) == [n * n for n in range(count)]


def test_forked_map_shares_the_items_evenly_with_this_process_first() -> None:
    pids = forked_map(_pid, list(range(7)), 3)
    assert pids[:3] == [os.getpid()] * 3  # 7 = 3 + 2 + 2
    assert len(set(pids[3:5])) == len(set(pids[5:])) == 1
    assert len(set(pids)) == 3


def _refuse(number: int) -> int:
    if number == 5:
        raise UsageError("fel: fem")
    return number


def test_an_error_in_a_child_is_raised_here_whole() -> None:
    with pytest.raises(UsageError) as caught:
        forked_map(_refuse, list(range(6)), 2)
    assert (caught.value.message, caught.value.exit_code) == ("fel: fem", UsageError("x").exit_code)


def _die(number: int) -> int:
    if number == 3:
        os._exit(7)
    return number


def test_a_child_that_dies_is_an_error_not_a_short_list() -> None:
    with pytest.raises(RuntimeError, match=r"^arbetsprocessen \d+ avslutades utan svar$"):
        forked_map(_die, list(range(4)), 2)


def test_what_this_process_had_not_yet_written_is_written_once() -> None:
    code = (
        "import sys\nfrom uppdrag.workers import forked_map\n"
        "sys.stdout.write('före ')\n"  # buffered: a pipe is no terminal
        "print(forked_map(abs, [-1, -2, -3, -4], 2))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "före [1, 2, 3, 4]\n", "")


def test_ctrl_c_ends_forked_map_and_its_children_at_once() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", _MAP_WORKER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    worker = int(parent.stdout.readline())
    started = time.monotonic()
    parent.send_signal(signal.SIGINT)
    assert parent.wait(timeout=10) == -signal.SIGINT  # the KeyboardInterrupt, uncaught in this bare script
    assert time.monotonic() - started < 5
    assert "KeyboardInterrupt" in parent.stderr.read()
    assert not _alive(worker)


class _UnpicklableJob:
    """A job no pickle can carry (it holds a lock): only the fork can hand it to a worker."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lock = threading.Lock()


def _job_text(suffix: str) -> str:
    return worker_job(_UnpicklableJob).text + suffix


def test_a_pool_hands_its_job_to_the_workers_by_the_fork_and_keeps_none() -> None:
    with forked_pool(1, _UnpicklableJob("jobb")) as pool:
        assert pool.submit(_job_text, "!").result() == "jobb!"
    assert workers._job is None  # this process never held it: another pool cannot see it


def test_a_worker_refuses_a_job_of_another_kind() -> None:
    with forked_pool(1, "text") as pool, pytest.raises(TypeError, match="the worker's job is str, not _UnpicklableJob"):
        pool.submit(_job_text, "!").result()
