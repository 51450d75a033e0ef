"""uppdrag serve: the address shown, Ctrl-C, a port in use, bad options; and end to end in headless
Chromium: a page open, a file saved, the page shows it within two seconds."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.commands.test_site import _chromium
from tests.conftest import REPO
from uppdrag.cli import app
from uppdrag.output.templates import search_path
from uppdrag.serve.preview import Preview
from uppdrag.serve.server import PreviewServer

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
        with urllib.request.urlopen(url + "skis.html", timeout=30) as response:  # noqa: S310 - the server's own http URL
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
    assert result.exit_code == 2 and "--port" in result.stderr  # click's own range message


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


FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--remote-debugging-pipe",
]  # fmt: skip
# What the open page shows: its state, whether its reload stream is open, and its text.
PAGE_STATE = (
    "JSON.stringify([document.readyState, typeof uppdragEvents === 'undefined' ? -1 : uppdragEvents.readyState,"
    " document.body ? document.body.innerText : ''])"
)


class Chromium:
    """Headless Chromium on one page, driven by the DevTools protocol over --remote-debugging-pipe:
    the browser reads JSON messages ended by NUL on fd 3 and answers on fd 4. No port is opened."""

    def __init__(self, url: str, profile: str):
        to_browser, self._outgoing = os.pipe()
        self._incoming, from_browser = os.pipe()
        # bash puts the two pipe ends on fd 3 and 4, then becomes Chromium.
        wrapper = f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser} {to_browser}<&- {from_browser}>&-'
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", wrapper, _chromium(), *FLAGS, f"--user-data-dir={profile}", url],
            pass_fds=(to_browser, from_browser),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._last_id = 0
        self.session = self._attach(url)

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 10) -> dict:
        self._last_id += 1
        message = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._outgoing, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                answer = json.loads(raw)
                if answer.get("id") == self._last_id:
                    return answer
            ready, _, _ = select.select([self._incoming], [], [], 0.1)
            if ready:
                chunk = os.read(self._incoming, 1 << 16)
                assert chunk, "Chromium closed its DevTools pipe"
                self._buffer += chunk
        raise TimeoutError(f"Chromium did not answer {method} in {timeout} s")

    def _attach(self, url: str) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            targets = self.call("Target.getTargets")["result"]["targetInfos"]
            pages = [t for t in targets if t["type"] == "page" and t["url"].startswith(url)]
            if pages:
                answer = self.call("Target.attachToTarget", {"targetId": pages[0]["targetId"], "flatten": True})
                return answer["result"]["sessionId"]
            time.sleep(0.1)
        raise TimeoutError(f"Chromium opened no page for {url}")

    def page(self) -> tuple[str, int, str] | None:
        """(document.readyState, the reload stream's readyState, the page's text); None mid-reload."""
        answer = self.call("Runtime.evaluate", {"expression": PAGE_STATE, "returnByValue": True}, self.session)
        value = answer.get("result", {}).get("result", {}).get("value")
        return tuple(json.loads(value)) if isinstance(value, str) else None  # type: ignore[return-value]

    def wait_for(self, text: str, seconds: float) -> float:
        """Seconds until the page is loaded, listening for changes and showing text; fails past `seconds`."""
        started = time.monotonic()
        seen = None
        while time.monotonic() - started < seconds:
            seen = self.page()
            if seen is not None and seen[0] == "complete" and seen[1] == 1 and text in seen[2]:
                return time.monotonic() - started
            time.sleep(0.02)
        pytest.fail(f"the page did not show {text!r} within {seconds} s; it showed: {seen!r}")

    def close(self) -> None:
        with contextlib.suppress(TimeoutError, OSError, AssertionError):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        os.close(self._outgoing)
        os.close(self._incoming)


@pytest.fixture
def preview_server(shipped: Path) -> Iterator[PreviewServer]:
    preview = Preview(Path("missions"), search_path(None, None), lambda: dt.date(2026, 11, 22))
    server = PreviewServer(preview, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.close()
    thread.join(5)


@pytest.fixture
def browser(preview_server: PreviewServer) -> Iterator[Chromium]:
    with tempfile.TemporaryDirectory() as profile:
        chromium = Chromium(preview_server.url + "forskola.html", profile)
        try:
            yield chromium
        finally:
            chromium.close()


def save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.slow
def test_the_open_page_follows_each_save(browser: Chromium, shipped: Path) -> None:
    mission = shipped / "missions" / "forskola.yaml"
    browser.wait_for("Uppdragsbeskrivning för nätverket Förskola", seconds=60)

    save(mission, "namn: Förskola", "namn: Förskolans nätverk")
    assert browser.wait_for("Uppdragsbeskrivning för nätverket Förskolans nätverk", seconds=2) < 2

    row = mission.read_text(encoding="utf-8").splitlines().index("  minst_per_år: 4") + 1
    save(mission, "minst_per_år: 4", "minst_per_år: 4 x")
    finding = f"missions/forskola.yaml:{row}:17: fel: möten.minst_per_år: måste vara ett heltal, inte '4 x'"
    assert browser.wait_for(finding, seconds=2) < 2
    assert "Uppdragsbeskrivning för nätverket" not in (browser.page() or ("", 0, ""))[2]

    save(mission, "minst_per_år: 4 x", "minst_per_år: 4")
    assert browser.wait_for("Uppdragsbeskrivning för nätverket Förskolans nätverk", seconds=2) < 2


@pytest.fixture
def short_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    import uppdrag.serve.server as server_module

    monkeypatch.setattr(server_module, "STREAM_SECONDS", 0.3)


@pytest.mark.slow
def test_the_page_still_follows_after_its_stream_was_renewed(short_streams, browser: Chromium, shipped: Path) -> None:
    browser.wait_for("Uppdragsbeskrivning för nätverket Förskola", seconds=60)
    time.sleep(1.5)  # the page's first stream has ended and it has opened another
    save(shipped / "missions" / "forskola.yaml", "namn: Förskola", "namn: Förskolans nätverk")
    assert browser.wait_for("Uppdragsbeskrivning för nätverket Förskolans nätverk", seconds=2) < 2


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("a" * 300, f"fel: ogiltig adress '{'a' * 60}…'; ange t.ex. --host 127.0.0.1\n"),
        ("..", "fel: ogiltig adress '..'; ange t.ex. --host 127.0.0.1\n"),
        ("a b", "fel: okänd adress 'a b'; ange t.ex. --host 127.0.0.1\n"),
    ],
)
def test_an_invalid_host_is_a_swedish_usage_error(shipped: Path, runner, host: str, message: str) -> None:
    result = runner.invoke(app, ["serve", "--host", host, "--port", "0"])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
