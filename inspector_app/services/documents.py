"""Issuing official documents (文书): preview, number, store, void, serve, verify.

The non-enforcement 隐患整改通知书 path (domain.md §3, design.md §4/§6). Issuing is one
write transaction: the next number of this device's block for (agency, code, year) is taken,
the notice rendered with it (QR payload + short hash), its PDF stored content-addressed in
``documents/`` (and the user's copy written), the document recorded and audited. When the
rendering or a write fails, the number is recorded as a voided document with the reason —
never lost, never handed out twice. Serving a rectification notice notifies its hazards in
the same transaction (``rectification.notify_body``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..core import hazard_status as hs
from ..core import permissions
from ..core.deadlines import deadline
from ..core.errors import DomainError, NotFound, PermissionDenied, ValidationError
from ..documents import inputs as di
from ..documents import render_notice
from ..store.document_files import document_path, put_document, write_copy
from ..store.media import sha256_file
from ..store.store import WriteTx
from .lifecycle_common import calendar_of, day_of, hazard_for_write, row_dict
from .rectification import notify_body
from .rectification_fields import missing_error, missing_for_notice
from .session import Session

NOTICE = "notice"  # 隐患整改通知书
CODES = {NOTICE: "隐改"}
BLOCK_SIZE = 100
WARN_AT = 0.8
SERVE_HOW = ("当场", "留置", "邮寄", "电子")
STATES = ("issued", "served", "refused", "voided")
PAYLOAD = "GI-DOC"
LEVEL_ZH = {"general": "一般隐患", "major": "重大隐患"}


class DocumentWriteError(DomainError):
    """Rendering or writing an issued document failed; its number was voided."""


@dataclass(frozen=True)
class IssuedDocument:
    id: str
    number: str
    sha256: str
    path: Path
    pages: int
    warnings: tuple[str, ...] = ()


def format_number(short_name: str, code: str, year: int, n: int) -> str:
    return f"（{short_name}）{code}〔{year}〕{n}号"


def short_hash(doc_id: str, number: str) -> str:
    """The short hash printed beside the QR code (derived from the record, not the bytes)."""
    return hashlib.sha256(f"{doc_id}|{number}".encode()).hexdigest()[:12]


# ----------------------------------------------------------------------------- inputs
def _agency(conn) -> dict[str, Any]:
    row = row_dict(conn, "SELECT * FROM agency WHERE deleted = 0 ORDER BY created_at, id LIMIT 1", ())
    if row is None or not row.get("short_name"):
        raise ValidationError("set up the issuing agency (name and short name) first",
                              "请先设置发文单位（名称和简称）", code="no_agency")
    return row


def _officers(conn, user) -> list[dict[str, Any]]:
    row = row_dict(conn, "SELECT name, cert_no FROM app_user WHERE id = ?", (user.id,))
    return [{"id": user.id, "name": (row or {}).get("name") or user.name,
             "cert_no": (row or {}).get("cert_no")}]


def _hazards(conn, session: Session, hazard_ids: list[str]) -> list[dict[str, Any]]:
    if not hazard_ids:
        raise ValidationError("name at least one hazard", "请至少选择一条隐患", code="no_hazard")
    rows = []
    for hid in dict.fromkeys(hazard_ids):
        row = row_dict(conn, "SELECT * FROM hazard WHERE id = ? AND deleted = 0", (hid,))
        if row is None:
            raise NotFound(f"no hazard with id {hid}", f"找不到隐患（编号 {hid}）")
        permissions.require_scope(session.user, row["grid_id"], row["found_by"])
        if row["level"] == "major":
            missing = missing_for_notice(row)
            if missing:
                raise missing_error(missing)
        rows.append(row)
    if len({r["site_id"] for r in rows}) > 1:
        raise ValidationError("a notice covers the hazards of one site only",
                              "一份通知书只能包含同一场所的隐患", code="several_sites")
    return rows


def _notice_input(conn, session: Session, rows: list[dict[str, Any]], meta: di.Meta,
                  officers: list[dict[str, Any]]) -> di.NoticeInput:
    site = row_dict(conn, "SELECT * FROM site WHERE id = ?", (rows[0]["site_id"],)) or {}
    unit = row_dict(conn, "SELECT * FROM unit WHERE id = ?", (site.get("unit_id"),)) or {}
    calendar = calendar_of(session)
    lines = []
    for r in rows:
        due = date.fromisoformat(r["due_date"]) if r.get("due_date") else None
        if due is None and r.get("deadline_days") is not None:
            due = deadline(meta.issued_on, int(r["deadline_days"]),
                           working_days=bool(r["working_days"]), calendar=calendar).due
        lines.append(di.HazardLine(description=r["description"] or "", location=r.get("location"),
                                   level=LEVEL_ZH.get(r["level"]), legal_basis=r.get("basis"),
                                   required_action=r.get("measures"), deadline=due))
    interim = "；".join(r["interim_measures"] for r in rows if r.get("interim_measures")) or None
    return di.NoticeInput(
        meta=meta,
        unit=di.Unit(name=unit.get("name") or site.get("name") or "", uscc=unit.get("uscc"),
                     address=site.get("address"), principal=unit.get("legal_rep"),
                     contact=" ".join(x for x in (site.get("contact"), site.get("phone")
                                                  or unit.get("phone")) if x) or None),
        inspected_at=None, place=site.get("address") or site.get("name"),
        inspectors=tuple(di.Person(o["name"], o.get("cert_no")) for o in officers),
        hazards=tuple(lines), interim_measures=interim)


def preview_notice(session: Session, hazard_ids: list[str]) -> bytes:
    """The notice as it would print, without a number and with the watermark 样稿."""
    conn = session.store.read()
    rows = _hazards(conn, session, hazard_ids)
    agency = _agency(conn)
    meta = di.Meta(agency=di.Agency(agency["name"] or "", agency["short_name"]),
                   issued_on=session.clock.today(), created_at=session.clock.now(),
                   demo=session.is_demo)
    return render_notice(_notice_input(conn, session, rows, meta, _officers(conn, session.user))).pdf


def save_preview(session: Session, hazard_ids: list[str], output: Path) -> None:
    """Write the preview to ``output`` (temp, fsync, rename: no partial file); OSError on failure."""
    write_copy(Path(output), preview_notice(session, hazard_ids))


# ----------------------------------------------------------------------------- numbers
def _take_number(tx: WriteTx, agency_id: str, code: str, year: int) -> tuple[int, str | None]:
    """The next number of this device's block (making one when it owns the sequence)."""
    me = tx.store.device_id
    key = (agency_id, code, year)
    block = row_dict(tx.conn, "SELECT * FROM number_block WHERE agency_id = ? AND code = ? AND"
                     " year = ? AND holder_device = ? AND deleted = 0 AND returned_at IS NULL"
                     " AND next <= last ORDER BY first LIMIT 1", (*key, me))
    if block is None:
        holders = {r[0] for r in tx.conn.execute(
            "SELECT holder_device FROM number_block WHERE agency_id = ? AND code = ? AND year = ?"
            " AND deleted = 0", key)}
        if holders - {me}:
            raise ValidationError(
                "this device has no free numbers for this sequence: ask the supervisor for a block",
                "本设备没有可用的文书编号段，请向监管人员申领编号段", code="no_number_block")
        top = tx.conn.execute("SELECT coalesce(max(last), 0) FROM number_block WHERE agency_id = ?"
                              " AND code = ? AND year = ?", key).fetchone()[0]
        bid = tx.insert("number_block", {"agency_id": agency_id, "code": code, "year": year,
                                         "holder_device": me, "first": top + 1,
                                         "last": top + BLOCK_SIZE, "next": top + 1})
        block = row_dict(tx.conn, "SELECT * FROM number_block WHERE id = ?", (bid,))
    n = block["next"]
    tx.update("number_block", block["id"], {"next": n + 1})
    size = block["last"] - block["first"] + 1
    used = n - block["first"] + 1
    warning = None
    if used / size >= WARN_AT:
        warning = (f"编号段 {block['first']}–{block['last']} 已用 {used}/{size}，"
                   "请及时申领新的编号段")
    return n, warning


