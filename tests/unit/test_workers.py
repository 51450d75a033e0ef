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

from uppdrag.errors import UsageError
from uppdrag.workers import (
    Stopped,
    TimeLimitExceeded,
    WorkerDied,
    cores_for,
    forked_map,
    forked_pool,
    limited,
    run_bounded,
)


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
# A shell starts a background job with SIGINT ignored, and Python then never turns SIGINT into
# KeyboardInterrupt: the scripts that are sent Ctrl-C take it back, so the suite behaves the same
# run in a terminal, in CI or with `make test &`.
_HEAR_CTRL_C = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
_MAP_WORKER = _HEAR_CTRL_C + (
    "import os, sys, time\n"
    "from uppdrag.workers import forked_map\n"
    "def task(item):\n"
    "    if item:\n"
    "        print(os.getpid(), flush=True)\n"
    "    time.sleep(60)\n"
    "forked_map(task, [0, 1], 2)\n"
)


@pytest.mark.slow
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


@pytest.mark.slow
def test_what_this_process_had_not_yet_written_is_written_once() -> None:
    code = (
        "import sys\nfrom uppdrag.workers import forked_map\n"
        "sys.stdout.write('före ')\n"  # buffered: a pipe is no terminal
        "print(forked_map(abs, [-1, -2, -3, -4], 2))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "före [1, 2, 3, 4]\n", "")


@pytest.mark.slow
def test_ctrl_c_ends_forked_map_and_its_children_at_once() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", _MAP_WORKER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    worker = int(parent.stdout.readline())
    parent.send_signal(signal.SIGINT)
    assert parent.wait(timeout=60) == -signal.SIGINT  # the KeyboardInterrupt, uncaught in this bare script
    assert "KeyboardInterrupt" in parent.stderr.read()
    assert not _alive(worker)  # killed and collected by forked_map itself, not left to die later


# Ctrl-C at the worst moment: right after the fork, before the parent has noted its child. The
# child's death signal is switched off, so only forked_map's own cleanup can end it.
_INTERRUPTED_FORK = _HEAR_CTRL_C + (
    "import os, signal, time\n"
    "from uppdrag import workers\n"
    "workers._death_signal = lambda: (lambda: None)\n"
    "fork = os.fork\n"
    "def interrupted_fork():\n"
    "    pid = fork()\n"
    "    if pid:\n"
    "        print(pid, flush=True)\n"
    "        os.kill(os.getpid(), signal.SIGINT)\n"
    "    return pid\n"
    "os.fork = interrupted_fork\n"
    "workers.forked_map(time.sleep, [60, 60], 2)\n"
)


@pytest.mark.slow
def test_ctrl_c_during_a_fork_still_ends_that_child() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED_FORK], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    worker = int(parent.stdout.readline())
    assert parent.wait(timeout=60) == -signal.SIGINT
    assert not _alive(worker)


def test_run_bounded_returns_what_the_child_made() -> None:
    assert run_bounded(lambda: (os.getpid(), "svar" * 100_000), seconds=30)[1] == "svar" * 100_000
    assert run_bounded(os.getpid, seconds=30) != os.getpid()


def test_run_bounded_raises_the_childs_error_whole() -> None:
    def refuse() -> None:
        raise UsageError("nej", exit_code=1)

    with pytest.raises(UsageError) as caught:
        run_bounded(refuse, seconds=30)
    assert (caught.value.message, caught.value.exit_code) == ("nej", 1)


def test_the_timer_interrupts_python_code_in_the_child() -> None:
    def spin() -> str:
        try:
            while True:
                pass
        except TimeLimitExceeded:
            return "avbruten där den var"

    assert run_bounded(spin, seconds=0.5) == "avbruten där den var"


def test_a_child_deaf_to_its_timer_is_killed() -> None:
    def deaf() -> None:  # as stuck in C code, where no signal handler runs
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        while True:
            time.sleep(0.05)

    with pytest.raises(TimeLimitExceeded):
        run_bounded(deaf, seconds=0.5)


def test_the_child_has_a_memory_limit() -> None:
    def greedy() -> int:
        return len(bytearray(1 << 30))

    with pytest.raises(MemoryError):
        run_bounded(greedy, seconds=30, memory_bytes=64 << 20)
    assert run_bounded(greedy, seconds=30) == 1 << 30


def test_the_stop_event_ends_the_child_at_once() -> None:
    stop = threading.Event()
    threading.Thread(target=lambda: (time.sleep(0.3), stop.set())).start()
    with pytest.raises(Stopped):
        run_bounded(lambda: time.sleep(60), seconds=120, stop=stop)
    assert _children() == []  # killed and waited for


def _children() -> list[int]:
    """This process's children that have not been waited for."""
    own = str(os.getpid())
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if fields[1] == own:
            found.append(int(status.parent.name))
    return found


def test_a_child_that_ends_without_an_answer_is_worker_died() -> None:
    with pytest.raises(WorkerDied):
        run_bounded(lambda: os.kill(os.getpid(), signal.SIGKILL), seconds=30)


def _spin() -> None:
    while True:
        pass


def _spin_limited(seconds: float) -> str:
    try:
        with limited(seconds):
            _spin()
    except TimeLimitExceeded:
        return "TimeLimitExceeded"
    return "no error"  # pragma: no cover - _spin never returns


def test_limited_raises_inside_the_block_when_its_time_is_up() -> None:
    # In a pool's worker, as limited is used: in pytest's own process a CPU limit over all its
    # threads could end the whole run.
    with forked_pool(1) as pool:
        assert pool.submit(_spin_limited, 0.3).result() == "TimeLimitExceeded"


def test_limited_bounds_this_process_memory_and_lifts_its_limits_after() -> None:
    import resource

    before = [resource.getrlimit(kind) for kind in (resource.RLIMIT_AS, resource.RLIMIT_CPU)]
    handler = signal.getsignal(signal.SIGALRM)
    with pytest.raises(MemoryError), limited(30, 64 << 20):
        bytearray(1 << 30)
    assert [resource.getrlimit(kind) for kind in (resource.RLIMIT_AS, resource.RLIMIT_CPU)] == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is handler
    assert len(bytearray(1 << 30)) == 1 << 30  # the next task is not bounded by this one


def _stuck_in_c(seconds: float) -> None:
    """As a pool worker stuck in C code, where no signal handler runs: its CPU limit ends it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    with limited(seconds):
        _spin()


def test_a_pool_worker_stuck_past_its_time_is_ended_by_the_system() -> None:
    from concurrent.futures.process import BrokenProcessPool

    with forked_pool(1) as pool, pytest.raises(BrokenProcessPool):
        pool.submit(_stuck_in_c, 0.2).result()
