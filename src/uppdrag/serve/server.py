"""The preview's HTTP server: the site's pages by name, and a stream that tells open pages to reload."""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import socket
import socketserver
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from uppdrag.ellipsis import shortened
from uppdrag.errors import UsageError
from uppdrag.serve.pages import EVENTS_PATH, error_page
from uppdrag.serve.preview import Preview
from uppdrag.serve.watch import Watcher

# A reload stream ends after this long without a change and the page opens a new one a second
# later: a closed page frees its thread soon, and open pages do not keep all of a browser's six
# connections to the server for long.
STREAM_SECONDS = 10.0
# A connection that sends nothing (or stops reading) for this long is closed.
SOCKET_SECONDS = 30.0
# Connections served at once, each on its own thread; more are closed at once. A browser opens
# at most six per server, and each open page holds one for its reload stream.
MAX_CONNECTIONS = 32


class PreviewServer:
    """Serves a Preview on host:port and starts a new version after each save in its folders."""

    def __init__(
        self,
        preview: Preview,
        host: str,
        port: int,
        notify: Callable[[str], None] = lambda message: None,
        max_connections: int = MAX_CONNECTIONS,
    ):
        self.preview = preview
        self.notify = notify
        try:
            family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
            self._http = _HttpServer((host, port), family, preview, _allowed_hosts(host), max_connections)
        except OSError as exc:  # socket.gaierror is an OSError too
            raise UsageError(_bind_message(exc, host, port)) from None
        except (UnicodeError, ValueError):  # a name too long for DNS (a label over 63 characters)
            raise UsageError(f"ogiltig adress '{_shown(host)}'; ange t.ex. --host 127.0.0.1") from None
        # Watching starts here, so a save made as soon as the address is shown is not missed.
        self._watcher = Watcher([preview.missions, *preview.template_folders], self._changed, notify)
        self._watcher.start()

    @property
    def local_only(self) -> bool:
        """Only this computer can reach the server (it listens on a loopback address)."""
        return self._http.allowed_hosts is not None

    @property
    def connections(self) -> int:
        """Connections being served now."""
        return self._http.connections

    @property
    def port(self) -> int:
        return self._http.server_address[1]

    @property
    def url(self) -> str:
        host = self._http.server_address[0]
        assert isinstance(host, str)  # a TCP server's host; bytes only name a Unix socket
        return f"http://[{host}]:{self.port}/" if ":" in host else f"http://{host}:{self.port}/"

    def serve_forever(self) -> None:
        """Answer until shutdown() (from another thread) or Ctrl-C (KeyboardInterrupt)."""
        self._http.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        self._http.shutdown()

    def close(self) -> None:
        """Stop watching, end the reload streams and free the port."""
        self._watcher.stop()
        self.preview.close()
        self._http.server_close()

    def __enter__(self) -> PreviewServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _changed(self, paths: list[Path]) -> None:
        self.preview.changed()
        # An editor's temporary files are gone by now; name the files that were saved.
        names = [p.name for p in paths if p.exists()] or [p.name for p in paths]
        self.notify(f"ändrat: {', '.join(names)}; öppna sidor laddas om")


