"""uppdrag serve from the command line: the address shown, Ctrl-C, a port in use, bad options."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from uppdrag.cli import app

from .conftest import REPO

# The child runs main() with Python's own Ctrl-C handler even when this test runner was started
# with SIGINT ignored (as a background job is).
SERVE = (
    "import signal, sys\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "from uppdrag.cli import main\n"
    "sys.argv = ['uppdrag', 'serve', '--port', '0']\n"
    "main()\n"
)


def test_ctrl_c_stops_cleanly(shipped: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb"}
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/"), url
        with urllib.request.urlopen(url + "skis.html", timeout=30) as response:
            assert response.status == 200 and b"Skolutveckling i Skaraborg" in response.read()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == 0, err
    assert out == ""
    assert err == f"Förhandsvisar missions på {url}; avsluta med Ctrl-C\nFörhandsvisningen är stoppad.\n"


def test_a_port_in_use(shipped: Path, runner) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"fel: porten {port} på 127.0.0.1 används redan; välj en annan med --port\n"


def test_a_missing_missions_folder(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["serve", "-m", "saknas", "--port", "0"])
    assert (result.exit_code, result.stderr) == (2, "fel: mappen 'saknas' finns inte\n")


def test_a_missing_templates_folder(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["serve", "--templates", "egna", "--port", "0"])
    assert (result.exit_code, result.stderr) == (2, "fel: mallmappen 'egna' finns inte\n")


def test_a_port_out_of_range(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "'--port'" in result.stderr  # click's own range message


def test_help_loads_no_server() -> None:
    code = (
        "import sys\n"
        "from uppdrag import cli\n"
        "sys.argv = ['uppdrag', '--help']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('uppdrag.serve', 'watchfiles', 'http.server')))\n"
        "print('LOADED', loaded)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.stdout.splitlines()[-1] == "LOADED []"
