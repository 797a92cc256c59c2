"""What a sync target can do — the few storage operations the layout in target.py needs.

Two implementations: ``folder.FolderTransport`` (a USB stick, a network share) and
``webdav.WebDavTransport``. Paths are relative, ``/``-separated, always below the target's
root. Every operation counts as one request in ``requests`` (a WebDAV service such as
坚果云 allows about 600 per 30 minutes), and a :class:`RetryPolicy` bounds retries, waits
and the total number of requests of one sync.
"""

from __future__ import annotations

import email.utils
import random
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.sync.errors import TransportError


@dataclass(frozen=True)
class Entry:
    """One file or folder of a listing."""

    name: str
    is_dir: bool
    size: int | None = None
    etag: str | None = None
    modified: str | None = None

    @property
    def token(self) -> str:
        """Changes whenever the file is replaced (size, etag and modification time)."""
        return f"{self.size}|{self.etag}|{self.modified}"


@dataclass
class RetryPolicy:
    """Backoff for transient failures; honours Retry-After; a budget of requests per sync."""

    attempts: int = 4  # tries of one request
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0  # a longer Retry-After ends this sync (the outbox waits)
    budget: int = 400  # requests per transport (one sync)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    waits: list[float] = field(default_factory=list, repr=False)  # what we slept, for the UI

    def backoff(self, attempt: int) -> float:
        return min(self.max_delay, self.base_delay * 2 ** attempt) * (0.5 + random.random() / 2)

    def wait(self, seconds: float) -> None:
        self.waits.append(seconds)
        if seconds > 0:
            self.sleep(seconds)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# --- clear errors -----------------------------------------------------------------------------

def auth_error(status: int) -> TransportError:
    if status == 401:
        return TransportError("auth", "The sync server refused the user name or password (401)",
                              "同步服务器拒绝了用户名或密码（401），请检查账号设置", status=status)
    return TransportError("forbidden", "The sync server does not allow this account to write "
                          "there (403)", "同步服务器不允许该账号访问此位置（403）", status=status)


def status_error(status: int, what: str, retry_after: float | None = None) -> TransportError:
    """The message for an HTTP status the layout code does not handle itself."""
    table = {
        409: ("conflict", False, f"The sync server refused {what}: a parent folder is missing "
              "or in the way (409)", f"同步服务器拒绝了{what}：上级文件夹不存在或冲突（409）"),
        413: ("too_large", False, f"The sync server refused {what}: the file is larger than it "
              "accepts (413)", f"同步服务器拒绝了{what}：文件超过服务器允许的大小（413）"),
        423: ("locked", True, f"{what} is locked on the sync server (423); trying again later",
              f"同步服务器上的{what}被锁定（423），稍后重试"),
        429: ("rate_limited", True, f"The sync server asks to slow down (429) during {what}",
              f"同步服务器请求过于频繁（429），{what}稍后重试"),
        503: ("unavailable", True, f"The sync server is unavailable (503) during {what}",
              f"同步服务器暂时不可用（503），{what}稍后重试"),
        507: ("full", False, f"The sync server has no space left for {what} (507)",
              f"同步服务器空间已满，无法{what}（507）"),
    }
    if status in table:
        reason, retryable, en, zh = table[status]
    elif status >= 500:
        reason, retryable = "server", True
        en, zh = (f"The sync server failed {what} ({status})",
                  f"同步服务器处理{what}时出错（{status}）")
    else:
        reason, retryable = "http", False
        en, zh = (f"The sync server answered {status} to {what}",
                  f"同步服务器对{what}返回了 {status}")
    return TransportError(reason, en, zh, retryable=retryable, retry_after=retry_after,
                          status=status)


def network_error(what: str, exc: BaseException) -> TransportError:
    return TransportError("network", f"The connection to the sync server failed during {what}: "
                          f"{exc}", f"与同步服务器的连接在{what}时中断：{exc}", retryable=True)


def captive_portal(what: str) -> TransportError:
    return TransportError(
        "captive_portal", f"A web page came back instead of the sync server's answer to {what}: "
        "the network probably needs a log-in in a browser (hotel, public Wi-Fi)",
        f"{what}时收到的是一个网页而不是同步服务器的回应：当前网络可能需要先在浏览器中登录（如酒店、"
        "公共 Wi-Fi）", retryable=True)


def redirected(what: str, location: str) -> TransportError:
    from urllib.parse import urlsplit

    where = urlsplit(location)
    shown = f"{where.scheme}://{where.hostname}{where.path}" if where.hostname else where.path
    return TransportError(
        "redirect", f"The sync server sent {what} elsewhere ({shown}): a network log-in page, "
        "or the address should be different (https, a trailing folder?)",
        f"同步服务器把{what}转到了别处（{shown}）：可能需要先登录网络，或同步地址需要更改（https、文件夹路径？）",
        retryable=True)


def budget_error(budget: int) -> TransportError:
    return TransportError("budget", f"This sync reached its limit of {budget} requests; the "
                          "rest follows in the next sync",
                          f"本次同步已达 {budget} 次请求的上限，其余内容将在下次同步时继续",
                          retryable=True)


# --- the interface ----------------------------------------------------------------------------

class Transport(ABC):
    """Storage operations on one target; see the module docstring."""

    def __init__(self, policy: RetryPolicy | None = None) -> None:
        self.policy = policy or RetryPolicy()
        self.requests = 0

    def count(self) -> None:
        """Count one request; past the budget, stop this sync."""
        if self.requests >= self.policy.budget:
            raise budget_error(self.policy.budget)
        self.requests += 1

    @abstractmethod
    def describe(self) -> str:
        """The target for messages (a URL without credentials, or a folder)."""

    @abstractmethod
    def stat(self, path: str) -> Entry | None:
        """The entry at ``path``, or None."""

    @abstractmethod
    def list_dir(self, path: str) -> list[Entry]:
        """The children of a folder in one request (a missing folder is empty)."""

    @abstractmethod
    def read(self, path: str, limit: int) -> bytes | None:
        """A small file's bytes (at most ``limit``), or None when it does not exist."""

    @abstractmethod
    def put(self, path: str, src: Path | bytes) -> None:
        """Write a file (the parent folder exists) with its exact length."""

    @abstractmethod
    def move(self, src: str, dst: str, *, overwrite: bool) -> None:
        """Rename; reason ``exists`` when ``dst`` exists and not ``overwrite``, ``not_found``
        when ``src`` does not exist."""

    @abstractmethod
    def mkdir(self, path: str) -> None:
        """Create one folder (fine if it exists; its parent exists)."""

    @abstractmethod
    def delete(self, path: str) -> None:
        """Remove a file (fine if it is gone)."""

    @abstractmethod
    def download(self, path: str, dest: Path, size: int) -> None:
        """Copy ``path`` to ``dest``, resuming a ``dest`` partial copy of earlier tries; the
        result has ``size`` bytes or this raises and keeps the partial copy for the next try."""

    def close(self) -> None:  # noqa: B027 - optional
        pass
