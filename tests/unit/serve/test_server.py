"""serve/server.py over real HTTP on the loopback: pages, reload events, a save seen, findings, host names."""

from __future__ import annotations

import datetime as dt
import http.client
import socket
import threading
import time
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

import uppdrag.serve.server as server_module
from uppdrag.errors import UsageError
from uppdrag.output.templates import search_path
from uppdrag.serve.preview import Preview
from uppdrag.serve.server import PreviewServer, _allowed_hosts

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def server(shipped: Path) -> Iterator[PreviewServer]:
    (shipped / "templates").mkdir()
    preview = Preview(Path("missions"), search_path(None, shipped / "templates"), lambda: TODAY)
    notes: list[str] = []
    running = PreviewServer(preview, "127.0.0.1", 0, notes.append)
    running.notes = notes  # type: ignore[attr-defined]
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.close()
    thread.join(5)
    assert not thread.is_alive()


def get(server: PreviewServer, path: str, method: str = "GET", host: str | None = None) -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        headers = {"Host": host} if host else {}
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body.decode("utf-8", errors="replace")
    finally:
        connection.close()


def eventually(server: PreviewServer, path: str, wanted: str, seconds: float = 5.0) -> str:
    """The page once it shows `wanted` (the watcher has seen the save), within `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        body = unescape(get(server, path)[2])
        if wanted in body or time.monotonic() > deadline:
            assert wanted in body, body[-2000:]
            return body
        time.sleep(0.05)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_site_pages_over_http(server: PreviewServer) -> None:
    status, headers, body = get(server, "/")
    assert (status, headers["Content-Type"], headers["Cache-Control"]) == (200, "text/html; charset=utf-8", "no-store")
    assert "Nätverkens uppdragsbeskrivningar" in body
    assert f'new EventSource("/_uppdrag/events?since={server.preview.version}")' in body
    assert int(headers["Content-Length"]) == len(body.encode())
    status, headers, body = get(server, "/skis.html")
    assert status == 200 and 'href="style.css"' in body and 'href="skis.pdf"' in body
    status, headers, body = get(server, "/style.css")
    assert (status, headers["Content-Type"]) == (200, "text/css; charset=utf-8") and "EventSource" not in body
    assert get(server, "/moten-2026.html")[0] == 200 and get(server, "/mal.html")[0] == 200


def test_pdf_over_http(server: PreviewServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    connection.request("GET", "/forskola.pdf")
    response = connection.getresponse()
    assert (response.status, response.getheader("Content-Type")) == (200, "application/pdf")
    assert response.read().startswith(b"%PDF-")
    connection.close()


def test_head_has_headers_only(server: PreviewServer) -> None:
    status, headers, body = get(server, "/index.html", method="HEAD")
    assert status == 200 and body == "" and int(headers["Content-Length"]) > 1000


@pytest.mark.parametrize(
    "path",
    [
        "/../missions/forskola.yaml",
        "/%2e%2e/missions/forskola.yaml",
        "/missions/forskola.yaml",
        "/forskola.yaml",
        "/_styrdokument.yaml",
        "/templates/uppdrag.css",
        "/fonts/",
        "/../../../../etc/passwd",
        "/x/../../etc/passwd",
    ],
)
def test_only_the_sites_own_pages(path: str, server: PreviewServer) -> None:
    status, _, body = get(server, path)
    assert status == 404
    assert "minst_per_år" not in body and "root:" not in body and "<h1>Sidan finns inte</h1>" in body


def test_other_methods_are_refused(server: PreviewServer) -> None:
    assert get(server, "/index.html", method="POST")[0] == 501
    assert get(server, "/index.html", method="PUT")[0] == 501


def test_a_foreign_host_name_gets_nothing(server: PreviewServer) -> None:
    """A page on another site that points its name at 127.0.0.1 (DNS rebinding) cannot read the preview."""
    status, _, body = get(server, "/", host=f"angripare.example:{server.port}")
    assert (status, body) == (421, "fel värdnamn för förhandsvisningen\n")
    assert get(server, "/", host=f"localhost:{server.port}")[0] == 200
    assert get(server, "/", host="127.0.0.1:1")[0] == 421


def test_a_save_changes_the_page_then_findings_then_mended(
    server: PreviewServer, shipped: Path, break_meeting_count
) -> None:
    mission = shipped / "missions" / "forskola.yaml"
    edit(mission, "namn: Förskola", "namn: Förskolans nätverk")
    eventually(server, "/forskola.html", '<span class="network">Förskolans nätverk</span>')
    deadline = time.monotonic() + 2  # the note follows the new generation
    while not server.notes and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.01)
    assert server.notes == ["ändrat: forskola.yaml; öppna sidor laddas om"]  # type: ignore[attr-defined]

    finding = f'<li class="error">{break_meeting_count()}</li>'
    body = eventually(server, "/forskola.html", finding)
    assert "Förskolans nätverk" not in body  # not the stale document
    assert finding in unescape(get(server, "/")[2])

    edit(mission, "minst_per_år: 4 x", "minst_per_år: 4")
    body = eventually(server, "/forskola.html", '<span class="network">Förskolans nätverk</span>')
    assert "Uppdragsfilerna behöver rättas" not in body


def test_a_template_save_is_seen(server: PreviewServer, shipped: Path) -> None:
    (shipped / "templates" / "uppdrag.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    eventually(server, "/style.css", "body { color: #123456; }")


def read_event(stream: http.client.HTTPResponse) -> list[str]:
    """The lines of one event (up to its blank line)."""
    lines = []
    while True:
        line = stream.fp.readline().decode("utf-8")
        if line in ("\n", ""):
            return lines
        lines.append(line.rstrip("\n"))


def test_an_open_page_hears_of_a_save(server: PreviewServer, shipped: Path) -> None:
    version = server.preview.version
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", f"/_uppdrag/events?since={version}")
    stream = connection.getresponse()
    assert (stream.status, stream.getheader("Content-Type")) == (200, "text/event-stream; charset=utf-8")
    assert read_event(stream) == ["retry: 1000"]
    edit(shipped / "missions" / "skis.yaml", "SKIS", "SKIS!")
    started = time.monotonic()
    assert read_event(stream) == [f"data: {version.removesuffix('.0')}.1"]
    assert time.monotonic() - started < 2
    assert stream.fp.readline() == b""  # the stream ends: the page reloads and opens a new one
    connection.close()


def test_a_page_made_before_a_change_hears_of_it_at_once(server: PreviewServer, shipped: Path) -> None:
    version = server.preview.version
    edit(shipped / "missions" / "skis.yaml", "SKIS", "SKIS!")
    assert server.preview.wait_for_change(version, timeout=5) != version  # the watcher has seen it
    for since in (version, "0123abcd.5"):  # made before the save; made by an earlier run of the server
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        connection.request("GET", f"/_uppdrag/events?since={since}")
        stream = connection.getresponse()
        assert read_event(stream) == ["retry: 1000"]
        assert read_event(stream) == [f"data: {server.preview.version}"]
        connection.close()


def test_a_stream_without_a_change_ends_and_the_page_asks_again(
    server: PreviewServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_module, "STREAM_SECONDS", 0.2)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", f"/_uppdrag/events?since={server.preview.version}")
    stream = connection.getresponse()
    started = time.monotonic()
    assert read_event(stream) == ["retry: 1000"]
    assert stream.fp.readline() == b""
    assert time.monotonic() - started < 5
    connection.close()


def test_closing_ends_open_streams_and_frees_the_port(shipped: Path) -> None:
    preview = Preview(Path("missions"), search_path(None, None), lambda: TODAY)
    server = PreviewServer(preview, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/_uppdrag/events")
    stream = connection.getresponse()
    assert read_event(stream) == ["retry: 1000"]
    server.shutdown()
    server.close()
    assert stream.fp.readline() == b""
    thread.join(5)
    assert not thread.is_alive()
    with socket.socket() as again:  # as a restarted server would: past TIME_WAIT, not past a listener
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", server.port))
    connection.close()


def test_a_port_in_use_is_a_usage_error(shipped: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UsageError) as raised:
            PreviewServer(Preview(Path("missions"), [], lambda: TODAY), "127.0.0.1", port)
    assert raised.value.exit_code == 2
    assert raised.value.message == f"porten {port} på 127.0.0.1 används redan; välj en annan med --port"


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("finns-inte.invalid", "okänd adress 'finns-inte.invalid'; ange t.ex. --host 127.0.0.1"),
        ("192.0.2.1", "adressen 192.0.2.1 finns inte på den här datorn; välj en annan med --host"),
    ],
)
def test_an_address_that_cannot_be_used(host: str, message: str, shipped: Path) -> None:
    with pytest.raises(UsageError) as raised:
        PreviewServer(Preview(Path("missions"), [], lambda: TODAY), host, 0)
    assert (raised.value.message, raised.value.exit_code) == (message, 2)


def test_the_url_names_the_port_chosen(shipped: Path) -> None:
    with PreviewServer(Preview(Path("missions"), [], lambda: TODAY), "127.0.0.1", 0) as server:
        assert server.port > 0 and server.url == f"http://127.0.0.1:{server.port}/" and server.local_only


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1", {"localhost", "127.0.0.1", "[::1]"}),
        ("localhost", {"localhost", "127.0.0.1", "[::1]"}),
        ("::1", {"localhost", "127.0.0.1", "[::1]"}),
        ("127.0.0.2", {"localhost", "127.0.0.1", "[::1]", "127.0.0.2"}),
        ("0.0.0.0", None),  # noqa: S104 - the test is that all interfaces get no host list
        ("192.168.1.10", None),
    ],
)
def test_which_host_names_a_server_answers(host: str, allowed: set[str] | None) -> None:
    assert _allowed_hosts(host) == allowed
