"""Import bundles from other devices: verify everything, then apply in one transaction.

Every bundle is verified whole first (bundle_reader: signature by the sending device's key,
entry hashes and sizes, names), then checked: demo flag, each op's table and columns against
the schema allow-list (a name from a bundle reaches SQL text only after it matched a known
column), and the chain per device (``sync.peer.<device>`` in store_info: the last applied
bundle's seq and id). Bundles after a gap, or from a device that is not trusted, are *held*:
reported, not applied. Then one write transaction, with the oplog silent
(``tx.applying_remote()``), applies the ops bundle by bundle under a savepoint: authority is
checked per op (``permissions.event_action`` for hazard events; an inspector's device writes
no users, regions, agencies, settings or devices) and a refused bundle is rolled back alone.
Ops are idempotent (``RemoteApply.record``) and merged last-writer-wins by HLC per row;
deletions are applied as tombstones; touched hazards are re-derived from their events.

Trust is a stop-gap until enrolment: ``sync.trusted`` (see sync_export.py) holds trusted
cards; ``trust_new`` trusts the card a bundle carries on first use (with ``role``).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import hazard_status as hs
from ..core.permissions import ROLE_ACTIONS, event_action
from ..photos.sniff import EXT_BY_MIME
from ..store import media
from ..store.oplog import Op
from ..store.schema import SYNCED_TABLES, columns_of, unsynced_columns
from ..store.store import WriteTx, set_info
from ..sync import envelope
from ..sync.bundle_reader import VerifiedBundle, peek_manifest, read_bundle
from ..sync.errors import BundleError
from ..sync.keys import DeviceCard
from .hazard_derived import events_of, rederive
from .session import Session
from .sync_export import device_keys_of, save_trusted, trusted_devices

PEER = "sync.peer."
RANK = {"inspector": 0, "supervisor": 1, "county": 1, "admin": 2}
ADMIN_TABLES = frozenset({"app_user", "region", "agency", "setting", "device"})
AUDIT_COLS = ("id", "device_id", "n", "at", "user_id", "action", "entity", "entity_id",
              "summary", "prev_hash", "hash")


@dataclass
class ImportReport:
    applied: int = 0  # ops applied
    skipped: int = 0  # ops (or whole bundles) already here
    held: int = 0  # bundles held (gap in the chain, untrusted device)
    details: list[dict[str, Any]] = field(default_factory=list)  # one per bundle

    def to_json(self) -> dict[str, Any]:
        return {"applied": self.applied, "skipped": self.skipped, "held": self.held,
                "details": self.details}


class Refused(Exception):
    def __init__(self, reason: str, en: str, zh: str) -> None:
        super().__init__(en)
        self.reason, self.en, self.zh = reason, en, zh


def _q(name: str) -> str:
    return '"' + name + '"'  # only ever called with names from the allow-list


def _check_op(raw: dict[str, Any], device: str) -> Op:
    tbl, kind = raw.get("tbl"), raw.get("op")
    if not isinstance(tbl, str) or tbl not in SYNCED_TABLES:
        raise Refused("table", f"an op names an unknown table {str(tbl)[:40]!r}",
                      f"变更记录指向未知的数据表 {str(tbl)[:40]!r}")
    if kind not in ("insert", "update", "delete"):
        raise Refused("op", f"an op has an unknown kind {str(kind)[:20]!r}",
                      f"变更记录类型未知 {str(kind)[:20]!r}")
    fields = raw.get("fields")
    allowed = set(columns_of(tbl)) - unsynced_columns(tbl)
    if kind != "delete":
        if not isinstance(fields, dict):
            raise Refused("op", "an op has no fields", "变更记录缺少字段")
        bad = [k for k in fields if not isinstance(k, str) or k not in allowed]
        if bad:
            raise Refused("column", f"an op names an unknown column {str(bad[0])[:40]!r} of {tbl}",
                          f"变更记录指向数据表 {tbl} 中未知的列 {str(bad[0])[:40]!r}")
        for v in fields.values():
            if v is not None and not isinstance(v, (str, int, float)):
                raise Refused("op", "an op has a value of a wrong type", "变更记录中有类型错误的值")
    for key in ("op_id", "row_id", "hlc"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise Refused("op", f"an op has no {key}", f"变更记录缺少 {key}")
    if raw.get("device_id") != device:
        raise Refused("op", "an op names another device than its bundle",
                      "变更记录所属设备与同步包不符")
    seq = raw.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise Refused("op", "an op has no seq", "变更记录缺少序号")
    base = raw.get("base_hlc")
    return Op(raw["op_id"], device, seq, tbl, raw["row_id"], kind,
              fields if kind != "delete" else None, raw["hlc"], base if isinstance(base, str) else None)


@dataclass
class _Ready:
    bundle: VerifiedBundle
    ops: list[Op]
    audit: list[dict[str, Any]]
    role: str
    detail: dict[str, Any]
    card: dict[str, Any] | None = None  # trusted on first use (saved when applied)


def _peer_state(session: Session, device: str) -> tuple[int, str | None]:
    try:
        data = json.loads(session.store.info(PEER + device) or "null")
        return int(data["seq"]), data["id"]
    except (ValueError, TypeError, KeyError):
        return 0, None


def _refuse(detail: dict[str, Any], exc: BundleError | Refused) -> None:
    detail.update(status="refused", reason=exc.reason, message=exc.en, message_zh=exc.zh)


def import_bundles(session: Session, paths: list[Path] | list[str], *, trust_new: bool = False,
                   role: str = "supervisor") -> ImportReport:
    report = ImportReport()
    keys = device_keys_of(session)
    identities = envelope.identities(keys)
    trusted = trusted_devices(session)
    ready: list[_Ready] = []
    for path in map(Path, paths):
        detail: dict[str, Any] = {"file": path.name}
        report.details.append(detail)
        try:
            manifest = peek_manifest(path)
            device = manifest.get("device_id")
            detail.update(device=device, seq=manifest.get("seq"))
            if device == keys.device_id:
                detail.update(status="skipped", reason="own")
                report.skipped += 1
                continue
            rec = trusted.get(device) if isinstance(device, str) else None
            card_dict = None
            if rec is None:
                card_dict = manifest.get("device_card")
                if not trust_new or not isinstance(card_dict, dict):
                    detail.update(status="held", reason="untrusted")
                    report.held += 1
                    continue
                card = DeviceCard.from_dict(card_dict)
                if card.device_id != device:
                    raise Refused("signature", "the card in the bundle names another device",
                                  "同步包中的设备名片与其设备不符")
                dev_role = role
            else:
                card = DeviceCard.from_dict(rec.get("card"))
                dev_role = rec.get("role") or "inspector"
            bundle = read_bundle(path, {device: card.sign_public}, identities=identities)
            if bundle.demo and not session.is_demo:
                raise Refused("demo", f"{path.name} comes from a demo store; a real store does not "
                              "take demo data", f"同步包 {path.name} 来自演示数据，不能导入正式数据")
            ops = [_check_op(raw, device) for raw in bundle.iter_ops()]
            audit = [a for a in bundle.iter_audit() if a.get("device_id") == device]
            ready.append(_Ready(bundle, ops, audit, dev_role, detail, card_dict))
        except (BundleError, Refused) as exc:
            _refuse(detail, exc)
        except Exception as exc:  # noqa: BLE001 - e.g. a damaged card: refuse this bundle
            detail.update(status="refused", reason="invalid", message=str(exc), message_zh=str(exc))
    # the chain per device, in seq order
    chains: dict[str, tuple[int, str | None]] = {}
    todo: list[_Ready] = []
    for r in sorted(ready, key=lambda r: (r.bundle.device_id, r.bundle.seq)):
        dev = r.bundle.device_id
        last_seq, last_id = chains.get(dev) or _peer_state(session, dev)
        if r.bundle.seq == last_seq and last_id and r.bundle.bundle_id != last_id:
            r.detail.update(status="refused", reason="forked", message=(
                f"{r.bundle.path.name}: device {dev} sent two different bundles numbered "
                f"{last_seq} (a copied device?); not merged"), message_zh=(
                f"同步包 {r.bundle.path.name}：设备 {dev} 有两个编号同为 {last_seq} 的不同同步包"
                "（设备可能被复制），不予合并"))
            continue
        if r.bundle.seq <= last_seq:
            r.detail.update(status="skipped", reason="already_applied")
            report.skipped += 1
            continue
        if r.bundle.seq != last_seq + 1 or r.bundle.prev != last_id:
            r.detail.update(status="held", reason="gap", waiting_for=last_seq + 1)
            report.held += 1
            chains[dev] = (10**12, None)  # later bundles of this device wait too
            continue
        chains[dev] = (r.bundle.seq, r.bundle.bundle_id)
        todo.append(r)
    if not todo:
        return report
    # blobs first (content-addressed: a file left by an interrupted import is reused next time)
    data_dir = session.store.data_dir
    mimes: dict[str, str] = {}
    for r in todo:
        for op in r.ops:
            if op.tbl == "media" and op.fields and isinstance(op.fields.get("mime"), str):
                mimes[op.row_id] = op.fields["mime"]
    for r in todo:
        for sha in r.bundle.blob_hashes:
            if media.find_media(data_dir, sha) is not None:
                continue
            ext = EXT_BY_MIME.get(mimes.get(sha, ""), "bin")
            with tempfile.TemporaryDirectory(prefix="inspector-blob-") as tmpdir:
                tmp = r.bundle.extract_blob(sha, Path(tmpdir) / sha)
                media.put_stream(data_dir, tmp, ext, expected=sha)
    session.write(lambda tx: _apply(tx, todo, report, trusted))
    return report


def _apply(tx: WriteTx, todo: list[_Ready], report: ImportReport,
           trusted: dict[str, dict[str, Any]]) -> None:
    conn = tx.conn
    touched: list[str] = []
    blocked: set[str] = set()
    changed_trust = False
    with tx.applying_remote() as remote:
        for r in todo:
            dev = r.bundle.device_id
            if dev in blocked:
                r.detail.update(status="held", reason="gap")
                report.held += 1
                continue
            conn.execute("SAVEPOINT bundle")
            applied = skipped = 0
            mine: list[str] = []
            try:
                for op in r.ops:
                    _authorise(conn, op, r.role)
                    if not remote.record(op):
                        skipped += 1
                        continue
                    _apply_op(conn, op)
                    applied += 1
                    if op.tbl == "hazard":
                        mine.append(op.row_id)
                    elif op.tbl == "hazard_event":
                        row = conn.execute("SELECT hazard_id FROM hazard_event WHERE id = ?",
                                           (op.row_id,)).fetchone()
                        if row and row[0]:
                            mine.append(row[0])
                for a in r.audit:
                    conn.execute(
                        f"INSERT OR IGNORE INTO audit_log({', '.join(AUDIT_COLS)})"  # noqa: S608
                        f" VALUES ({', '.join('?' for _ in AUDIT_COLS)})",
                        [a.get(c) for c in AUDIT_COLS])
            except Refused as exc:
                conn.execute("ROLLBACK TO bundle")
                conn.execute("RELEASE bundle")
                _refuse(r.detail, exc)
                blocked.add(dev)
                continue
            conn.execute("RELEASE bundle")
            set_info(tx, PEER + dev, json.dumps({"seq": r.bundle.seq, "id": r.bundle.bundle_id}))
            if r.card is not None and dev not in trusted:
                trusted[dev] = {"card": r.card, "role": r.role}
                changed_trust = True
            touched += mine
            report.applied += applied
            report.skipped += skipped
            r.detail.update(status="applied", applied=applied, skipped=skipped)
        if touched:
            rederive(tx, touched)
    if changed_trust:
        save_trusted(tx, trusted)


def _role_of_user(conn: Any, user_id: Any) -> str | None:
    if not isinstance(user_id, str):
        return None
    row = conn.execute("SELECT role FROM app_user WHERE id = ?", (user_id,)).fetchone()
    return row[0] if row else None


def _authorise(conn: Any, op: Op, device_role: str) -> None:
    role = device_role
    if op.tbl in ADMIN_TABLES and RANK.get(role, 0) < 1:
        raise Refused("authority", f"an inspector's device may not change {op.tbl}",
                      f"网格员的设备无权修改 {op.tbl}")
    if op.tbl != "hazard_event" or op.op != "insert" or not op.fields:
        return
    user_role = _role_of_user(conn, op.fields.get("by_user"))
    if user_role is not None and RANK.get(user_role, 0) < RANK.get(role, 0):
        role = user_role
    hazard_id = op.fields.get("hazard_id")
    events = events_of(conn, hazard_id) if isinstance(hazard_id, str) else []
    level = hs.derive(events).level if events else "general"
    kind = str(op.fields.get("kind"))
    action = event_action(kind, level)
    actions = ROLE_ACTIONS.get("admin" if role == "county" else role, frozenset())
    if action not in actions:
        raise Refused("authority", f"a {role}'s device may not record {kind} on a {level} hazard",
                      f"{role} 的设备无权对{'重大' if level == 'major' else '一般'}隐患记录 {kind}")


def _apply_op(conn: Any, op: Op) -> None:
    t = _q(op.tbl)
    row = conn.execute(f"SELECT hlc FROM {t} WHERE id = ?", (op.row_id,)).fetchone()  # noqa: S608
    if op.op == "delete":
        if row is not None and row[0] <= op.hlc:
            conn.execute(f"DELETE FROM {t} WHERE id = ?", (op.row_id,))  # noqa: S608
        return
    fields = {k: v for k, v in (op.fields or {}).items() if k != "id"}
    if row is None:
        if op.op == "insert":
            cols = ["id", *fields]
            conn.execute(f"INSERT INTO {t} ({', '.join(map(_q, cols))})"  # noqa: S608
                         f" VALUES ({', '.join('?' for _ in cols)})", [op.row_id, *fields.values()])
        return  # an update of a row not here (yet): nothing to merge into
    if row[0] is not None and op.hlc <= row[0]:
        return  # the row here is newer: last writer wins
    fields["hlc"] = op.hlc
    sets = ", ".join(f"{_q(c)} = ?" for c in fields)
    conn.execute(f"UPDATE {t} SET {sets} WHERE id = ?", [*fields.values(), op.row_id])  # noqa: S608
