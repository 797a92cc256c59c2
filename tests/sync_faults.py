"""A real WebDAV server (wsgidav on cheroot, 127.0.0.1, basic auth) behind injectable faults.

``serve(root)`` starts it in a thread on a free port; ``server.faults.add(...)`` makes the
next matching request(s) fail in a chosen way — an HTTP status (with Retry-After), a 200
HTML page (captive portal), a PUT cut off midway, a reply lost after the server stored the
file, a slow answer, a PROPFIND listing cut short or missing entries. A fault fires
``times`` times and is then gone, so "the next attempt completes" can be shown.
"""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

USER, PASSWORD = "张三", "密码 secret"


class _DropConnection(ConnectionAbortedError):
    """Raised inside the response body: cheroot closes the connection mid-reply."""


@dataclass
class Fault:
    method: str
    path: re.Pattern[str]
    kind: str  # status html slow cut_put truncate_put lost_reply cut_get cut_listing short_listing
    times: int = 1
    status: int = 500
    headers: list[tuple[str, str]] = field(default_factory=list)
    delay: float = 0.0
    fired: int = 0


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.rules: list[Fault] = []
        self.requests: list[tuple[str, str]] = []  # what reached the server

    def add(self, method: str, path: str, kind: str, **kw: Any) -> Fault:
        fault = Fault(method.upper(), re.compile(path), kind, **kw)
        with self._lock:
            self.rules.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()

    def take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            self.requests.append((method, path))
            for f in self.rules:
                if f.method in (method, "*") and f.path.search(path) and f.fired < f.times:
                    f.fired += 1
                    return f
        return None


class FaultMiddleware:
    def __init__(self, app: Any, faults: Faults) -> None:
        self.app, self.faults = app, faults

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        from urllib.parse import unquote

        method = environ["REQUEST_METHOD"]
        path = unquote(environ.get("PATH_INFO", ""))
        fault = self.faults.take(method, path)
        if fault is None:
            return self.app(environ, start_response)
        kind = fault.kind
        if kind == "status":
            _drain(environ)
            body = f"<html><body>{fault.status}</body></html>".encode()
            start_response(f"{fault.status} Injected", [("Content-Type", "text/html"),
                                                        ("Content-Length", str(len(body))),
                                                        *fault.headers])
            return [body]
        if kind == "html":
            _drain(environ)
            body = b"<!DOCTYPE html><html><body>Please log in to the hotel Wi-Fi</body></html>"
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                      ("Content-Length", str(len(body)))])
            return [body]
        if kind == "slow":
            time.sleep(fault.delay)
            return self.app(environ, start_response)
        if kind == "cut_put":  # the server keeps half the body, the client loses its reply
            length = int(environ.get("CONTENT_LENGTH") or 0)
            half = environ["wsgi.input"].read(length // 2)
            environ = dict(environ, CONTENT_LENGTH=str(len(half)))
            environ["wsgi.input"] = io.BytesIO(half)
            _run(self.app, environ)
            _drain(dict(environ))
            return _dropped(start_response)
        if kind == "truncate_put":  # a proxy that loses the end and says "created"
            length = int(environ.get("CONTENT_LENGTH") or 0)
            data = environ["wsgi.input"].read(length)
            environ = dict(environ, CONTENT_LENGTH=str(length // 2))
            environ["wsgi.input"] = io.BytesIO(data[:length // 2])
            return self.app(environ, start_response)
        if kind == "lost_reply":  # the server did the work; the reply never arrives
            _run(self.app, environ)
            return _dropped(start_response)
        if kind == "cut_get":  # the download breaks off halfway
            status, headers, body = _run(self.app, environ)
            start_response(status, headers)

            def half() -> Iterator[bytes]:
                yield body[: len(body) // 2]
                raise _DropConnection("fault: download cut")

            return half()
        if kind in ("cut_listing", "short_listing"):
            status, headers, body = _run(self.app, environ)
            if kind == "cut_listing":
                body = body[: len(body) // 2]
            else:  # drop every other <response> element: well-formed, but incomplete
                parts = re.split(rb"(?=<(?:\w+:)?response[ >])", body)
                body = b"".join(p for i, p in enumerate(parts) if i == 0 or i % 2 == 1)
                if not body.rstrip().endswith(b"multistatus>"):
                    body += b"</ns0:multistatus>" if b"ns0:" in body[:400] else b""
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            start_response(status, headers + [("Content-Length", str(len(body)))])
            return [body]
        raise AssertionError(kind)


def _drain(environ: dict[str, Any]) -> None:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length:
        environ["wsgi.input"].read(length)


def _run(app: Any, environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
    captured: dict[str, Any] = {}

    def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        captured["status"], captured["headers"] = status, headers

    result = app(environ, start)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return captured["status"], captured["headers"], body


def _dropped(start_response: Any) -> Iterator[bytes]:
    start_response("201 Created", [("Content-Length", "1000"), ("Content-Type", "text/plain")])

    def body() -> Iterator[bytes]:
        yield b"partial"
        raise _DropConnection("fault: connection dropped")

    return body()


@dataclass
class Server:
    url: str
    root: Path
    faults: Faults
    _server: Any
    _thread: threading.Thread

    def stop(self) -> None:
        self._server.stop()
        self._thread.join(timeout=10)


@contextmanager
def serve(root: Path, *, mount: str = "/dav") -> Iterator[Server]:
    """A wsgidav server on 127.0.0.1 serving ``root`` at ``mount`` with basic auth."""
    import logging

    from cheroot import wsgi
    from wsgidav.wsgidav_app import WsgiDAVApp

    root.mkdir(parents=True, exist_ok=True)
    config = {
        "host": "127.0.0.1", "port": 0, "provider_mapping": {mount: str(root)},
        "http_authenticator": {"domain_controller": None, "accept_basic": True,
                               "accept_digest": False, "default_to_digest": False},
        "simple_dc": {"user_mapping": {"*": {USER: {"password": PASSWORD}}}},
        "verbose": 0, "logging": {"enable": False, "enable_loggers": []},
        "property_manager": True, "lock_storage": True,
    }
    app = WsgiDAVApp(config)
    logging.getLogger("wsgidav").setLevel(logging.CRITICAL)
    faults = Faults()
    server = wsgi.Server(("127.0.0.1", 0), FaultMiddleware(app, faults), numthreads=8,
                         timeout=10)
    server.prepare()
    port = server.bind_addr[1]
    thread = threading.Thread(target=server.serve, daemon=True, name="wsgidav")
    thread.start()
    s = Server(f"http://127.0.0.1:{port}{mount}/", root, faults, server, thread)
    try:
        yield s
    finally:
        s.stop()