def add_block(session: Session, code: str, year: int, first: int, last: int,
              holder_device: str | None = None) -> str:
    """Record a number block [first, last] held by a device (a supervisor hands it out)."""
    if not session.user.is_supervisor:
        raise PermissionDenied("only a supervisor hands out number blocks",
                               "只有监管人员可以分配编号段")
    if first < 1 or last < first:
        raise ValidationError("a block runs from a first to a last number", "编号段起止有误",
                              code="bad_block")

    def job(tx: WriteTx) -> str:
        agency = _agency(tx.conn)
        overlap = tx.conn.execute(
            "SELECT count(*) FROM number_block WHERE agency_id = ? AND code = ? AND year = ? AND"
            " deleted = 0 AND NOT (last < ? OR first > ?)",
            (agency["id"], code, year, first, last)).fetchone()[0]
        if overlap:
            raise ValidationError("the block overlaps another", "编号段与已有编号段重叠",
                                  code="block_overlap")
        bid = tx.insert("number_block", {"agency_id": agency["id"], "code": code, "year": year,
                                         "holder_device": holder_device or tx.store.device_id,
                                         "first": first, "last": last, "next": first})
        tx.audit("number_block_added", "number_block", bid, f"{code} {year} {first}-{last}")
        return bid

    return session.write(job)


