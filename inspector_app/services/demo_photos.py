"""Invented photos for the demo store: Pillow-drawn JPEGs imported like a user's photos.

Each picture is a simple drawn scene (a wall, a floor, a red box standing for the hazard,
a caption with the hazard, the phase and the date) with an EXIF capture time that fits
the hazard: before/on-site photos on the day it was found, after photos once the
rectification was reported or the hazard closed. They go through ``import_photos`` into a
temporary folder first, so they become real media with thumbnails, audit rows and flags.
Only a demo store takes them: a real store refuses invented evidence.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from PIL import Image, ImageDraw

from ..core import hazard_status as hs
from ..core.errors import ValidationError
from ..photos.fonts import cjk_font
from ..photos.results import OK
from .changes import Changes
from .photos import PhotoTarget, import_photos
from .session import Session

Progress = Callable[[int, int, str], None]
SIZE = (1024, 768)
IFD_EXIF, DATETIME_ORIGINAL, OFFSET_ORIGINAL = 0x8769, 0x9003, 0x9011
PHASE_ZH = {"before": "整改前", "after": "整改后", "scene": "现场"}
PHASE_COLOUR = {"before": (197, 34, 31), "after": (24, 128, 56), "scene": (25, 103, 210)}
# which photos fit a hazard in each status, in the order a hazard receives them
STATUS_PHASES = {
    hs.DRAFT: ("scene", "before"),
    hs.OPEN: ("before", "scene"),
    hs.NOTIFIED: ("before", "scene"),
    hs.AWAITING_RECHECK: ("before", "after"),
    hs.CLOSED: ("before", "after"),
}


@dataclass(frozen=True)
class _Hazard:
    id: str
    status: str
    description: str
    site_name: str
    found_on: date
    done_on: date | None  # rectification reported or recheck passed: "after" photos from here


@dataclass(frozen=True)
class PlannedPhoto:
    hazard: _Hazard
    phase: str
    taken: datetime  # local (China) time


@dataclass
class DemoPhotos:
    """What ``add_demo_photos`` did: photo links added, files that failed, the changes."""

    added: int = 0
    failed: list[str] = field(default_factory=list)
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)


def add_demo_photos(
    session: Session, count: int, *, seed: int = 2026, progress: Progress | None = None,
    cancel: threading.Event | None = None, workers: int | None = 0,
) -> DemoPhotos:
    """Attach ``count`` generated photos to the demo store's hazards (spread over them).

    ``workers``: processes for the import (0, the default: this thread, one file at a time).
    """
    if count < 0:
        raise ValidationError("the number of photos cannot be negative", "照片数量不能为负数")
    if count and not session.is_demo:
        raise ValidationError(
            "this store holds real data; demo photos go into a separate demo store",
            "当前数据库是正式数据库，演示照片只能放在单独的演示库中", code="real_store")
    out = DemoPhotos()
    if count == 0:
        return out
    # numbered after the photos already there: a second run adds new pictures, not duplicates
    start = session.store.read().execute("SELECT count(*) FROM photo_link").fetchone()[0]
    plan = plan_photos(_demo_hazards(session), count, seed + start, session.clock.today())
    if not plan:
        raise ValidationError("the demo store has no hazards to attach photos to",
                              "演示库中没有隐患，无法添加照片")
    report = progress or (lambda done, total, message: None)
    folder = Path(tempfile.mkdtemp(prefix="inspector-demo-photos-"))
    try:
        groups: dict[tuple[str, str], list[Path]] = {}
        for n, photo in enumerate(plan, 1):
            if cancel is not None and cancel.is_set():
                out.cancelled = True
                return out
            report(n - 1, count * 2, "生成演示照片…")
            number = start + n
            path = folder / f"IMG_{photo.taken:%Y%m%d_%H%M%S}_{number:04d}.jpg"
            draw_photo(photo, number, seed).save(path, "JPEG", quality=85, exif=_exif(photo.taken))
            groups.setdefault((photo.hazard.id, photo.phase), []).append(path)
        done = count
        for (hazard_id, phase), paths in groups.items():
            if cancel is not None and cancel.is_set():
                out.cancelled = True
                break
            batch = import_photos(session, PhotoTarget(hazard_id=hazard_id), paths, phase,
                                  cancel=cancel, workers=workers)
            out.added += batch.count(OK)
            out.failed += [r.message(session.lang) or r.path for r in batch.failed]
            out.changes = out.changes | batch.changes
            done += len(paths)
            report(done, count * 2, "导入演示照片…")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def _demo_hazards(session: Session) -> list[_Hazard]:
    rows = session.store.read().execute(
        "SELECT h.id, h.status, h.description, s.name, h.found_on, h.closed_on,"
        " (SELECT max(e.at) FROM hazard_event e WHERE e.hazard_id = h.id AND e.kind = ?)"
        " FROM hazard h JOIN site s ON s.id = h.site_id WHERE h.deleted = 0 ORDER BY h.id",
        (hs.EventKind.REPORTED_DONE,)).fetchall()
    out = []
    for r in rows:
        done = r[5] or (r[6][:10] if r[6] else None)
        out.append(_Hazard(r[0], r[1], r[2] or "", r[3] or "", date.fromisoformat(r[4][:10]),
                           date.fromisoformat(done[:10]) if done else None))
    return out


def plan_photos(hazards: list[_Hazard], count: int, seed: int, today: date) -> list[PlannedPhoto]:
    """``count`` photos over the hazards: as many hazards as possible, each hazard's
    photos in the phases its status allows (a closed hazard: before, then after)."""
    if not hazards or count <= 0:
        return []
    rng = random.Random(seed)
    buckets: dict[str, list[_Hazard]] = {}
    for h in hazards:
        buckets.setdefault(h.status, []).append(h)
    for bucket in buckets.values():
        rng.shuffle(bucket)
    # statuses taken in turn, so a few photos already show every kind of hazard
    turns = [s for s in (hs.CLOSED, hs.NOTIFIED, hs.AWAITING_RECHECK, hs.OPEN, hs.DRAFT) if s in buckets]
    turns += sorted(set(buckets) - set(turns))
    order = [b[i] for i in range(max(len(b) for b in buckets.values()))
             for b in (buckets[s] for s in turns) if i < len(b)]
    picked = order[:max(1, min(len(order), (count + 1) // 2))]  # about two photos per hazard
    plan = []
    for n in range(count):
        hazard = picked[n % len(picked)]
        phases = STATUS_PHASES.get(hazard.status, ("scene",))
        if "after" in phases and hazard.done_on is None:
            phases = ("before", "scene")
        phase = phases[(n // len(picked)) % len(phases)]
        day = hazard.done_on if phase == "after" and hazard.done_on else hazard.found_on
        day = min(day, today)
        # after photos in the afternoon: later than a before photo of the same day
        minutes = rng.randrange(13 * 60, 17 * 60 + 30) if phase == "after" else rng.randrange(
            8 * 60 + 30, 12 * 60)
        taken = datetime.combine(day, time(minutes // 60, minutes % 60, rng.randrange(60)))
        plan.append(PlannedPhoto(hazard, phase, taken))
    return plan


def _exif(taken: datetime) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Demo"  # Make
    exif[0x0110] = "网格巡查演示相机"  # Model
    sub = exif.get_ifd(IFD_EXIF)
    sub[DATETIME_ORIGINAL] = taken.strftime("%Y:%m:%d %H:%M:%S")
    sub[OFFSET_ORIGINAL] = "+08:00"
    return exif


def draw_photo(photo: PlannedPhoto, number: int, seed: int) -> Image.Image:
    """A drawn scene: wall and floor, an object (red/orange before, green after), a caption."""
    rng = random.Random(f"{seed}-{number}-{photo.hazard.id}")
    width, height = SIZE
    wall = tuple(rng.randrange(170, 235) for _ in range(3))
    floor = tuple(max(0, c - rng.randrange(50, 90)) for c in wall)
    im = Image.new("RGB", SIZE, wall)
    d = ImageDraw.Draw(im)
    horizon = rng.randrange(height * 5 // 10, height * 7 // 10)
    d.rectangle((0, horizon, width, height), fill=floor)
    for x in range(0, width, rng.randrange(60, 140)):  # floor tiles / wall panels
        d.line((x, horizon, x + (x - width // 2) // 3, height), fill=tuple(c - 20 for c in floor), width=2)
    door_x = rng.randrange(40, width - 260)
    d.rectangle((door_x, horizon - 330, door_x + 190, horizon), fill=(120, 84, 52), outline=(60, 40, 20), width=4)
    d.rectangle((door_x + 20, horizon - 300, door_x + 170, horizon - 200), fill=(90, 140, 60))
    d.text((door_x + 30, horizon - 280), "安全出口", font=cjk_font(34), fill=(255, 255, 255))
    # the hazard: boxes heaped in the passage before, a clear passage after
    colour = PHASE_COLOUR[photo.phase]
    if photo.phase == "after":
        ext_x = rng.randrange(width // 2, width - 120)
        d.rounded_rectangle((ext_x, horizon - 150, ext_x + 56, horizon + 10), 12, fill=(200, 30, 30))
        d.rectangle((ext_x + 16, horizon - 175, ext_x + 40, horizon - 150), fill=(40, 40, 40))
    else:
        for _ in range(rng.randrange(4, 9)):
            bx = rng.randrange(width // 3, width - 160)
            by = rng.randrange(horizon - 120, horizon + 80)
            bw, bh = rng.randrange(70, 160), rng.randrange(50, 120)
            tone = (rng.randrange(150, 200), rng.randrange(100, 140), rng.randrange(40, 80))
            d.rectangle((bx, by, bx + bw, by + bh), fill=tone, outline=(80, 50, 20), width=3)
        cx, cy = rng.randrange(width // 3, width - 200), rng.randrange(horizon - 140, horizon)
        d.ellipse((cx - 40, cy - 40, cx + 240, cy + 200), outline=colour, width=8)
    # caption band, as an inspector's camera app would stamp it
    d.rectangle((0, height - 120, width, height), fill=(0, 0, 0))
    title = f"{PHASE_ZH[photo.phase]} · {photo.hazard.site_name}"
    d.rectangle((24, height - 104, 24 + 16, height - 72), fill=colour)
    d.text((52, height - 110), _fit(title, 34, width - 420), font=cjk_font(34), fill=(255, 255, 255))
    d.text((24, height - 60), _fit(photo.hazard.description, 26, width - 48), font=cjk_font(26),
           fill=(230, 230, 230))
    d.text((width - 330, height - 104), f"{photo.taken:%Y-%m-%d %H:%M}", font=cjk_font(30),
           fill=(255, 210, 80))
    d.text((width - 170, 20), f"演示 #{number}", font=cjk_font(28), fill=(90, 90, 90))
    return im


def _fit(text: str, size: int, room: int) -> str:
    """``text`` cut (with …) to ``room`` pixels at ``size``."""
    font = cjk_font(size)
    if font.getlength(text) <= room:
        return text
    while text and font.getlength(text + "…") > room:
        text = text[:-1]
    return text + "…"
