"""Domain errors: what a user can cause, with a message fit to show.

Each error carries a stable ``code``, an English message (logs, English UI) and a
Chinese one (default UI and CLI). Anything that is not a ``DomainError`` is a bug.
"""

from __future__ import annotations


class DomainError(Exception):
    """An error the user can cause and fix; never shown with a traceback."""

    code = "domain"

    def __init__(self, en: str, zh: str | None = None, *, code: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh or en
        if code:
            self.code = code

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


class StoreError(DomainError):
    """The data store cannot be opened or written (not a database, too new, locked …)."""

    code = "store"


class NotFound(DomainError):
    code = "not_found"


class ValidationError(DomainError):
    code = "invalid"


class IllegalTransition(DomainError):
    """A hazard action that its current status does not allow."""

    code = "illegal_transition"


class PermissionDenied(DomainError):
    code = "permission"


class Cancelled(Exception):
    """Long work stopped because the user asked for it (not an error to report)."""