# ----------------------------------------------------------------------------- issue
def issue_notice(session: Session, hazard_ids: list[str], *, served_now: bool = False,
                 output: Path | None = None) -> IssuedDocument:
    """Number, render, store and record a 隐患整改通知书 (and write ``output``) in one step."""
    today = session.clock.today()
    failure: list[BaseException] = []

    def job(tx: WriteTx) -> IssuedDocument:
        rows = _hazards(tx.conn, session, hazard_ids)
        agency = _agency(tx.conn)
        code = CODES[NOTICE]
        n, warning = _take_number(tx, agency["id"], code, today.year)
        number = format_number(agency["short_name"], code, today.year, n)
        officers = _officers(tx.conn, session.user)
        doc_id = tx.insert("document", {
            "kind": NOTICE, "number": number, "agency_id": agency["id"], "code": code,
            "year": today.year, "n": n, "hazard_ids": json.dumps([r["id"] for r in rows]),
            "site_id": rows[0]["site_id"], "issued_at": tx.now_iso, "issued_by": session.user.id,
            "officers": json.dumps(officers, ensure_ascii=False), "state": "voided",
            "void_reason": "issuing did not finish"})
        short = short_hash(doc_id, number)
        meta = di.Meta(agency=di.Agency(agency["name"] or "", agency["short_name"]),
                       issued_on=today, created_at=tx.now, number=number,
                       verify_payload=f"{PAYLOAD}|{number}|{short}", short_hash=short,
                       demo=session.is_demo)
        sha = None
        try:
            rendered = render_notice(_notice_input(tx.conn, session, rows, meta, officers))
            sha, path = put_document(tx.store.data_dir, rendered.pdf)
            if output is not None:
                write_copy(Path(output), rendered.pdf)
        except Exception as exc:  # noqa: BLE001 - recorded as the voided number's reason
            reason = f"issuing failed: {exc}"
            tx.update("document", doc_id, {"pdf_sha256": sha, "void_reason": reason[:500]})
            tx.audit("document_voided", "document", doc_id, f"{number}: {reason}"[:200])
            failure.append(exc)
            return IssuedDocument(doc_id, number, sha or "", Path(), 0)
        tx.update("document", doc_id, {"pdf_sha256": sha, "state": "issued", "void_reason": None})
        tx.audit("document_issued", "document", doc_id, number)
        if served_now:
            _serve_in(tx, session, doc_id, "当场", None, False, None, today)
        warnings = rendered.warnings + ((warning,) if warning else ())
        return IssuedDocument(doc_id, number, sha, path, rendered.pages, warnings)

    issued = session.write(job)
    if failure:
        exc = failure[0]
        raise DocumentWriteError(
            f"the notice could not be written ({exc}); number {issued.number} was voided",
            f"通知书未能写出（{exc}），编号 {issued.number} 已作废并记录原因",
            code="document_write_failed") from exc
    return issued


# ----------------------------------------------------------------------------- records
def _by_number(conn, number: str) -> dict[str, Any]:
    row = row_dict(conn, "SELECT * FROM document WHERE number = ? AND deleted = 0"
                   " ORDER BY created_at DESC LIMIT 1", (number,))
    if row is None:
        raise NotFound(f"no document numbered {number}", f"找不到编号为 {number} 的文书")
    return row


def get_document(session: Session, number: str) -> dict[str, Any]:
    row = _by_number(session.store.read(), number)
    row["hazard_ids"] = json.loads(row["hazard_ids"] or "[]")
    row["officers"] = json.loads(row["officers"] or "[]")
    return row


