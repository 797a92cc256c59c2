"""Export this device's changes as signed, encrypted bundle files (design.md §7).

A bundle carries this device's ops after the last exported one (or, with ``since``, every op
of this device from that day on), the media originals that new ``media``/``photo_link`` ops
need and this device's audit entries. Files are written by sync/bundle_file.py (temp name,
fsync, rename, split at the size cap); only then does one transaction advance the cursors.

Device-local state lives in ``store_info`` (no migration): ``sync.export.op_seq`` (last
exported oplog seq), ``sync.export.audit_n``, ``sync.export.next_seq`` (next bundle seq) and
``sync.export.prev`` (the previous bundle's id, the chain). Trusted device cards are kept in
``sync.trusted`` (JSON, a stop-gap until enrolment has its own table): the bundles are
encrypted to this device's own key and to every trusted supervisor/admin/county device.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..core.errors import Cancelled, DomainError
from ..store import media
from ..store.oplog import local_ops
from ..store.store import WriteTx, set_info
from ..sync import envelope
from ..sync import keys as device_keys
from ..sync.bundle_file import DEFAULT_CAP, BundleWriter
from ..sync.keys import DeviceCard, DeviceKeys
from .session import Session

K_OP_SEQ, K_AUDIT_N = "sync.export.op_seq", "sync.export.audit_n"
K_NEXT_SEQ, K_PREV = "sync.export.next_seq", "sync.export.prev"
K_TRUSTED = "sync.trusted"
RECIPIENT_ROLES = ("supervisor", "admin", "county")
ROLES = ("inspector", "supervisor", "admin", "county")


def device_keys_of(session: Session) -> DeviceKeys:
    """This device's keys (created on first use)."""
    store = session.store
    return device_keys.load_or_create(store.data_dir, store.device_id)


def trusted_devices(session: Session) -> dict[str, dict[str, Any]]:
    """device id → {"card": card dict, "role": role} (store_info ``sync.trusted``)."""
    try:
        data = json.loads(session.store.info(K_TRUSTED) or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def save_trusted(tx: WriteTx, trusted: dict[str, dict[str, Any]]) -> None:
    set_info(tx, K_TRUSTED, json.dumps(trusted, ensure_ascii=False, sort_keys=True))


def trust_device(session: Session, card: DeviceCard, role: str) -> None:
    """Enrol another device's card (supervisors and admins only)."""
    if session.user.role not in ("supervisor", "admin"):
        raise DomainError("Only a supervisor or an admin can trust a device",
                          "只有站长或管理员可以登记设备", code="permission")
    if role not in ROLES:
        raise DomainError(f"Unknown role {role}", f"未知角色 {role}")
    trusted = trusted_devices(session)
    trusted[card.device_id] = {"card": card.to_dict(), "role": role}
    session.write(lambda tx: save_trusted(tx, trusted))


def recipients(session: Session, keys: DeviceKeys) -> list[envelope.Recipient]:
    out = [envelope.Recipient.device(keys.card)]
    for device_id, rec in sorted(trusted_devices(session).items()):
        if device_id == keys.device_id or rec.get("role") not in RECIPIENT_ROLES:
            continue
        try:
            out.append(envelope.Recipient.device(DeviceCard.from_dict(rec.get("card"))))
        except Exception:  # noqa: BLE001 - a damaged stored card is left out, not fatal
            continue
    return out


def _since_prefix(since: date | str) -> str:
    day = date.fromisoformat(since) if isinstance(since, str) else since
    ms = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)
    return f"{ms:012x}"


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def export_bundles(session: Session, out_dir: Path, *, since: date | str | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None,
                   cap: int = DEFAULT_CAP) -> list[Path]:
    """Write bundles of what this device has not exported yet; returns their paths."""
    store = session.store
    keys = device_keys_of(session)
    conn = store.read()
    after = _int(store.info(K_OP_SEQ), 0)
    audit_after = _int(store.info(K_AUDIT_N), 0)
    ops = local_ops(conn, store.device_id, 0 if since is not None else after)
    if since is not None:
        prefix = _since_prefix(since)
        ops = [op for op in ops if op.hlc[:12] >= prefix]
        audit_after = 0
    audit_cols = ("id", "device_id", "n", "at", "user_id", "action", "entity", "entity_id",
                  "summary", "prev_hash", "hash")
    audit_rows = [dict(zip(audit_cols, r, strict=True)) for r in conn.execute(
        f"SELECT {', '.join(audit_cols)} FROM audit_log WHERE device_id = ? AND n > ?"  # noqa: S608
        " ORDER BY n", (store.device_id, audit_after))]
    if since is not None:
        prefix_day = str(since)
        audit_rows = [a for a in audit_rows if a["at"] >= prefix_day]
    if not ops and not audit_rows:
        return []
    total = len(ops) + 1
    writer = BundleWriter(Path(out_dir), keys, first_seq=_int(store.info(K_NEXT_SEQ), 1),
                          prev=store.info(K_PREV), recipients=recipients(session, keys),
                          demo=session.is_demo, cap=cap, card=True)
    try:
        written = _write(writer, ops, audit_rows, store.data_dir, cancel, progress, total)
    except BaseException:
        # nothing of an interrupted export stays: its seq numbers are used again next time
        for info in writer.written:
            info.path.unlink(missing_ok=True)
        raise
    if not written:
        return []
    last = written[-1]

    def advance(tx: WriteTx) -> None:
        if since is None and ops:  # a --since export re-sends; it moves no cursor
            set_info(tx, K_OP_SEQ, str(ops[-1].seq))
        if since is None and audit_rows:
            set_info(tx, K_AUDIT_N, str(audit_rows[-1]["n"]))
        set_info(tx, K_NEXT_SEQ, str(last.seq + 1))
        set_info(tx, K_PREV, last.bundle_id)

    session.write(advance)
    if progress is not None:
        progress(total, total)
    return [b.path for b in written]


def _write(writer: BundleWriter, ops: list, audit_rows: list[dict[str, Any]], data_dir: Path,
           cancel: Callable[[], bool] | None, progress: Callable[[int, int], None] | None,
           total: int) -> list:
    done = 0
    sent_blobs: set[str] = set()
    with writer:
        for op in ops:
            if cancel is not None and cancel():
                raise Cancelled()
            blobs: dict[str, Path] = {}
            sha = None
            if op.tbl == "media" and op.op == "insert":
                sha = op.row_id
            elif op.tbl == "photo_link" and op.fields and isinstance(op.fields.get("media_id"), str):
                sha = op.fields["media_id"]
            if sha and sha not in sent_blobs:
                path = media.find_media(data_dir, sha)
                if path is not None:
                    blobs[sha] = path
                    sent_blobs.add(sha)
            writer.add([op.to_json()], blobs, op_range=(str(op.seq), str(op.seq)))
            done += 1
            if progress is not None:
                progress(done, total)
        if audit_rows:
            writer.add([], audit=audit_rows)
        return writer.close()
