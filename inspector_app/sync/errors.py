"""Errors of the sync layer: a bundle that fails verification, a target that refuses.

Both are :class:`DomainError` (a user can cause them: a damaged USB stick, a wrong password,
a full WebDAV quota), with an English and a Chinese message. ``reason`` is a stable short code
that callers (the outbox, tests) branch on; ``retry_after`` says when a retry makes sense.
"""

from __future__ import annotations

from inspector_app.core.errors import DomainError


class BundleError(DomainError):
    """A bundle file is damaged, hostile, of a newer format or not signed by a trusted key."""

    code = "bundle"

    def __init__(self, reason: str, en: str, zh: str) -> None:
        super().__init__(en, zh)
        self.reason = reason


class KeyFileError(DomainError):
    """This device's key file is unreadable or malformed."""

    code = "device_key"


class TransportError(DomainError):
    """A sync target refused or failed a request; ``retryable`` says whether to try again."""

    code = "sync_target"

    def __init__(self, reason: str, en: str, zh: str, *, retryable: bool = False,
                 retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(en, zh)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status
