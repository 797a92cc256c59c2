"""A folder as a sync target: a USB stick, a mounted network share.

Writes are fsynced before they are renamed into place (target.py puts uploads in ``tmp/``
and renames them into ``devices/``), so a stick pulled mid-write leaves at most a partial
``.part`` file in ``tmp/<device>/``, never a partial bundle under a bundle name. No hard
links (FAT32 and exFAT sticks have none): "rename unless it exists" is a check and a rename,
which is safe because each device writes only below its own names.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from inspector_app.sync.errors import TransportError
from inspector_app.sync.transport import Entry, RetryPolicy, Transport

COPY = 1024 * 1024


def _fsync_dir(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        try:
            fd = os.open(folder, os.O_DIRECTORY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass  # some network file systems refuse fsync on folders
        finally:
            os.close(fd)


class FolderTransport(Transport):
    def __init__(self, root: Path, policy: RetryPolicy | None = None) -> None:
        super().__init__(policy)
        self.root = Path(root)

    def describe(self) -> str:
        return str(self.root)

    def _path(self, rel: str) -> Path:
        parts = [p for p in rel.split("/") if p]
        if any(p in (".", "..") or "\\" in p or "\0" in p for p in parts):
            raise ValueError(f"bad target path {rel!r}")
        return self.root.joinpath(*parts)

    def _os_error(self, what: str, exc: OSError) -> TransportError:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return TransportError("full", f"The sync folder {self.root} is full ({what})",
                                  f"同步文件夹 {self.root} 空间已满（{what}）")
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return TransportError("forbidden", f"The sync folder {self.root} cannot be written "
                                  f"({what}: {exc.strerror})",
                                  f"无法写入同步文件夹 {self.root}（{what}：{exc.strerror}）")
        return TransportError("io", f"The sync folder {self.root} failed during {what}: {exc}",
                              f"同步文件夹 {self.root} 在{what}时出错：{exc}", retryable=True)

    def _check_root(self) -> None:
        if not self.root.is_dir():
            raise TransportError("not_found", f"The sync folder {self.root} is not there (stick "
                                 "removed, share not mounted?)",
                                 f"找不到同步文件夹 {self.root}（U 盘已拔出或共享未连接？）",
                                 retryable=True)

    def stat(self, path: str) -> Entry | None:
        self.count()
        p = self._path(path)
        try:
            st = p.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._os_error("stat", exc) from exc
        return Entry(p.name, p.is_dir(), None if p.is_dir() else st.st_size,
                     f"{st.st_ino}-{st.st_mtime_ns}", str(st.st_mtime_ns))

    def list_dir(self, path: str) -> list[Entry]:
        self.count()
        self._check_root()
        out = []
        try:
            with os.scandir(self._path(path)) as it:
                for d in it:
                    st = d.stat()
                    is_dir = d.is_dir()
                    out.append(Entry(d.name, is_dir, None if is_dir else st.st_size,
                                     f"{st.st_ino}-{st.st_mtime_ns}", str(st.st_mtime_ns)))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise self._os_error("listing", exc) from exc
        return out

    def read(self, path: str, limit: int) -> bytes | None:
        self.count()
        self._check_root()
        try:
            with open(self._path(path), "rb") as fh:
                return fh.read(limit)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._os_error("reading", exc) from exc

    def _no_parent(self, path: str) -> TransportError:
        return TransportError("conflict", f"The folder for {path} is missing in the sync folder",
                              f"同步文件夹中缺少 {path} 所在的文件夹")

    def put(self, path: str, src: Path | bytes) -> None:
        self.count()
        self._check_root()
        dest = self._path(path)
        if not dest.parent.is_dir():
            raise self._no_parent(path)
        try:
            with open(dest, "wb") as out:
                if isinstance(src, bytes):
                    out.write(src)
                else:
                    with open(src, "rb") as fh:
                        shutil.copyfileobj(fh, out, COPY)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise self._os_error("writing", exc) from exc

    def move(self, src: str, dst: str, *, overwrite: bool) -> None:
        self.count()
        a, b = self._path(src), self._path(dst)
        if not a.exists():
            raise TransportError("not_found", f"{src} is not in the sync folder",
                                 f"同步文件夹中没有 {src}")
        if not b.parent.is_dir():
            raise self._no_parent(dst)
        if not overwrite and b.exists():
            raise TransportError("exists", f"{dst} already exists in the sync folder",
                                 f"同步文件夹中已有 {dst}")
        try:
            os.replace(a, b)
        except OSError as exc:
            raise self._os_error("renaming", exc) from exc
        _fsync_dir(b.parent)

    def mkdir(self, path: str) -> None:
        self.count()
        self._check_root()
        try:
            self._path(path).mkdir(exist_ok=True)
        except OSError as exc:
            raise self._os_error("creating a folder", exc) from exc

    def delete(self, path: str) -> None:
        self.count()
        try:
            self._path(path).unlink(missing_ok=True)
        except OSError as exc:
            raise self._os_error("deleting", exc) from exc

    def download(self, path: str, dest: Path, size: int) -> None:
        self.count()
        have = dest.stat().st_size if dest.exists() else 0
        if have > size:
            dest.unlink()
            have = 0
        try:
            with open(self._path(path), "rb") as fh, open(dest, "ab") as out:
                fh.seek(have)
                shutil.copyfileobj(fh, out, COPY)
                out.flush()
                os.fsync(out.fileno())
        except FileNotFoundError as exc:
            raise TransportError("not_found", f"{path} is not in the sync folder",
                                 f"同步文件夹中没有 {path}") from exc
        except OSError as exc:
            raise self._os_error("copying", exc) from exc
        if dest.stat().st_size != size:
            raise TransportError("incomplete", f"{path} in the sync folder is not complete",
                                 f"同步文件夹中的 {path} 不完整", retryable=True)
