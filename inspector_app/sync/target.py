"""The layout of a sync target (design.md §7), over any :class:`Transport`.

::

    FORMAT                                  {"app", "format", "target_id"} — written last on init
    devices/<device>.<revision>.head        small JSON; a new name with each index revision
    devices/<device>/index.json             that device's bundle list
    devices/<device>/bundles/<seq>-<id>.isb the bundles (immutable once in place)
    tmp/<device>/                           uploads in progress (never read by others)

Each device writes only below its own names, so no locks are needed. A sync reads
``FORMAT`` and lists ``devices/`` once: the names of the ``.head`` entries in that one
listing carry each device's index revision, which tells which devices pushed since the last
sync, and only those indexes are fetched. An incremental sync with nothing new therefore costs two requests, whatever the
number of devices and bundles. (Why a head file beside the folder, and why the revision in
its name: a folder's etag or date does not reliably change when a file inside it does, and
file etags and dates differ between servers and may repeat within one second; a name is
the same on every server.) A push writes the new head before it deletes the old one, so a
reader may briefly see two and takes the higher revision.

Uploads go to ``tmp/<device>/`` with their exact length, are checked by size, then MOVEd into
place without overwriting; "already there with the same size" (the name carries the
manifest hash) counts as success, so a retried push after a lost reply completes. The
index is written after its bundles and the head after the index, each via tmp + MOVE: a
reader sees either the old or the new state, never a bundle that is not complete. Folders
are created only when a PUT or MOVE finds its parent missing (409), so a push to a known
target costs no MKCOL: 8 requests plus 4 per new bundle.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector_app.sync.bundle_file import HEX64, NAME_RE, file_digest
from inspector_app.sync.errors import TransportError
from inspector_app.sync.transport import Entry, Transport

TARGET_FORMAT = 1
APP = "inspector-app"
HEAD_SUFFIX = ".head"
SMALL = 4 * 1024 * 1024  # FORMAT, heads and indexes are at most this large
_DEVICE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")


def _foreign(where: str) -> TransportError:
    return TransportError(
        "foreign_target", f"{where} is not empty and is not a sync target of this app (no "
        "FORMAT file): choose an empty folder or an existing sync target",
        f"{where} 不是空的，也不是本程序的同步位置（没有 FORMAT 文件）：请选择空文件夹或已有的同步位置")


def _ignorable(name: str) -> bool:
    """What operating systems put on a fresh stick or share: it does not make it foreign."""
    return name.startswith(".") or name in ("System Volume Information", "$RECYCLE.BIN",
                                            "desktop.ini", "Thumbs.db")


def check_device_id(device_id: str) -> str:
    """Device ids become path segments on the target: letters, digits, ``_.-`` only."""
    if not _DEVICE_RE.match(device_id) or ".." in device_id or device_id.endswith(HEAD_SUFFIX):
        raise ValueError(f"device id unusable as a folder name: {device_id!r}")
    return device_id


@dataclass(frozen=True)
class IndexEntry:
    name: str
    seq: int
    size: int
    sha256: str


@dataclass
class Index:
    device_id: str
    bundles: list[IndexEntry]
    revision: int = 0

    def to_bytes(self) -> bytes:
        return json.dumps({"format": TARGET_FORMAT, "device_id": self.device_id,
                           "revision": self.revision, "bundles": [e.__dict__ for e in sorted(self.bundles,
                                                                  key=lambda e: e.seq)]},
                          ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def parse(cls, data: bytes, device_id: str) -> Index:
        try:
            raw = json.loads(data.decode("utf-8"))
            if not isinstance(raw, dict) or raw.get("device_id") != device_id:
                raise ValueError("index of another device")
            out = []
            for e in raw.get("bundles") or []:
                m = NAME_RE.match(e.get("name", ""))
                if not m or int(m.group(1)) != e.get("seq") or not isinstance(e.get("size"), int)\
                        or not HEX64.match(str(e.get("sha256"))):
                    raise ValueError(f"bad entry {e!r}")
                out.append(IndexEntry(e["name"], e["seq"], e["size"], e["sha256"]))
            revision = raw.get("revision", 0)
            if not isinstance(revision, int) or revision < 0:
                raise ValueError("bad revision")
        except (UnicodeDecodeError, ValueError, AttributeError, TypeError) as exc:
            raise TransportError("bad_index", f"The bundle list of device {device_id} on the "
                                 f"sync target is damaged ({exc})",
                                 f"同步位置上设备 {device_id} 的同步包列表已损坏（{exc}）") from exc
        return cls(device_id, out, revision)


class SyncTarget:
    """One device's view of a target: its own folder to write, everyone's to read."""

    def __init__(self, transport: Transport, device_id: str) -> None:
        self.t = transport
        self.device_id = check_device_id(device_id)
        self.target_id: str | None = None
        self._made: set[str] = set()

    # --- FORMAT --------------------------------------------------------------------------

    def open(self, *, init: bool = True) -> str:
        """Read ``FORMAT`` (one request); initialise an empty target; refuse a foreign one."""
        data = self.t.read("FORMAT", SMALL)
        if data is None:
            if not init or [e for e in self.t.list_dir("") if not _ignorable(e.name)]:
                raise _foreign(self.t.describe())
            for folder in ("devices", "tmp"):
                self._mkdir(folder)
            self.target_id = uuid.uuid4().hex
            body = json.dumps({"app": APP, "format": TARGET_FORMAT,
                               "target_id": self.target_id}).encode()
            self._replace("FORMAT", body)
            return self.target_id
        try:
            info = json.loads(data.decode("utf-8"))
            if not isinstance(info, dict) or info.get("app") != APP:
                raise ValueError
            fmt, target_id = info.get("format"), info.get("target_id")
            if not isinstance(fmt, int) or not isinstance(target_id, str):
                raise ValueError
        except (UnicodeDecodeError, ValueError):
            raise _foreign(self.t.describe()) from None
        if fmt > TARGET_FORMAT:
            raise TransportError("newer_target", f"The sync target uses layout version {fmt}; "
                                 "update the app to sync with it",
                                 f"同步位置使用第 {fmt} 版结构，请升级程序后再同步")
        self.target_id = target_id
        return target_id

    # --- reading --------------------------------------------------------------------------

    def scan(self) -> dict[str, str]:
        """Device id → change token (its index revision), from one listing of ``devices/``."""
        return {d: str(max(revs)) for d, revs in self._heads().items()}

    def _heads(self, listing: list[Entry] | None = None) -> dict[str, list[int]]:
        heads: dict[str, list[int]] = {}
        for entry in self.t.list_dir("devices") if listing is None else listing:
            if entry.is_dir or not entry.name.endswith(HEAD_SUFFIX):
                continue
            device, _, rev = entry.name[:-len(HEAD_SUFFIX)].rpartition(".")
            if _DEVICE_RE.match(device) and rev.isdigit() and len(rev) < 12:
                heads.setdefault(device, []).append(int(rev))
        return heads

    def changed(self, known: dict[str, str]) -> tuple[dict[str, str], list[str]]:
        """The current tokens and the devices (not this one) whose token is not ``known``."""
        heads = self.scan()
        return heads, sorted(d for d, tok in heads.items()
                             if d != self.device_id and known.get(d) != tok)

    def read_index(self, device_id: str) -> Index:
        check_device_id(device_id)
        data = self.t.read(f"devices/{device_id}/index.json", SMALL)
        return Index(device_id, []) if data is None else Index.parse(data, device_id)

    def download(self, device_id: str, entry: IndexEntry, dest_dir: Path) -> Path:
        """Fetch one bundle into ``dest_dir`` (resuming a partial copy), checked by sha256."""
        check_device_id(device_id)
        dest_dir = Path(dest_dir)
        dest_dir.mkdir(parents=True, exist_ok=True)
        final = dest_dir / entry.name
        if final.exists() and file_digest(final) == (entry.size, entry.sha256):
            return final
        part = dest_dir / f".{entry.name}.part"
        self.t.download(f"devices/{device_id}/bundles/{entry.name}", part, entry.size)
        if file_digest(part) != (entry.size, entry.sha256):
            part.unlink(missing_ok=True)
            raise TransportError("hash", f"The downloaded bundle {entry.name} does not match its "
                                 "listed hash; it will be fetched again",
                                 f"下载的同步包 {entry.name} 与列表中的哈希不符，将重新下载",
                                 retryable=True)
        part.replace(final)
        return final

    # --- writing (own folder only) --------------------------------------------------------

    def push(self, bundles: list[Path]) -> Index:
        """Upload bundle files not yet in place, then publish the index and the head."""
        mine = f"devices/{self.device_id}"
        self._clear_stale_uploads()
        listing = self.t.list_dir("devices")
        published = self._heads(listing).get(self.device_id, [])
        data = self.t.read(f"{mine}/index.json", SMALL)
        index = Index(self.device_id, []) if data is None else Index.parse(data, self.device_id)
        # MOVE needs its destination folder, and servers disagree on how they say it is
        # missing (409, 404, even 403): make ours unless this listing or the index shows it
        if not any(e.is_dir and e.name == self.device_id for e in listing):
            for folder in ("devices", mine, f"{mine}/bundles"):
                self._mkdir(folder)
        elif data is None:
            self._mkdir(f"{mine}/bundles")
        listed = {e.name: e for e in index.bundles}
        for path in bundles:
            m = NAME_RE.match(path.name)
            if not m:
                raise ValueError(f"not a bundle file name: {path.name}")
            size, sha = file_digest(path)
            if path.name in listed and listed[path.name].sha256 == sha:
                continue
            self._upload(path, f"{mine}/bundles/{path.name}", size)
            listed[path.name] = IndexEntry(path.name, int(m.group(1)), size, sha)
        new = Index(self.device_id, list(listed.values()), index.revision)
        if sorted(new.bundles, key=lambda e: e.seq) != sorted(index.bundles, key=lambda e: e.seq)\
                or index.revision not in published:
            new.revision = max([index.revision, *published]) + 1
            body = new.to_bytes()
            self._replace(f"{mine}/index.json", body)
            head = {"device_id": self.device_id, "revision": new.revision,
                    "count": len(new.bundles),
                    "last_seq": max((e.seq for e in new.bundles), default=0),
                    "index_sha256": hashlib.sha256(body).hexdigest()}
            self._replace(self._head_path(new.revision), json.dumps(head).encode())
        for old in published:  # older heads (also those of a push that died in between)
            if old != new.revision:
                self.t.delete(self._head_path(old))
        return new

    def _head_path(self, revision: int) -> str:
        return f"devices/{self.device_id}.{revision}{HEAD_SUFFIX}"

    def _mkdir(self, folder: str) -> None:
        if folder not in self._made:
            self.t.mkdir(folder)
            self._made.add(folder)

    def _with_parents(self, path: str, action: Callable[[], None]) -> None:
        """Run a PUT to ``path``; when it is refused in a way that may mean a missing folder
        (409 by RFC 4918; 404 or 403 from some servers), make the folders and try once more.

        So a push to a target that has ``tmp/<device>/`` costs no MKCOL requests.
        """
        try:
            action()
            return
        except TransportError as exc:
            if exc.reason not in ("conflict", "not_found", "forbidden"):
                raise
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            self.t.mkdir("/".join(parts[:i]))
        action()

    def _tmp_name(self, name: str) -> str:
        return f"tmp/{self.device_id}/{uuid.uuid4().hex[:12]}-{name}.part"

    def _clear_stale_uploads(self) -> None:
        """Parts of uploads that died (a pulled stick, a dropped connection)."""
        for entry in self.t.list_dir(f"tmp/{self.device_id}"):
            if not entry.is_dir and entry.name.endswith(".part"):
                self.t.delete(f"tmp/{self.device_id}/{entry.name}")

    def _replace(self, path: str, body: bytes) -> None:
        """Small files that change (index, head, FORMAT): tmp, then MOVE over the old one."""
        if path != "FORMAT":
            tmp = self._tmp_name(Path(path).name)
        else:
            tmp = f"tmp/FORMAT-{uuid.uuid4().hex[:12]}.part"
        self._with_parents(tmp, lambda: self.t.put(tmp, body))
        self.t.move(tmp, path, overwrite=True)

    def _upload(self, local: Path, final: str, size: int) -> None:
        existing = self.t.stat(final)
        if existing is not None:
            if existing.size == size:
                return  # already there (an earlier push whose reply was lost)
            raise self._clash(final)
        tmp = self._tmp_name(local.name)
        self._with_parents(tmp, lambda: self.t.put(tmp, local))
        uploaded = self.t.stat(tmp)
        if uploaded is None or uploaded.size != size:
            self.t.delete(tmp)
            raise TransportError("incomplete", f"The upload of {local.name} arrived incomplete "
                                 f"({uploaded.size if uploaded else 0} of {size} bytes); it will "
                                 "be sent again", f"同步包 {local.name} 上传不完整，将重新上传",
                                 retryable=True)
        self._move_into_place(tmp, final, size)

    def _move_into_place(self, tmp: str, final: str, size: int) -> None:
        last: TransportError | None = None
        for _ in range(2):
            try:
                self.t.move(tmp, final, overwrite=False)
                return
            except TransportError as exc:
                if exc.reason not in ("network", "not_found", "exists", "server"):
                    raise
                last = exc
            there: Entry | None = self.t.stat(final)
            if there is not None:
                if there.size == size:
                    self.t.delete(tmp)  # the MOVE happened, its reply was lost (or raced)
                    return
                raise self._clash(final)
            if self.t.stat(tmp) is None:
                raise TransportError("vanished", f"The uploaded file {tmp} vanished from the "
                                     "sync target before it was moved into place; it will be "
                                     "sent again", "上传的文件在移入目标位置前从同步服务器上消失，将重新上传",
                                     retryable=True)
        assert last is not None
        raise last

    def _clash(self, final: str) -> TransportError:
        return TransportError(
            "fork", f"{final} already exists on the sync target with different content: "
            "another installation uses this device's id (a copied data folder?)",
            f"同步位置上已有内容不同的 {final}：另一台电脑在使用本机的设备编号（数据文件夹被复制？）")
