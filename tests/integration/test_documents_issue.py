"""Issuing a 隐患整改通知书 end to end: numbers, stored PDFs, void, serve, verify (issue 14)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from inspector_app.cli.main import main
from inspector_app.core.entities import HazardInput, SiteInput
from inspector_app.core.errors import ValidationError
from inspector_app.services import documents, sites
from inspector_app.services.hazards import add_hazard
from inspector_app.services.session import open_session
from inspector_app.store import migrations
from inspector_app.store.document_files import document_path
from inspector_app.store.version import SCHEMA_VERSION

DESCRIPTION = "灭火器压力不足，疏散通道堆放杂物"


@pytest.fixture
def town(data_dir):
    s = open_session(data_dir)
    try:
        s.write(lambda tx: tx.insert("agency", {"name": "某某镇人民政府", "short_name": "某镇应急",
                                                "enforcement_power": 0}))
        site = sites.add_site(s, SiteInput(name="李记小吃店", sectors=("small_places",))).id
        other = sites.add_site(s, SiteInput(name="兴旺饭店", sectors=("small_places",))).id
        hazards = [add_hazard(s, HazardInput(site_id=site, description=f"{DESCRIPTION}{i}",
                                             location="后厨", deadline_days=7)).id
                   for i in range(3)]
        elsewhere = add_hazard(s, HazardInput(site_id=other, description="燃气软管老化",
                                              deadline_days=3)).id
    finally:
        s.close()
    return {"dir": data_dir, "hazards": hazards, "elsewhere": elsewhere}


def run(town, *args: str) -> int:
    return main(["--data-dir", str(town["dir"]), *args])


def session_of(town):
    return open_session(town["dir"])


def issue(town, out, *hazards) -> str:
    assert run(town, "report", "notice", "--hazard", *hazards, "-o", str(out)) == 0
    s = session_of(town)
    try:
        return documents.list_documents(s)[-1]["number"]
    finally:
        s.close()


def test_issued_notice_is_the_stored_document_and_numbers_run_without_gaps(town, tmp_path):
    numbers = []
    for i in range(3):
        out = tmp_path / f"通知书 {i}.pdf"
        numbers.append(issue(town, out, town["hazards"][i]))
        s = session_of(town)
        try:
            stored = documents.stored_pdf(s, numbers[-1])
        finally:
            s.close()
        assert out.read_bytes() == stored.read_bytes()
        sha = hashlib.sha256(out.read_bytes()).hexdigest()
        assert stored == document_path(town["dir"], sha)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout.replace(" ", "").replace("\n", "")
        assert numbers[-1] in text and f"{DESCRIPTION}{i}" in text
    year = date.today().year
    assert numbers == [f"（某镇应急）隐改〔{year}〕{n}号" for n in (1, 2, 3)]


def test_preview_has_no_number_and_records_nothing(town, tmp_path):
    out = tmp_path / "样稿.pdf"
    assert run(town, "report", "notice", "--preview", "--hazard", town["hazards"][0], "-o", str(out)) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "隐改" not in text.replace(" ", "")
    s = session_of(town)
    try:
        assert documents.list_documents(s) == []
    finally:
        s.close()


def test_a_failed_write_voids_its_number_once(town, tmp_path, capsys):
    bad = tmp_path / "没有这个目录" / "通知书.pdf"
    assert run(town, "report", "notice", "--hazard", town["hazards"][0], "-o", str(bad)) != 0
    assert "作废" in capsys.readouterr().err
    assert not bad.parent.exists()
    good = issue(town, tmp_path / "ok.pdf", town["hazards"][0])
    s = session_of(town)
    try:
        rows = documents.list_documents(s)
    finally:
        s.close()
    assert [(r["n"], r["state"]) for r in rows] == [(1, "voided"), (2, "issued")]
    assert "issuing failed" in rows[0]["void_reason"] and rows[1]["number"] == good
    assert run(town, "document", "list") == 0
    listed = capsys.readouterr().out
    assert listed.count(rows[0]["number"]) == 1 and "已作废" in listed


def test_refusals_several_sites_and_incomplete_major(town, data_dir):
    s = session_of(town)
    try:
        with pytest.raises(ValidationError) as err:
            documents.issue_notice(s, [town["hazards"][0], town["elsewhere"]])
        assert err.value.code == "several_sites"
        site = s.store.read().execute("SELECT site_id FROM hazard WHERE id = ?",
                                      (town["hazards"][0],)).fetchone()[0]
        major = add_hazard(s, HazardInput(site_id=site, description="重大", level="major")).id
        with pytest.raises(ValidationError) as err:
            documents.issue_notice(s, [major])
        assert err.value.code == "five_implementations_missing" and "责任" in err.value.zh
        assert documents.list_documents(s) == []
    finally:
        s.close()


def test_void_serve_and_verify(town, tmp_path, capsys):
    out = tmp_path / "a.pdf"
    number = issue(town, out, *town["hazards"][:2])
    today = date.today().isoformat()
    assert run(town, "verify", str(out)) == 0
    assert "真实" in capsys.readouterr().out
    assert run(town, "document", "serve", number, "--how", "当场", "--received-by", "李老板",
               "--on", today) == 0
    s = session_of(town)
    try:
        for hid in town["hazards"][:2]:
            row = s.store.read().execute("SELECT status, served_on FROM hazard WHERE id = ?",
                                         (hid,)).fetchone()
            assert (row[0], row[1]) == ("notified", today)
        assert documents.get_document(s, number)["state"] == "served"
    finally:
        s.close()
    capsys.readouterr()
    assert run(town, "document", "show", number, "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["received_by"] == "李老板" and shown["served_how"] == "当场"
    # altered: same document, one byte changed
    data = bytearray(out.read_bytes())
    at = data.index(b"Grid Inspector")
    data[at] = ord("g")
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(data))
    assert run(town, "verify", str(altered)) == 1
    assert "已被改动" in capsys.readouterr().out
    # unknown: a PDF this store never issued
    other = tmp_path / "other.pdf"
    s = session_of(town)
    try:
        other.write_bytes(documents.preview_notice(s, [town["elsewhere"]]))
    finally:
        s.close()
    assert run(town, "verify", str(other)) == 1
    assert "未知" in capsys.readouterr().out
    # voided
    second = tmp_path / "b.pdf"
    spoiled = issue(town, second, town["hazards"][2])
    assert run(town, "document", "void", spoiled, "--reason", "打印错误") == 0
    assert run(town, "verify", str(second)) == 1
    assert "已作废" in capsys.readouterr().out


def test_two_devices_with_their_own_blocks_never_share_a_number(town, tmp_path):
    s = session_of(town)
    try:
        year = date.today().year
        documents.add_block(s, "隐改", year, 1, 5)
        documents.add_block(s, "隐改", year, 6, 10, holder_device="device-b")
        mine = [documents.issue_notice(s, [town["hazards"][0]]).number for _ in range(3)]
        # the other device: same store file, its own device id
        s.store.device_id = "device-b"
        theirs = [documents.issue_notice(s, [town["hazards"][1]]).number for _ in range(3)]
        assert not set(mine) & set(theirs)
        assert [documents.list_documents(s)[i]["n"] for i in range(6)] == [1, 2, 3, 6, 7, 8]
        # device b's block is used 3/5: not yet warned; 4/5 warns
        warned = documents.issue_notice(s, [town["hazards"][1]]).warnings
        assert any("编号段" in w for w in warned)
    finally:
        s.close()


def test_a_version_10_store_upgrades_to_documents(tmp_path):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.migrate(conn, 0, 10)
    assert not conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'document'").fetchone()[0]
    migrations.migrate(conn, 10, SCHEMA_VERSION)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"document", "number_block", "oplog_document_insert"} <= names or \
        {"document", "number_block"} <= names
    triggers = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'document'")]
    assert triggers
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_output_folder_the_user_cannot_write_voids_the_number(tmp_path):
    import os
    import shutil

    from tests.helpers import cli, world_readable_tmp

    base = world_readable_tmp(Path("/tmp"))
    try:
        data_dir = base / "数据 目录"
        data_dir.mkdir()
        s = open_session(data_dir)
        try:
            s.write(lambda tx: tx.insert("agency", {"name": "某某镇人民政府",
                                                    "short_name": "某镇应急"}))
            site = sites.add_site(s, SiteInput(name="李记小吃店", sectors=("small_places",))).id
            hazard = add_hazard(s, HazardInput(site_id=site, description=DESCRIPTION,
                                               deadline_days=7)).id
        finally:
            s.close()
        if os.geteuid() == 0:
            for path in [data_dir, *data_dir.rglob("*")]:
                os.chown(path, 65534, 65534)
        locked = base / "只读"
        locked.mkdir()
        os.chmod(locked, 0o755)  # root's: nobody cannot write here
        out = locked / "通知书.pdf"
        done = cli("--data-dir", str(data_dir), "report", "notice", "--hazard", hazard,
                   "-o", str(out), unprivileged=True)
        assert done.returncode != 0
        assert "作废" in done.stderr and "Traceback" not in done.stderr
        assert list(locked.iterdir()) == []  # no partial file
        listed = cli("--data-dir", str(data_dir), "document", "list", "--json", unprivileged=True)
        rows = json.loads(listed.stdout)
        assert [(r["n"], r["state"]) for r in rows] == [(1, "voided")]
        assert "issuing failed" in rows[0]["void_reason"]
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_refusal_needs_a_witness_and_is_recorded(town, tmp_path):
    number = issue(town, tmp_path / "r.pdf", town["hazards"][0])
    s = session_of(town)
    try:
        with pytest.raises(ValidationError):
            documents.serve_document(s, number, "留置", refused=True)
        with pytest.raises(ValidationError):
            documents.serve_document(s, number, "托人转交", received_by="李老板")
        documents.serve_document(s, number, "留置", refused=True, witness="村委会张主任")
        row = documents.get_document(s, number)
        assert (row["state"], row["witness"], row["served_how"]) == ("refused", "村委会张主任", "留置")
        status = s.store.read().execute("SELECT status FROM hazard WHERE id = ?",
                                        (town["hazards"][0],)).fetchone()[0]
        assert status == "notified"  # a notice left on site is served all the same
        with pytest.raises(ValidationError):
            documents.void_document(s, number, "  ")
    finally:
        s.close()
