"""uppdrag serve end to end in headless Chromium: a page open, a file saved, the page shows it."""

from __future__ import annotations

import datetime as dt
import json
import os
import select
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from uppdrag.output.templates import search_path
from uppdrag.serve.preview import Preview
from uppdrag.serve.server import PreviewServer

from .test_site import _chromium

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--remote-debugging-pipe",
]  # fmt: skip
FINDING = "missions/forskola.yaml:71:17: fel: möten.minst_per_år: måste vara ett heltal, inte '4 x'"
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
        try:
            self.call("Browser.close", timeout=5)
        except (TimeoutError, OSError, AssertionError):
            pass
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


def test_the_open_page_follows_each_save(browser: Chromium, shipped: Path) -> None:
    mission = shipped / "missions" / "forskola.yaml"
    browser.wait_for("Uppdragsbeskrivning för nätverket Förskola", seconds=60)

    save(mission, "namn: Förskola", "namn: Förskolans nätverk")
    assert browser.wait_for("Uppdragsbeskrivning för nätverket Förskolans nätverk", seconds=2) < 2

    save(mission, "minst_per_år: 4", "minst_per_år: 4 x")
    assert browser.wait_for(FINDING, seconds=2) < 2
    assert "Uppdragsbeskrivning för nätverket" not in (browser.page() or ("", 0, ""))[2]

    save(mission, "minst_per_år: 4 x", "minst_per_år: 4")
    assert browser.wait_for("Uppdragsbeskrivning för nätverket Förskolans nätverk", seconds=2) < 2
