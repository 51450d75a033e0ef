"""serve/server.py and preview.py under load, over real HTTP on 127.0.0.1: a runaway template or
PDF holds up no other page, connections are capped and time out, and http.server's own refusals
are Swedish. Every server here stops by itself; waits are bounded by a count of tries."""

from __future__ import annotations

import datetime as dt
import os
import select
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pytest

import uppdrag.serve.server as server_module
from tests.conftest import write_tree
from tests.unit.serve.test_server import get
from uppdrag.output.template_budget import TemplateLimits
from uppdrag.output.templates import search_path
from uppdrag.serve.preview import PDFS_AT_ONCE, Preview
from uppdrag.serve.server import PreviewServer

TODAY = dt.date(2026, 11, 22)
RUNAWAY = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
ENDLESS = TemplateLimits(seconds=600, steps=10**15)  # only the stop on close ends a runaway


@contextmanager
def _serve(preview: Preview, max_connections: int = server_module.MAX_CONNECTIONS) -> Iterator[PreviewServer]:
    running = PreviewServer(preview, "127.0.0.1", 0, max_connections=max_connections)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.close()
        thread.join(5)
        assert not thread.is_alive()


def _preview(shipped: Path, limits: TemplateLimits = ENDLESS, **options: float) -> Preview:
    return Preview(Path("missions"), search_path(None, shipped / "templates"), lambda: TODAY, limits, **options)  # type: ignore[arg-type]


def _runaway_skis(shipped: Path) -> None:
    """skis's page (HTML, and PDF for a PDF) never ends; every other page is the shipped one."""
    write_tree(
        shipped,
        {
            "templates/uppdrag.html.j2": (
                "{% if mission.id == 'skis' %}\n"
                + RUNAWAY
                + '{% endif %}<!DOCTYPE html>\n<html lang="sv"><body><h1>{{ mission.name }}</h1></body></html>\n'
            )
        },
    )


@pytest.fixture
def runaway_network_page(shipped: Path) -> Iterator[PreviewServer]:
    _runaway_skis(shipped)
    with _serve(_preview(shipped)) as server:
        yield server


def _send(server: PreviewServer, path: str) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    connection.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode())
    return connection


def _answered(connection: socket.socket) -> bool:
    return bool(select.select([connection], [], [], 0)[0])


def _read_all(connection: socket.socket) -> str:
    with connection:
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", errors="replace")


def _render_children() -> list[int]:
    """Processes forked by this one (the renders in progress)."""
    own = str(os.getpid())
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == own and fields[0] != "Z":
            found.append(int(status.parent.name))
    return found


def _until(condition, tries: int = 600) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("the condition never held")


def test_a_runaway_template_holds_up_no_other_page(runaway_network_page: PreviewServer, shipped: Path) -> None:
    server = runaway_network_page
    stuck = _send(server, "/skis.html")
    _until(lambda: _render_children() != [])  # skis's render is running
    status, _, body = get(server, "/index.html")
    assert status == 200 and "<h1>" in body
    assert get(server, "/ka.html")[0] == 200
    assert get(server, "/style.css")[0] == 200
    assert not _answered(stuck)  # still rendering
    server.preview.close()  # closing the server gives the runaway up at once
    page = unescape(_read_all(stuck))
    assert page.startswith("HTTP/1.0 500 ")
    assert f"fel: {shipped / 'templates' / 'uppdrag.html.j2'}: avbröts, förhandsvisningen stängs" in page
    _until(lambda: _render_children() == [])


def test_a_runaway_pdf_holds_up_no_page_and_no_other_pdf(runaway_network_page: PreviewServer) -> None:
    server = runaway_network_page
    stuck = _send(server, "/skis.pdf")
    _until(lambda: _render_children() != [])
    assert get(server, "/ka.html")[0] == 200
    status, headers, _ = get(server, "/ka.pdf")
    assert (status, headers["Content-Type"]) == (200, "application/pdf")
    assert not _answered(stuck)
    server.preview.close()
    page = unescape(_read_all(stuck))
    assert page.startswith("HTTP/1.0 503 ") and "<h1>Förhandsvisningen stängs</h1>" in page
    _until(lambda: _render_children() == [])