def _allowed_hosts(host: str) -> set[str] | None:
    """Host headers a loopback server answers: a web page elsewhere that points its own name at
    127.0.0.1 (DNS rebinding) gets nothing. None: any name, for a server the network can reach."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        return None
    return {"localhost", "127.0.0.1", "[::1]", f"[{host.lower()}]" if ":" in host else host.lower()}


def _bind_message(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"porten {port} på {host} används redan; välj en annan med --port"
    if exc.errno == errno.EACCES:
        return f"får inte lyssna på port {port}; välj en port över 1023 med --port"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"adressen {host} finns inte på den här datorn; välj en annan med --host"
    if isinstance(exc, socket.gaierror):
        return f"okänd adress '{_shown(host)}'; ange t.ex. --host 127.0.0.1"
    return f"kan inte lyssna på {_shown(host)}:{port}: {exc.strerror or exc}"


def _shown(host: str) -> str:
    return shortened(host, 60)


# What http.server refuses by itself, as the page says it: (heading, explanation).
HTTP_ERRORS = {
    400: ("Felaktig förfrågan", "Servern förstod inte förfrågan."),
    408: ("Tiden tog slut", "Förfrågan kom inte fram i tid."),
    414: ("För lång adress", "Adressen är för lång; förhandsvisningens sidor har korta namn."),
    417: ("Förväntan kan inte uppfyllas", "Servern kan inte uppfylla förfrågans Expect-fält."),
    431: ("För stora huvudfält", "Förfrågan har för många eller för långa huvudfält."),
    501: ("Metoden stöds inte", "Förhandsvisningen svarar bara på GET och HEAD."),
    505: ("HTTP-versionen stöds inte", "Förhandsvisningen talar HTTP/1.0 och HTTP/1.1."),
}
_OTHER_ERROR = ("Förfrågan kunde inte besvaras", "Servern kunde inte besvara förfrågan.")


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        family: int,
        preview: Preview,
        allowed_hosts: set[str] | None,
        max_connections: int,
    ):
        self.address_family = family
        self.preview = preview
        self.allowed_hosts = allowed_hosts
        self.max_connections = max_connections
        self.connections = 0  # being served now, each on its thread
        self._count_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        """A thread for the connection while there are fewer than max_connections; else it is
        closed at once, so connections left open cannot pile up threads."""
        with self._count_lock:
            full = self.connections >= self.max_connections
            if not full:
                self.connections += 1
        if full:
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._ended()
            raise

    def process_request_thread(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._ended()

    def _ended(self) -> None:
        with self._count_lock:
            self.connections -= 1

    def server_bind(self) -> None:
        # HTTPServer.server_bind asks DNS for the host's full name, which can take seconds.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def handle_error(self, request: object, client_address: object) -> None:
        """A page closed mid-reply is normal; the library never prints."""


class _Handler(BaseHTTPRequestHandler):
    server: _HttpServer
    server_version = "uppdrag"
    sys_version = ""
    protocol_version = "HTTP/1.0"  # one reply per connection; the event stream lasts until it ends
    timeout = SOCKET_SECONDS  # on the socket: a client silent this long is closed
    head_seconds = SOCKET_SECONDS  # for the whole request line and headers, however slowly they trickle in

    def handle(self) -> None:
        """One request. A client that sends its request a byte at a time, each within the socket
        timeout, is still closed once head_seconds have passed without a whole request."""
        self._head_timer = threading.Timer(self.head_seconds, self._too_slow)
        self._head_timer.daemon = True
        self._head_timer.start()
        try:
            super().handle()
        finally:
            self._head_timer.cancel()

    def parse_request(self) -> bool:
        complete = super().parse_request()  # reads the headers
        self._head_timer.cancel()
        return complete

    def _too_slow(self) -> None:
        with contextlib.suppress(OSError):  # already closed
            self.connection.shutdown(socket.SHUT_RDWR)

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's own name
        """Requests are not logged: the library never prints."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a bad request line, a long address, too many header
        fields, another method than GET and HEAD), in Swedish; its English details are left out.
        The status line keeps HTTP's standard reason phrase."""
        title, explanation = HTTP_ERRORS.get(code, _OTHER_ERROR)
        body = error_page(code, title, explanation).encode("utf-8")
        self._send(code, "text/html; charset=utf-8", body, with_body=self.command != "HEAD", close=True)

    def _answer(self, with_body: bool) -> None:
        # Only the origin form `GET /page`: an absolute one (`GET http://evil/`) names another
        # host than the Host header, and two Host headers leave it open which one counts.
        if not self.path.startswith("/") or len(self.headers.get_all("Host") or []) > 1:
            self.send_error(400)
            return
        if not self._host_allowed():
            self._send(421, "text/plain; charset=utf-8", "fel värdnamn för förhandsvisningen\n".encode(), with_body)
            return
        target = urlsplit(self.path)
        if target.path == EVENTS_PATH and with_body:
            self._stream_events(target.query)
            return
        reply = self.server.preview.reply(self.path)
        self._send(reply.status, reply.media_type, reply.body, with_body)

    def _host_allowed(self) -> bool:
        allowed = self.server.allowed_hosts
        if allowed is None:
            return True
        host = (self.headers.get("Host") or "").lower()
        if host.startswith("["):  # [::1]:8000
            name, _, rest = host.partition("]")
            name, port = name + "]", rest.removeprefix(":")
        else:
            name, _, port = host.partition(":")
        return name in allowed and port in ("", str(self.server.server_port))

    def _send(self, status: int, media_type: str, body: bytes, with_body: bool, close: bool = False) -> None:
        """One answer; close: the connection too (after a refusal http.server cannot read past)."""
        self.send_response(status)
        if close:
            self.send_header("Connection", "close")
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _stream_events(self, query: str) -> None:
        """Server-sent events: one 'data:' line once the files are no longer at version `since`."""
        preview = self.server.preview
        since = parse_qs(query).get("since", [preview.version])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(b"retry: 1000\n\n")
        self.wfile.flush()
        version = preview.wait_for_change(since, STREAM_SECONDS)
        if version is not None and version != since:
            self.wfile.write(f"data: {version}\n\n".encode())
            self.wfile.flush()