def list_documents(session: Session, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Documents newest first; ``filters``: kind, state, site_id, year, text (in the number)."""
    f = filters or {}
    where, params = ["deleted = 0"], []
    for col in ("kind", "state", "site_id", "year"):
        if f.get(col) is not None:
            where.append(f"{col} = ?")
            params.append(f[col])
    if f.get("text"):
        where.append("number LIKE ?")
        params.append(f"%{f['text']}%")
    rows = session.store.read().execute(
        f"SELECT * FROM document WHERE {' AND '.join(where)} ORDER BY year, code, n", params)  # noqa: S608
    return [dict(r) for r in rows]


def void_document(session: Session, number: str, reason: str) -> None:
    """作废: a spoiled document keeps its number, marked voided with the reason."""
    if not (reason or "").strip():
        raise ValidationError("give the reason for voiding", "请填写作废原因", code="no_reason")

    def job(tx: WriteTx) -> None:
        row = _by_number(tx.conn, number)
        if row["state"] == "voided":
            raise ValidationError(f"{number} is voided already", f"{number} 已作废",
                                  code="already_voided")
        tx.update("document", row["id"], {"state": "voided", "void_reason": reason.strip()})
        tx.audit("document_voided", "document", row["id"], f"{number}: {reason.strip()}"[:200])

    session.write(job)


def _serve_in(tx: WriteTx, session: Session, doc_id: str, how: str, received_by: str | None,
              refused: bool, witness: str | None, on: date) -> None:
    row = row_dict(tx.conn, "SELECT * FROM document WHERE id = ?", (doc_id,))
    tx.update("document", doc_id, {"state": "refused" if refused else "served",
                                   "served_on": on.isoformat(), "served_how": how,
                                   "received_by": received_by, "witness": witness})
    tx.audit("document_served", "document", doc_id, f"{row['number']} {how} {on}"[:200])
    if row["kind"] == NOTICE:
        body = notify_body(session, served_on=on)
        for hid in json.loads(row["hazard_ids"] or "[]"):
            hazard = hazard_for_write(tx, session, hid)
            if hazard["status"] != hs.OPEN:
                continue  # notified before (by hand or another notice)
            summary, _ = body(tx, hazard)
            tx.audit("hazard_notified", "hazard", hid, f"{summary} ({row['number']})"[:200])


def serve_document(session: Session, number: str, how: str, *, received_by: str | None = None,
                   refused: bool = False, witness: str | None = None,
                   on: str | date | None = None) -> None:
    """送达: how and when, who signed or who witnessed the refusal; a rectification notice
    notifies its hazards (served date and deadline from the service date)."""
    if how not in SERVE_HOW:
        raise ValidationError(f"how: one of {', '.join(SERVE_HOW)}",
                              f"送达方式须为：{'、'.join(SERVE_HOW)}", code="bad_how")
    if refused and not (witness or "").strip():
        raise ValidationError("a refusal needs a witness", "拒签须有见证人", code="no_witness")
    if not refused and not (received_by or "").strip():
        raise ValidationError("name who received it", "请填写签收人", code="no_receiver")
    today = session.clock.today()

    def job(tx: WriteTx) -> None:
        row = _by_number(tx.conn, number)
        if row["state"] != "issued":
            raise ValidationError(f"{number} is {row['state']}: it cannot be served",
                                  f"{number} 状态为{row['state']}，不能送达", code="not_issued")
        day = day_of("on", "送达日期", on, today, row["issued_at"][:10], "开具日期")
        _serve_in(tx, session, row["id"], how, (received_by or "").strip() or None, refused,
                  (witness or "").strip() or None, day)

    session.write(job)


# ----------------------------------------------------------------------------- verify
def _embedded(path: Path) -> str:
    """The text a PDF carries (metadata subject, page text); '' when it cannot be read."""
    parts: list[str] = []
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        meta = reader.metadata
        if meta and meta.subject:
            parts.append(str(meta.subject))
        for page in reader.pages:
            parts.append(page.extract_text() or "")
    except Exception:  # noqa: BLE001 - a damaged file: fall back to its raw bytes
        parts.append(Path(path).read_bytes().decode("latin-1"))
    return "\n".join(parts)


def verify_pdf(session: Session, path: Path) -> tuple[str, dict[str, Any] | None]:
    """genuine | voided | unknown | altered, and the document record it matched."""
    conn = session.store.read()
    sha = sha256_file(Path(path))
    row = row_dict(conn, "SELECT * FROM document WHERE pdf_sha256 = ? AND deleted = 0", (sha,))
    if row is not None:
        return ("voided" if row["state"] == "voided" else "genuine"), row
    text = re.sub(r"\s+", "", _embedded(Path(path)))
    for doc in conn.execute("SELECT * FROM document WHERE deleted = 0 AND number IS NOT NULL"):
        doc = dict(doc)
        if short_hash(doc["id"], doc["number"]) in text or doc["number"] in text:
            return "altered", doc
    return "unknown", None


def stored_pdf(session: Session, number: str) -> Path:
    row = _by_number(session.store.read(), number)
    if not row["pdf_sha256"]:
        raise NotFound(f"{number} has no stored PDF", f"{number} 没有存档的 PDF")
    return document_path(session.store.data_dir, row["pdf_sha256"])
