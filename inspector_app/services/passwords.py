"""Passwords of users: argon2id hashes, and the check before acting as another user.

Apart from ``users`` so that opening a session (``session.open_session --as``) can check a
password without importing the user administration, which itself stands on sessions.
"""

from __future__ import annotations

from ..core.entities import User
from ..core.errors import PermissionDenied, ValidationError
from ..store.store import Store

MIN_PASSWORD = 6


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"a password needs at least {MIN_PASSWORD} characters",
                              f"密码至少 {MIN_PASSWORD} 位", code="weak_password")
    return PasswordHasher().hash(password)


def verify_password(password_hash: str, password: str | None) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    if not password:
        return False
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password(store: Store, user: User, password: str | None) -> None:
    """Refuse to act as ``user`` when they have a password and it was not given correctly."""
    row = store.read().execute("SELECT password_hash FROM app_user WHERE id = ?", (user.id,)).fetchone()
    stored = row[0] if row else None
    if not stored:
        return
    if not password:
        raise PermissionDenied(
            f"user {user.login!r} has a password: give it (INSPECTOR_APP_PASSWORD)",
            f"用户“{user.login}”设有密码，请提供密码（环境变量 INSPECTOR_APP_PASSWORD）",
            code="password_required",
        )
    if not verify_password(stored, password):
        raise PermissionDenied(f"wrong password for {user.login!r}", f"用户“{user.login}”的密码不正确",
                               code="wrong_password")
