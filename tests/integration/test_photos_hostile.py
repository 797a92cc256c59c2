"""Photo folders and processes that work against the import: a FIFO among the photos, a
file name that is not UTF-8, the import killed mid-batch, a huge PNG (issue 11, "Photos")."""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from inspector_app.services import photos
from inspector_app.store import media
from tests import photo_samples as ps
from tests.helpers import REPO, cli
from tests.integration.test_photos_import import new_hazard

GBK_NAME = b"\xd5\xd5\xc6\xac.jpg"  # 照片.jpg in GBK; its last two bytes happen to be UTF-8


def ok(*args: str) -> str:
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def cli_hazard(store: list[str]) -> str:
    site_id = ok(*store, "site", "add", "--name", "兴旺五金厂").strip()
    return ok(*store, "hazard", "add", "--site", site_id, "--description", "消防通道堵塞").strip()


def photo_folder(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"IMG_{i:04d}.jpg"
        path.write_bytes(ps.noisy_jpeg(64, 48, seed=i))
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- FIFO
@pytest.mark.timeout(180)
def test_a_fifo_among_the_photos_is_skipped_with_a_message_and_the_batch_completes(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    hazard_id = cli_hazard(store)
    folder = tmp_path / "手机 相册"
    photo_folder(folder, 4)
    os.mkfifo(folder / "IMG_0002b.jpg")  # a photo name: nobody ever writes to it
    os.mkfifo(folder / "clip.mp4")  # a video is streamed by the main process: same guard
    (folder / "link.jpg").symlink_to(folder / "clip.mp4")
    # through the pool (--workers 2) and in this thread (--workers 1); cli() times out at 120 s
    for workers in ("2", "1"):
        result = cli(*store, "photos", "add", hazard_id, str(folder), "--json", "--workers", workers)
        assert result.returncode == 1 and result.stdout, (workers, result.stdout, result.stderr)
        out = {Path(r["file"]).name: r for r in json.loads(result.stdout)["results"]}
        assert {n: r["status"] for n, r in out.items() if r["status"] != "error"} == {
            f"IMG_{i:04d}.jpg": "ok" if workers == "2" else "duplicate" for i in range(4)}
        for name in ("IMG_0002b.jpg", "clip.mp4", "link.jpg"):
            assert out[name]["error"] == "not_regular", out[name]
            assert "命名管道" in out[name]["message"]
        assert result.stderr.count("不是普通文件") == 3 and "Traceback" not in result.stderr


def test_a_fifo_named_directly_is_refused_without_opening_it(session, tmp_path):
    hazard_id = new_hazard(session)
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    [result] = photos.import_photos(session, hazard_id, [fifo], workers=0).results
    assert (result.status, result.code) == ("error", "not_regular")
    with pytest.raises(media.NotRegularFile):  # the store's own reader refuses it as well
        media.open_regular(fifo)


# --------------------------------------------------------------------------- GBK names
def test_a_gbk_file_name_imports_and_is_recorded_readably(session, tmp_path):
    hazard_id = new_hazard(session)
    folder = tmp_path / "U盘 导出"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/" + GBK_NAME
    with open(raw, "wb") as fh:  # a name from a Windows zip: bytes that are not UTF-8
        fh.write(ps.noisy_jpeg(64, 48, seed=7))
    with open(os.fsencode(folder) + b"/\xbb\xb5.jpg", "wb") as fh:  # 坏.jpg, not an image
        fh.write(b"not a photo")
    batch = photos.import_photos(session, hazard_id, [folder], workers=0)
    by_name = {Path(r.path).name: r for r in batch.results}
    assert set(by_name) == {"照片.jpg", "坏.jpg"}
    good, bad = by_name["照片.jpg"], by_name["坏.jpg"]
    assert good.status == "ok", good.en
    assert good.path == str(folder / "照片.jpg")  # the folder's UTF-8 name is kept as it is
    [shown] = photos.photos_of_hazard(session, hazard_id)
    assert shown["original_name"] == "照片.jpg"
    assert shown["sha256"] == media.sha256_file(Path(os.fsdecode(raw)))
    assert (bad.code, bad.zh.split("：")[0]) == ("unsupported", "坏.jpg")
    json.dumps([r.as_dict() for r in batch.results], ensure_ascii=False).encode("utf-8")


def test_a_gbk_file_name_through_the_cli(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    hazard_id = cli_hazard(store)
    folder = tmp_path / "相册"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/" + GBK_NAME, "wb") as fh:
        fh.write(ps.noisy_jpeg(64, 48, seed=8))
    out = json.loads(ok(*store, "photos", "add", hazard_id, str(folder), "--json"))
    [r] = out["results"]
    assert r["status"] == "ok" and r["file"].endswith("/照片.jpg")
    shown = json.loads(ok(*store, "hazard", "show", hazard_id, "--json"))
    assert [p["original_name"] for p in shown["photos"]] == ["照片.jpg"]


# --------------------------------------------------------------------------- killed imports
def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            kids.setdefault(ppid, []).append(int(entry))
    return kids


def descendants(pid: int) -> set[int]:
    kids, found, todo = _children(), set(), [pid]
    while todo:
        for child in kids.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its parent's wait is missing


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def wait_until(condition, timeout: float = 60.0) -> bool:
    """Poll ``condition`` (a hang guard, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def start_import(store: list[str], hazard_id: str, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "inspector_app", *store, "photos", "add", hazard_id, str(folder),
         "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def stop_mid_batch(proc: subprocess.Popen[bytes], data_dir: Path, sig: int) -> set[int]:
    """Send ``sig`` once a few photos are stored and the workers run; returns the workers."""
    def started() -> bool:
        return proc.poll() is not None or (
            len([p for p in (data_dir / "media").rglob("*.jpg")]) >= 3 and len(descendants(proc.pid)) >= 2)

    assert wait_until(started, 90), "the import did not get going"
    workers = descendants(proc.pid)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    return workers


@pytest.mark.timeout(300)
def test_killed_import_leaves_no_worker_and_the_next_import_cleans_up(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    hazard_id = cli_hazard(store)
    folder = tmp_path / "巡查 照片"
    paths = photo_folder(folder, 200)
    # an original stored by an earlier killed import, without its row
    orphan_sha = media.sha256_file(paths[150])
    orphan = media.media_path(data_dir, orphan_sha, "jpg")
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(paths[150].read_bytes())
    os.utime(orphan, (1_000_000_000, 1_000_000_000))
    # temporary files of a dead process (pid 0 never is a process) and of a live one
    stale = [data_dir / "media" / ".incoming-0-1-deadbeef", orphan.parent / ".incoming-0-2-cafe"]
    live = data_dir / "media" / f".incoming-{os.getppid()}-3-0123abcd"
    for path in [*stale, live]:
        path.write_bytes(b"half a photo")
        os.utime(path, (1_000_000_000, 1_000_000_000))

    proc = start_import(store, hazard_id, folder)
    workers = stop_mid_batch(proc, data_dir, signal.SIGKILL)
    assert workers, "no worker process was seen"
    assert wait_until(lambda: not any(alive(p) for p in workers)), (
        f"worker processes outlived the killed import: {sorted(p for p in workers if alive(p))}")

    again = json.loads(ok(*store, "photos", "add", hazard_id, str(folder), "--json"))
    assert {r["status"] for r in again["results"]} <= {"ok", "duplicate"}
    assert len({r["sha256"] for r in again["results"]}) == 200
    assert not any(p.exists() for p in stale) and live.exists()  # another app's is kept
    assert media.leftover_incoming(data_dir) == []
    assert orphan.stat().st_mtime == 1_000_000_000  # adopted, not written again
    known = {r["sha256"] for r in again["results"]}
    assert media.orphan_media(data_dir, known) == []
    live.unlink()
    check = cli(*store, "check")
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.timeout(300)
def test_sigterm_stops_the_import_and_its_workers(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    hazard_id = cli_hazard(store)
    folder = tmp_path / "照片"
    photo_folder(folder, 200)
    proc = start_import(store, hazard_id, folder)
    workers = stop_mid_batch(proc, data_dir, signal.SIGTERM)
    assert proc.returncode == 130, proc.stderr.read().decode() if proc.stderr else ""
    # the pool was terminated and joined by the main process itself: no worker is left when
    # it exits (multiprocessing's resource tracker ends on its own once its pipe closes)
    assert workers and not [p for p in workers if alive(p) and "resource_tracker" not in cmdline(p)]
    assert wait_until(lambda: not any(alive(p) for p in workers))
    stored = json.loads(ok(*store, "hazard", "show", hazard_id, "--json"))["photos"]
    assert 3 <= len(stored) < 200  # what was stored before the signal stays
    assert media.orphan_media(data_dir, {p["sha256"] for p in stored}) == []


# --------------------------------------------------------------------------- memory
def flat_png(width: int, height: int, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A single-colour PNG: every row after the first is "same as above" (filter 2, zeros),
    so 14000×14000 pixels compress to a few MB without ever being held in memory here."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    comp = zlib.compressobj(1)
    row = b"\x02" + bytes(3 * width)
    parts = [comp.compress(b"\x00" + bytes(rgb) * width)]
    parts += [comp.compress(row * 64) for _ in range((height - 1) // 64)]
    parts += [comp.compress(row) for _ in range((height - 1) % 64)]
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"".join(parts))
            + chunk(b"IEND", b""))


MEASURE = """
import json, resource, sys
from pathlib import Path
from inspector_app.photos.batch import prepare_all
files = [Path(p) for p in sys.argv[1:]]
outcomes = dict(prepare_all(files, workers=2))
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "codes": [getattr(outcomes[i], "code", "ok") for i in range(len(files))],
                  "message": getattr(outcomes[0], "zh", "")}))