def test_pdfs_waiting_for_their_turn_hold_no_page_place(shipped: Path) -> None:
    """Five PDFs asked for at once: two are made (PDFS_AT_ONCE), three wait for their turn, and
    an HTML page is answered meanwhile; the waiting PDFs do not take the page places."""
    networks = ["forskola", "grundskola", "ka", "sarskola", "skis"]
    write_tree(
        shipped,
        {
            "templates/uppdrag.html.j2": (
                "{% if for_pdf %}\n" + RUNAWAY + '{% endif %}<!DOCTYPE html>\n<html lang="sv"><body><h1>'
                "{{ mission.name }}</h1></body></html>\n"
            )
        },
    )
    with _serve(_preview(shipped, pages_at_once=4)) as server:
        stuck = [_send(server, f"/{network}.pdf") for network in networks]
        build = lambda: server.preview._build  # noqa: E731 - the requests' own record of the pages they make

        def all_asked_for() -> bool:
            made = build()
            return made is not None and all(made.making.get(f"{n}.pdf", threading.Lock()).locked() for n in networks)

        _until(lambda: all_asked_for() and len(_render_children()) == PDFS_AT_ONCE)
        status, _, body = get(server, "/ka.html")
        assert (status, "<h1>KA</h1>" in body) == (200, True)
        assert get(server, "/index.html")[0] == 200
        assert not any(_answered(connection) for connection in stuck)  # the PDFs are still made or waiting
        assert len(_render_children()) == PDFS_AT_ONCE
        server.preview.close()
        for connection in stuck:
            page = unescape(_read_all(connection))
            assert page.startswith("HTTP/1.0 503 ") and "<h1>Förhandsvisningen stängs</h1>" in page
        _until(lambda: _render_children() == [])


def test_a_page_over_its_time_shows_where_it_stopped(shipped: Path) -> None:
    write_tree(
        shipped,
        {"templates/index.html.j2": "{% extends 'sida.html.j2' %}\n{% block title %}\n" + RUNAWAY + "{% endblock %}\n"},
    )
    with _serve(_preview(shipped, TemplateLimits(seconds=1, steps=10**15))) as server:
        status, _, body = get(server, "/index.html")
        assert status == 500
        assert (
            f"<li>fel: {shipped / 'templates' / 'index.html.j2'}:3: mallen tar för lång tid (över 1 sekund)</li>"
            in unescape(body)
        )
        assert get(server, "/skis.html")[0] == 200


def test_connections_over_the_cap_are_closed(shipped: Path) -> None:
    with _serve(_preview(shipped), max_connections=3) as server:
        held = [socket.create_connection(("127.0.0.1", server.port), timeout=30) for _ in range(3)]
        _until(lambda: server.connections == 3)  # all three have their thread
        extra = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        assert _read_all(extra) == ""  # closed without a reply
        for connection in held:
            connection.close()
        _until(lambda: server.connections == 0)
        assert get(server, "/index.html")[0] == 200


def test_a_silent_connection_is_closed(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module._Handler, "timeout", 0.5)
    with _serve(_preview(shipped), max_connections=2) as server:
        silent = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        halfway = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        halfway.sendall(b"GET /index.html HTTP/1.0\r\nHost: 127.0.0.1\r\n")  # no end of the headers
        assert _read_all(silent) == ""
        assert _read_all(halfway) == ""
        _until(lambda: server.connections == 0)
        assert get(server, "/index.html")[0] == 200


