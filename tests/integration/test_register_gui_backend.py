"""Grid assignment as the GUI uses it: assign, read the grids back, restore them (undo)."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import ValidationError
from inspector_app.services import sites
from inspector_app.services.changes import SITES
from inspector_app.services.regions import add_region
from inspector_app.services.register_import import (
    assign_grid,
    restore_grids,
    site_grids,
    unassigned_site_ids,
)


def test_assign_then_restore_puts_every_site_back(session) -> None:
    east = session.write(lambda tx: add_region(tx, "grid", "东村网格", code="G1"))
    west = session.write(lambda tx: add_region(tx, "grid", "西村网格", code="G2"))
    loose = [sites.add_site(session, SiteInput(name=f"无网格场所{i}")).id for i in range(3)]
    placed = sites.add_site(session, SiteInput(name="西村小卖部", grid="G2")).id
    assert unassigned_site_ids(session) == loose

    before = site_grids(session, [*loose[:2], placed])
    assert before == {loose[0]: None, loose[1]: None, placed: west}
    assign_grid(session, [*loose[:2], placed], "东村网格")
    assert unassigned_site_ids(session) == [loose[2]]
    assert sites.get_site(session, placed).grid_id == east

    changes = restore_grids(session, before)
    assert changes.touches(SITES)
    assert unassigned_site_ids(session) == loose
    assert sites.get_site(session, placed).grid_id == west


def test_unknown_grid_changes_nothing(session) -> None:
    site = sites.add_site(session, SiteInput(name="无网格场所")).id
    with pytest.raises(ValidationError) as raised:
        assign_grid(session, [site], "不存在的网格")
    assert "不存在的网格" in raised.value.message("zh")
    assert unassigned_site_ids(session) == [site]


def test_site_grids_reads_many_ids(session) -> None:
    ids = [sites.add_site(session, SiteInput(name=f"场所{i:04d}")).id for i in range(620)]
    assert site_grids(session, ids) == dict.fromkeys(ids)
