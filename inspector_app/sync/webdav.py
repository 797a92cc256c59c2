"""A WebDAV server as a sync target (坚果云/Nutstore, a NAS, Nextcloud, Apache, rclone).

Spoken with ``httpx`` directly: the layout needs only PROPFIND (depth 0 and 1), GET (with
Range, to resume), PUT (with Content-Length), MKCOL, MOVE (Overwrite: F / T) and DELETE,
and every request must be counted and retried under one policy. Only RFC 4918 behaviour is
relied on: no depth-infinity listings, no locks, no server-specific checksums.

Retries: network errors and 5xx on idempotent requests, 429/503 after their Retry-After
(within ``RetryPolicy.max_retry_after``), with backoff, within the request budget. MOVE is
not retried here — target.py checks with PROPFIND whether a lost reply hid a MOVE that
happened. A 2xx answer to GET or PROPFIND that is an HTML page is a captive portal (hotel,
public Wi-Fi); redirects are not followed (a log-in page, or a wrong address) but reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import httpx
from defusedxml import ElementTree

from inspector_app import __version__
from inspector_app.sync.errors import TransportError
from inspector_app.sync.transport import (
    Entry,
    RetryPolicy,
    Transport,
    auth_error,
    captive_portal,
    network_error,
    parse_retry_after,
    redirected,
    status_error,
)

CHUNK = 1024 * 1024
DAV = "{DAV:}"
PROPFIND_BODY = (b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
                 b"<d:resourcetype/><d:getcontentlength/><d:getetag/><d:getlastmodified/>"
                 b"</d:prop></d:propfind>")
_NETWORK = (httpx.TransportError,)  # connect/read/write errors, timeouts, protocol errors


class WebDavTransport(Transport):
    def __init__(self, url: str, user: str | None = None, password: str | None = None, *,
                 policy: RetryPolicy | None = None, timeout: float = 60.0,
                 client: httpx.Client | None = None) -> None:
        super().__init__(policy)
        parts = urlsplit(url if url.endswith("/") else url + "/")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not a WebDAV URL: {url!r}")
        self._base_path = unquote(parts.path)
        # one spelling, percent-encoded: a Destination header must be ASCII, and listings
        # are compared on the decoded path either way
        host = parts.netloc.rpartition("@")[2]  # credentials never stay in the URL
        self.base = f"{parts.scheme}://{host}{quote(self._base_path, safe='/')}"
        if user is None and parts.username:
            user, password = unquote(parts.username), unquote(parts.password or "")
        auth = httpx.BasicAuth(user, password or "") if user else None
        self.client = client or httpx.Client(
            auth=auth, follow_redirects=False, timeout=httpx.Timeout(timeout, connect=15.0),
            headers={"User-Agent": f"inspector-app/{__version__}"})

    def describe(self) -> str:
        p = urlsplit(self.base)
        return f"{p.scheme}://{p.netloc}{self._base_path}"

    def close(self) -> None:
        self.client.close()

    def url(self, path: str, *, folder: bool = False) -> str:
        segments = [s for s in path.split("/") if s]
        if any(s in (".", "..") for s in segments):
            raise ValueError(f"bad target path {path!r}")
        rel = "/".join(quote(s, safe="") for s in segments)
        return self.base + rel + ("/" if folder and rel else "")

    # --- one request, retried ------------------------------------------------------------

    def _send(self, method: str, url: str, what: str, *, headers: dict[str, str] | None = None,
              body: Callable[[], bytes | Iterator[bytes]] | None = None, retry: bool = True,
              stream: bool = False) -> httpx.Response:
        policy = self.policy
        for attempt in range(policy.attempts):
            self.count()
            try:
                request = self.client.build_request(method, url, headers=headers,
                                                    content=body() if body else None)
                response = self.client.send(request, stream=stream)
            except _NETWORK as exc:
                if retry and attempt + 1 < policy.attempts:
                    policy.wait(policy.backoff(attempt))
                    continue
                raise network_error(what, exc) from exc
            status = response.status_code
            if status in (401, 403):
                response.close()
                raise auth_error(status)
            if 300 <= status < 400:
                response.close()
                raise redirected(what, response.headers.get("Location", ""))
            if status in (429, 503, 423) or (status >= 500 and status not in (501, 505, 507)):
                after = parse_retry_after(response.headers.get("Retry-After"))
                response.close()
                if retry and attempt + 1 < policy.attempts and \
                        (after is None or after <= policy.max_retry_after):
                    policy.wait(after if after is not None else policy.backoff(attempt))
                    continue
                raise status_error(status, what, after)
            return response
        raise AssertionError("unreachable")

    def _fail(self, response: httpx.Response, what: str) -> TransportError:
        response.close()
        if response.status_code == 404:
            return TransportError("not_found", f"{what}: not found on the sync server (404)",
                                  f"{what}：同步服务器上找不到（404）", status=404)
        return status_error(response.status_code, what)

    @staticmethod
    def _looks_html(response: httpx.Response, head: bytes) -> bool:
        ctype = response.headers.get("Content-Type", "").lower()
        start = head.lstrip()[:15].lower()
        return "text/html" in ctype or start.startswith((b"<!doctype html", b"<html"))

    # --- the interface -------------------------------------------------------------------

    def _propfind(self, path: str, depth: str, folder: bool) -> list[tuple[str, Entry]] | None:
        what = f"listing {path or '/'}" if depth == "1" else f"checking {path}"
        r = self._send("PROPFIND", self.url(path, folder=folder), what,
                       headers={"Depth": depth, "Content-Type": "application/xml"},
                       body=lambda: PROPFIND_BODY)
        if r.status_code == 404:
            return None
        if r.status_code != 207:
            if 200 <= r.status_code < 300 and self._looks_html(r, r.content[:200]):
                raise captive_portal(what)
            raise self._fail(r, what)
        try:
            root = ElementTree.fromstring(r.content)
        except Exception as exc:  # noqa: BLE001 - defusedxml raises several kinds
            if self._looks_html(r, r.content[:200]):
                raise captive_portal(what) from exc
            raise TransportError("bad_response", f"The sync server's answer to {what} is "
                                 "damaged or cut short", f"同步服务器对{what}的回应不完整或已损坏",
                                 retryable=True) from exc
        out = []
        for resp in root.iter(f"{DAV}response"):
            href = resp.findtext(f"{DAV}href") or ""
            props, ok = {}, False
            for ps in resp.iter(f"{DAV}propstat"):
                if " 200" in (ps.findtext(f"{DAV}status") or ""):
                    ok = True
                    prop = ps.find(f"{DAV}prop")
                    if prop is not None:
                        for child in prop:
                            props[child.tag] = child
            if not ok:
                continue
            rtype = props.get(f"{DAV}resourcetype")
            is_dir = rtype is not None and rtype.find(f"{DAV}collection") is not None
            length = props.get(f"{DAV}getcontentlength")
            size = int(length.text) if length is not None and (length.text or "").strip() \
                .isdigit() else None
            etag = props.get(f"{DAV}getetag")
            modified = props.get(f"{DAV}getlastmodified")
            decoded = unquote(urlsplit(href).path)
            name = decoded.rstrip("/").rsplit("/", 1)[-1]
            out.append((decoded.rstrip("/"), Entry(
                name, is_dir, None if is_dir else size,
                etag.text if etag is not None else None,
                modified.text if modified is not None else None)))
        return out

    def stat(self, path: str) -> Entry | None:
        found = self._propfind(path, "0", folder=False)
        if not found:
            return None
        return found[0][1]

    def list_dir(self, path: str) -> list[Entry]:
        found = self._propfind(path, "1", folder=True)
        if found is None:
            return []
        own = (self._base_path + "/".join(s for s in path.split("/") if s)).rstrip("/")
        return [e for p, e in found if p != own and e.name]

    def read(self, path: str, limit: int) -> bytes | None:
        what = f"reading {path}"
        r = self._send("GET", self.url(path), what, stream=True)
        try:
            if r.status_code == 404:
                return None
            if r.status_code != 200:
                raise self._fail(r, what)
            data = b""
            try:
                for chunk in r.iter_bytes():
                    data += chunk
                    if len(data) > limit:
                        raise TransportError("too_large", f"{path} on the sync server is larger "
                                             "than expected", f"同步服务器上的 {path} 超出预期大小")
            except _NETWORK as exc:
                raise network_error(what, exc) from exc
        finally:
            r.close()
        if self._looks_html(r, data[:200]):
            raise captive_portal(what)
        return data

    def put(self, path: str, src: Path | bytes) -> None:
        what = f"uploading {path}"
        if isinstance(src, bytes):
            size, body = len(src), (lambda: src)
        else:
            size = src.stat().st_size

            def body() -> Iterator[bytes]:
                with open(src, "rb") as fh:
                    while chunk := fh.read(CHUNK):
                        yield chunk

        r = self._send("PUT", self.url(path), what, body=body,
                       headers={"Content-Length": str(size),
                                "Content-Type": "application/octet-stream"})
        r.close()
        if r.status_code not in (200, 201, 204):
            raise self._fail(r, what)

    def move(self, src: str, dst: str, *, overwrite: bool) -> None:
        what = f"moving {src} into place"
        r = self._send("MOVE", self.url(src), what, retry=False,
                       headers={"Destination": self.url(dst), "Overwrite": "T" if overwrite
                                else "F"})
        r.close()
        if r.status_code in (201, 204):
            return
        if r.status_code == 412:
            raise TransportError("exists", f"{dst} already exists on the sync server",
                                 f"同步服务器上已有 {dst}", status=412)
        raise self._fail(r, what)

    def mkdir(self, path: str) -> None:
        what = f"creating the folder {path}"
        r = self._send("MKCOL", self.url(path, folder=True), what)
        r.close()
        if r.status_code in (201, 405):  # 405: it exists already
            return
        raise self._fail(r, what)

    def delete(self, path: str) -> None:
        what = f"deleting {path}"
        r = self._send("DELETE", self.url(path), what)
        r.close()
        if r.status_code not in (200, 204, 404):
            raise self._fail(r, what)

    def download(self, path: str, dest: Path, size: int) -> None:
        what = f"downloading {path}"
        policy = self.policy
        for attempt in range(policy.attempts):
            have = dest.stat().st_size if dest.exists() else 0
            if have > size:
                dest.unlink()
                have = 0
            if have == size:
                return
            headers = {"Range": f"bytes={have}-"} if have else {}
            r = self._send("GET", self.url(path), what, headers=headers, stream=True)
            try:
                if r.status_code not in (200, 206):
                    raise self._fail(r, what)
                mode = "ab" if r.status_code == 206 else "wb"  # 200: the server ignored Range
                with open(dest, mode) as out:
                    first = True
                    for chunk in r.iter_bytes(CHUNK):
                        if first and mode == "wb" and self._looks_html(r, chunk[:200]):
                            raise captive_portal(what)
                        first = False
                        out.write(chunk)
            except _NETWORK as exc:
                if attempt + 1 >= policy.attempts:
                    raise network_error(what, exc) from exc
                policy.wait(policy.backoff(attempt))
                continue
            finally:
                r.close()
            if dest.stat().st_size == size:
                return
        raise TransportError("incomplete", f"{path} could not be downloaded completely; the next "
                             "sync resumes it", f"{path} 未能完整下载，下次同步将继续", retryable=True)
