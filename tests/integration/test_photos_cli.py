"""``inspector-app photos add``, ``hazard show`` and ``check`` as a user runs them."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import photo_samples as ps
from tests.helpers import REPO, cli, world_readable_tmp


def ok(*args: str, **kw) -> str:
    result = cli(*args, **kw)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def make_hazard(store: list[str], **kw) -> str:
    site_id = ok(*store, "site", "add", "--name", "兴旺五金厂", **kw).strip()
    return ok(*store, "hazard", "add", "--site", site_id, "--description", "消防通道堵塞", **kw).strip()


def test_photos_add_reports_each_file_and_exits_1_if_any_failed(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    hazard_id = make_hazard(store)
    folder = tmp_path / "手机 相册"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(ps.jpeg(ps.pattern(120, 90), app1=ps.camera_exif(orientation=6)))
    (folder / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # broken PNG
    (folder / "c.jpg").write_text("plain text", encoding="utf-8")
    result = cli(*store, "photos", "add", hazard_id, str(folder), "--phase", "after", "--json")
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    assert [r["status"] for r in out["results"]] == ["ok", "error", "error"]
    assert out["imported"] == 1 and out["failed"] == 2
    assert "Traceback" not in result.stderr and result.stderr.count("错误：") == 2
    shown = json.loads(ok(*store, "hazard", "show", hazard_id, "--json"))
    [p] = shown["photos"]
    assert set(p) >= {"id", "sha256", "phase", "taken_at", "lat", "lon", "width", "height", "notes"}
    assert p["phase"] == "after" and (p["width"], p["height"]) == (90, 120)  # as displayed
    assert p["id"] == out["results"][0]["id"]
    # all good: exit 0, one line per file
    again = cli(*store, "photos", "add", hazard_id, str(folder / "a.jpg"), "--phase", "after")
    assert again.returncode == 0 and again.stdout.startswith("duplicate\t")


def test_real_phone_photos_through_the_cli(data_dir):
    mobile = ps.fixtures("mobile")
    store = ["--data-dir", str(data_dir)]
    hazard_id = make_hazard(store)
    out = json.loads(ok(*store, "photos", "add", hazard_id, str(mobile), "--json"))
    assert [r["status"] for r in out["results"]] == ["ok", "ok"]
    shown = json.loads(ok(*store, "hazard", "show", hazard_id, "--json"))["photos"]
    sizes = {p["mime"]: (p["width"], p["height"]) for p in shown}
    assert sizes == {"image/jpeg": (4608, 1976), "image/heic": (3024, 4032)}
    stored = sorted(p.suffix for p in (data_dir / "media").rglob("*") if p.is_file())
    assert stored == [".heic", ".jpg"]


def test_check_finds_altered_and_missing_media(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    hazard_id = make_hazard(store)
    for i in range(3):
        (tmp_path / f"{i}.jpg").write_bytes(ps.noisy_jpeg(64, 48, seed=i))
    out = json.loads(ok(*store, "photos", "add", hazard_id, str(tmp_path), "--json"))
    shas = [r["sha256"] for r in out["results"]]
    assert "照片原件" in ok(*store, "check")  # the media check, named in Chinese
    altered = next((data_dir / "media").rglob(f"{shas[0]}.jpg"))
    data = bytearray(altered.read_bytes())
    data[-10] ^= 0xFF  # one bit-flip, same size
    altered.write_bytes(bytes(data))
    next((data_dir / "media").rglob(f"{shas[1]}.jpg")).unlink()
    result = cli(*store, "check")
    assert result.returncode == 1
    lines = [line for line in result.stderr.strip().splitlines() if "照片原件" in line]  # Chinese by default
    assert len(lines) == 2, lines
    assert any(line.startswith("照片原件已被改动") and shas[0] in line for line in lines)
    assert any(line.startswith("照片原件缺失") and shas[1] in line for line in lines)


def test_an_unreadable_file_is_a_clear_error_and_the_rest_imports():
    base = world_readable_tmp(Path("/tmp"))
    try:
        data_dir = base / "数据 目录"
        data_dir.mkdir()
        if os.geteuid() == 0:
            os.chown(data_dir, 65534, 65534)  # the store belongs to the unprivileged user
        store = ["--data-dir", str(data_dir)]
        hazard_id = make_hazard(store, unprivileged=True)
        photos = base / "photos"
        photos.mkdir()
        os.chmod(photos, 0o755)
        (photos / "good.jpg").write_bytes(ps.jpeg(ps.pattern()))
        secret = photos / "secret.jpg"
        secret.write_bytes(ps.jpeg(ps.pattern(64, 64)))
        os.chmod(photos / "good.jpg", 0o644)
        os.chmod(secret, 0o000)
        result = cli(*store, "photos", "add", hazard_id, str(photos), "--json", unprivileged=True)
        assert result.returncode == 1, result.stderr
        out = {Path(r["file"]).name: r for r in json.loads(result.stdout)["results"]}
        assert out["good.jpg"]["status"] == "ok"
        assert out["secret.jpg"]["error"] == "unreadable"
        assert "无法读取" in out["secret.jpg"]["message"] and "Traceback" not in result.stderr
        files = [p for p in (data_dir / "media").rglob("*") if p.is_file()]
        assert len(files) == 1
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_file_size_limit_mid_batch_via_rlimit_fsize(data_dir, tmp_path):
    """A real write failure (EFBIG under RLIMIT_FSIZE) in a separate process."""
    store = ["--data-dir", str(data_dir)]
    hazard_id = make_hazard(store)
    folder = tmp_path / "card"
    folder.mkdir()
    for i in range(3):
        (folder / f"small{i}.jpg").write_bytes(ps.noisy_jpeg(120, 90, seed=i))
    (folder / "big.jpg").write_bytes(ps.noisy_jpeg(1400, 1000, seed=9))  # ~1.5 MB
    limit = 1_000_000
    assert (folder / "big.jpg").stat().st_size > limit

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "inspector_app", *store, "photos", "add", hazard_id, str(folder),
         "--json"], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
        preexec_fn=limited)
    assert result.returncode == 1, result.stderr
    out = {Path(r["file"]).name: r for r in json.loads(result.stdout)["results"]}
    assert out["big.jpg"]["error"] == "disk_full" and "磁盘已满" in out["big.jpg"]["message"]
    assert [out[f"small{i}.jpg"]["status"] for i in range(3)] == ["ok"] * 3
    files = [p for p in (data_dir / "media").rglob("*") if p.is_file()]
    assert len(files) == 3 and all(not p.name.startswith(".") for p in files)
    shown = json.loads(ok(*store, "hazard", "show", hazard_id, "--json"))
    assert len(shown["photos"]) == 3


@pytest.mark.parametrize("phase", ["later"])
def test_bad_phase_is_refused_by_the_parser(data_dir, phase):
    result = cli("--data-dir", str(data_dir), "photos", "add", "x", "y", "--phase", phase)
    assert result.returncode == 2 and "Traceback" not in result.stderr
