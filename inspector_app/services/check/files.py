"""Files in the data folder against the ``media`` rows: orphans, leftovers, and the repair.

A file under ``media/`` without a row is evidence of *something* (a row deleted outside
the app, or an import killed between the file and its transaction): ``--repair`` moves it
aside to ``orphans/media/``, never deletes it. Leftover temp files and thumbnails of media
the store does not have are safe to remove.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ...store import media
from .problems import Problem

TMP_PREFIX = ".incoming-"  # store/media.py names its temp files so
_PID = re.compile(r"^\.incoming-(\d+)")
_SHA = re.compile(r"^[0-9a-f]{64}$")
ORPHANS = "orphans"


@dataclass
class Leftovers:
    temp: list[Path] = field(default_factory=list)
    orphan_media: list[Path] = field(default_factory=list)
    orphan_thumbs: list[Path] = field(default_factory=list)

    def problems(self, data_dir: Path) -> list[Problem]:
        out = []

        def names(paths: list[Path]) -> str:
            shown = ", ".join(str(p.relative_to(data_dir)) for p in paths[:5])
            return shown + (f" … (+{len(paths) - 5})" if len(paths) > 5 else "")

        if self.temp:
            out.append(Problem(
                "leftover_temp",
                f"{len(self.temp)} leftover temporary file(s) of an interrupted write"
                f" (check --repair removes them): {names(self.temp)}",
                f"{len(self.temp)} 个中断写入留下的临时文件（check --repair 可清除）：{names(self.temp)}"))
        if self.orphan_media:
            out.append(Problem(
                "orphan_media",
                f"{len(self.orphan_media)} media file(s) without a database row (a row deleted"
                f" outside the app?); check --repair moves them to {ORPHANS}/: {names(self.orphan_media)}",
                f"{len(self.orphan_media)} 个照片原件在数据库中没有记录（记录可能被绕过程序删除）；"
                f"check --repair 会把它们移到 {ORPHANS}/ 目录：{names(self.orphan_media)}"))
        if self.orphan_thumbs:
            out.append(Problem(
                "orphan_thumbnail",
                f"{len(self.orphan_thumbs)} thumbnail(s) of media the store does not have"
                f" (check --repair removes them): {names(self.orphan_thumbs)}",
                f"{len(self.orphan_thumbs)} 个缩略图没有对应的照片（check --repair 可清除）：{names(self.orphan_thumbs)}"))
        return out


def _in_use(path: Path) -> bool:
    """A temp file whose writing process still runs (another window importing photos)."""
    match = _PID.match(path.name)
    if not match:
        return False
    pid = int(match.group(1))
    if pid == os.getpid():
        return False  # this process is checking, not writing
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def find_leftovers(conn: sqlite3.Connection, data_dir: Path) -> Leftovers:
    known = {r[0] for r in conn.execute("SELECT id FROM media")}
    found = Leftovers()
    for path in _files(data_dir / "media"):
        if path.name.startswith(TMP_PREFIX):
            if not _in_use(path):
                found.temp.append(path)
        elif path.name.split(".")[0] not in known:
            found.orphan_media.append(path)
    for path in _files(data_dir / "thumbs"):
        if path.name.startswith(TMP_PREFIX):
            if not _in_use(path):
                found.temp.append(path)
        elif _SHA.match(path.stem) and path.stem not in known:
            found.orphan_thumbs.append(path)
    return found


def repair(found: Leftovers, data_dir: Path) -> list[Problem]:
    """Remove what is safe to remove; move orphan originals aside. One line per action."""
    done: list[Problem] = []
    removed = 0
    for path in [*found.temp, *found.orphan_thumbs]:
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    if removed:
        done.append(Problem("removed", f"removed {removed} leftover file(s)",
                            f"已清除 {removed} 个残留文件"))
    aside = data_dir / ORPHANS / "media"
    for path in found.orphan_media:
        aside.mkdir(parents=True, exist_ok=True)
        target = aside / path.name
        n = 1
        while target.exists():
            target = aside / f"{path.stem}-{n}{path.suffix}"
            n += 1
        shutil.move(str(path), str(target))
        media.thumb_path(data_dir, path.name.split(".")[0]).unlink(missing_ok=True)
        done.append(Problem("moved_aside", f"moved {path.relative_to(data_dir)} to {target.relative_to(data_dir)}",
                            f"已将 {path.relative_to(data_dir)} 移到 {target.relative_to(data_dir)}"))
    return done