"""


@pytest.mark.timeout(300)
def test_a_196_megapixel_png_is_refused_within_a_bounded_worker_memory(tmp_path):
    huge = tmp_path / "全景 图.png"
    huge.write_bytes(flat_png(14000, 14000))
    small = photo_folder(tmp_path / "小图", 2)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-c", MEASURE, str(huge), *map(str, small)],
                         capture_output=True, text=True, env=env, timeout=240)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["codes"] == ["too_large", "ok", "ok"]
    assert "14000×14000" in out["message"] and "JPEG" in out["message"]
    peak_mb = out["peak_kb"] / 1024  # ru_maxrss is in KiB on Linux: the largest worker
    assert peak_mb < 400, f"a worker peaked at {peak_mb:.0f} MB"


def test_readable_names_fall_back_from_gbk_to_gb18030_to_replacement():
    from inspector_app.photos.names import readable

    assert readable("IMG_0001.jpg") == "IMG_0001.jpg"
    assert readable(os.fsdecode("数据/".encode() + GBK_NAME)) == "数据/照片.jpg"
    assert readable(os.fsdecode(b"\x81\x30\x81\x30.jpg")) == "\x80.jpg"  # GB18030 only
    assert readable(os.fsdecode(b"\xff\xfe.jpg")) == "\ufffd\ufffd.jpg"
