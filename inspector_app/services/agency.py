"""The issuing agency (发文单位) of this installation: its name, the short name that goes into
document numbers （简称）隐改〔2026〕N号, enforcement power and seal text.

A fresh single install has none; an admin sets it once (`inspector-app agency set`), after
which documents can be issued at once. Later changes update the same row (a synced row).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import permissions
from ..core.errors import ValidationError
from ..core.permissions import Action
from ..core.validation import clean_text
from ..store.store import WriteTx
from .changes import STORE, Changes
from .session import Session


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    short_name: str
    enforcement_power: bool
    seal_text: str | None


def get_agency(session: Session) -> Agency | None:
    r = session.store.read().execute(
        "SELECT id, name, short_name, enforcement_power, seal_text FROM agency WHERE deleted = 0"
        " ORDER BY created_at, id LIMIT 1").fetchone()
    if r is None:
        return None
    return Agency(r[0], r[1] or "", r[2] or "", bool(r[3]), r[4])


def set_agency(session: Session, name: str, short_name: str, *, enforcement_power: bool = False,
               seal_text: str | None = None) -> Changes:
    """Create or update this installation's agency (admins)."""
    permissions.require(session.user, Action.MANAGE_SETTINGS)
    name_ = clean_text("name", name, required=True)
    short = clean_text("short_name", short_name, required=True)
    if len(short or "") > 20 or any(c in (short or "") for c in "（）()〔〕[]"):
        raise ValidationError("the short name goes into document numbers: at most 20 characters, no brackets",
                              "简称用于文书编号：不超过 20 个字，不含括号", code="bad_short_name")
    seal = clean_text("seal_text", seal_text)
    current = get_agency(session)

    def job(tx: WriteTx) -> None:
        values = {"name": name_, "short_name": short, "enforcement_power": int(enforcement_power),
                  "seal_text": seal}
        if current is None:
            agency_id = tx.insert("agency", values)
        else:
            agency_id = current.id
            tx.update("agency", agency_id, values)
        tx.audit("agency_set", "agency", agency_id, f"{name_}（{short}）")

    session.write(job)
    return Changes.of(STORE)