@pytest.mark.parametrize(
    ("request_bytes", "status", "title"),
    [
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.0\r\n\r\n", 414, "För lång adress"),
        (b"NONSENS\r\n\r\n", 400, "Felaktig förfrågan"),
        (b"GET http://angripare.example/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400, "Felaktig förfrågan"),
        (b"GET http://127.0.0.1/index.html HTTP/1.0\r\n\r\n", 400, "Felaktig förfrågan"),
        (b"GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400, "Felaktig förfrågan"),
        (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: angripare.example\r\n\r\n", 400, "Felaktig förfrågan"),
        (b"GET /index.html HTTP/1.1\r\nHost: localhost\r\nhost: localhost\r\n\r\n", 400, "Felaktig förfrågan"),
        (b"GET / HTTP/1.0\r\n" + b"X-A: b\r\n" * 101 + b"\r\n", 431, "För stora huvudfält"),
        (b"GET / HTTP/1.0\r\nX-A: " + b"b" * 70_000 + b"\r\n\r\n", 431, "För stora huvudfält"),
        (b"POST / HTTP/1.0\r\nContent-Length: 0\r\n\r\n", 501, "Metoden stöds inte"),
        (b"GET / HTTP/2.0\r\n\r\n", 505, "HTTP-versionen stöds inte"),
    ],
)
def test_the_servers_own_refusals_are_swedish(shipped: Path, request_bytes: bytes, status: int, title: str) -> None:
    with _serve(_preview(shipped)) as server:
        connection = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        connection.sendall(request_bytes)
        reply = _read_all(connection)
        if request_bytes.startswith(b"GET / HTTP/2") or b"HTTP" not in request_bytes:
            head, body = "", reply  # a request not (yet) known as HTTP/1 is answered as HTTP/0.9: no head
        else:
            head, _, body = reply.partition("\r\n\r\n")
            assert head.split("\r\n")[0].split()[1] == str(status)
            assert "Content-Type: text/html; charset=utf-8" in head
        assert body.startswith('<!DOCTYPE html>\n<html lang="sv">')
        assert f"<h1>{title}</h1>" in body and f"<p>Felkod {status}.</p>" in body
        assert "Error response" not in body and "Message:" not in body and 'lang="en"' not in body


def _trickle(connection: socket.socket, data: bytes) -> int:
    """Send data a byte at a time, slowly; how many bytes went before the server closed the
    connection (a reset, a broken pipe, or the end of its data)."""
    for sent, byte in enumerate(data):
        try:
            connection.sendall(bytes([byte]))
            if select.select([connection], [], [], 0.05)[0] and connection.recv(1) == b"":
                return sent
        except OSError:
            return sent
    return len(data)


def test_a_request_that_trickles_in_is_closed(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module._Handler, "head_seconds", 1.0)
    with _serve(_preview(shipped), max_connections=2) as server:
        trickle = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        request = b"GET /index.html HTTP/1.0\r\n" + b"X-Langsam: " + b"x" * 1000
        assert _trickle(trickle, request) < len(request)  # it never got to send its whole request
        _until(lambda: server.connections == 0)
        assert get(server, "/index.html")[0] == 200


def test_a_page_asked_for_twice_is_made_once(shipped: Path) -> None:
    _runaway_skis(shipped)
    with _serve(_preview(shipped, pages_at_once=2)) as server:
        first, second = _send(server, "/skis.html"), _send(server, "/skis.html")
        _until(lambda: _render_children() != [] and server.connections == 2)
        assert get(server, "/ka.html")[0] == 200  # the second request holds no place of its own
        server.preview.close()
        for stuck in (first, second):
            assert "avbröts, förhandsvisningen stängs" in unescape(_read_all(stuck))


def test_when_every_place_is_taken_a_page_is_told_busy(shipped: Path) -> None:
    _runaway_skis(shipped)
    with _serve(_preview(shipped, pages_at_once=1, wait_seconds=0.5)) as server:
        stuck = _send(server, "/skis.html")
        _until(lambda: _render_children() != [])
        status, _, body = get(server, "/ka.html")
        assert status == 503
        assert "<h1>Förhandsvisningen är upptagen</h1>" in body
        assert "<li>1 sida görs redan, och ingen blev klar medan den här väntade</li>" in body
        assert get(server, "/_uppdrag/nothing")[0] == 404  # what needs no making is answered still
        server.preview.close()
        _read_all(stuck)
