"""One grid scope for every read and write: an inspector sees and acts on their grids only
(plus what they recorded at a site without a grid), whichever service they go through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import PermissionDenied
from inspector_app.services import (
    inspection_views,
    inspections,
    overview,
    photo_edits,
    photos,
    search,
    sites,
)
from inspector_app.services.photos import PhotoTarget
from tests.helpers import ADMIN_PASSWORD, cli
from tests.lifecycle_helpers import make_town
from tests.photo_samples import jpeg, pattern


@pytest.fixture
def town(session):
    return make_town(session)


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "现场 照片.jpg"
    path.write_bytes(jpeg(pattern()))
    return path


def _refused(kind_zh: str, call, *args, **kwargs) -> PermissionDenied:
    with pytest.raises(PermissionDenied) as exc:
        call(*args, **kwargs)
    assert exc.value.code == "out_of_grid" and kind_zh in exc.value.message("zh")
    return exc.value


def test_photos_of_another_grids_hazard_are_refused(town, picture, tmp_path) -> None:
    theirs = town.hazard(town.zhao, site=town.s3)
    result = photos.import_photos(town.zhao, theirs, [picture], workers=0)
    link = result.results[0].link_id
    sha = result.results[0].sha256
    # li (G1) may not add, list, render, annotate, remove, nor open the stored files
    _refused("该隐患", photos.import_photos, town.li, theirs, [picture], workers=0)
    _refused("该隐患", photos.photos_of_hazard, town.li, theirs)
    _refused("该照片", photos.get_photo, town.li, link)
    _refused("该照片", photo_edits.render_photo, town.li, link)
    _refused("该照片", photo_edits.save_rendered, town.li, link, tmp_path / "copy.jpg")
    _refused("该照片", photo_edits.watermark_of, town.li, link)
    _refused("该照片", photo_edits.get_annotation, town.li, link)
    _refused("该照片", photo_edits.set_annotation, town.li, link,
             [{"type": "rect", "box": [0.1, 0.1, 0.5, 0.5]}])
    _refused("该照片", photo_edits.remove_photo, town.li, link)
    _refused("该照片", photos.original_path, town.li, sha)
    _refused("该照片", photos.thumbnail_path, town.li, sha)
    assert not (tmp_path / "copy.jpg").exists()
    assert [p["id"] for p in photos.photos_of_hazard(town.zhao, theirs)] == [link]  # untouched
    # their own grid's photos and the supervisor's view still work
    assert photos.original_path(town.zhao, sha).exists()
    assert photo_edits.render_photo(town.wang, link).size == (96, 64)
    mine = town.hazard(town.li, site=town.s1)
    assert photos.import_photos(town.li, mine, [picture], workers=0).results[0].status in ("ok", "duplicate")
    # the same file is now evidence in li's grid too: its stored file opens for li
    assert photos.original_path(town.li, sha).exists()


def test_photos_of_another_grids_inspection_are_refused(town, picture) -> None:
    started = inspections.start_inspection(town.zhao, inspections.StartInput(site_id=town.s3)).id
    target = PhotoTarget(inspection_id=started)
    photos.import_photos(town.zhao, target, [picture], phase="scene", workers=0)
    _refused("该检查记录", photos.import_photos, town.li, target, [picture], phase="scene", workers=0)
    _refused("该检查记录", photos.photos_of_inspection, town.li, started)
    assert len(photos.photos_of_inspection(town.wang, started)) == 1


def test_search_shows_only_what_the_inspector_may_open(town) -> None:
    theirs = town.hazard(town.zhao, site=town.s3, description="西村货架堵塞安全出口")
    mine = town.hazard(town.li, site=town.s1, description="东村货架堵塞安全出口")
    free = sites.add_site(town.admin, SiteInput(name="无网格货架仓库")).id
    assert {h.id for h in search.search(town.wang, "货架")} >= {theirs, mine}
    seen = {h.id for h in search.search(town.li, "货架")}
    assert mine in seen and free in seen and theirs not in seen
    assert town.s3 not in {h.id for h in search.search(town.li, "西村超市")}
    # a limit still fills up with li's own hits, however many of zhao's come first
    for n in range(6):
        town.hazard(town.zhao, site=town.s3, description=f"西村货架问题{n}")
    assert {h.id for h in search.search(town.li, "货架", limit=2)} == {mine, free}


def test_site_show_history_list_edit_are_scoped(town) -> None:
    _refused("该场所", sites.get_site, town.li, town.s3)
    _refused("该场所", inspection_views.site_history, town.li, town.s3)
    _refused("该场所", sites.update_site, town.li, town.s3, sites.site_input_of(sites.get_site(town.admin, town.s3)))
    _refused("该场所", sites.delete_site, town.li, town.s3)
    listed = {s.id for s in sites.list_sites(town.li)}
    assert town.s1 in listed and town.s3 not in listed
    assert sites.count_sites(town.li) == 2 and sites.count_sites(town.wang) == 3
    # nor may li move a site of theirs into another grid (they would lose it)
    moved = sites.site_input_of(sites.get_site(town.li, town.s1))
    moved.grid = "G2"
    _refused("该场所", sites.update_site, town.li, town.s1, moved)
    assert sites.get_site(town.wang, town.s1).grid_id == town.g1
    assert inspection_views.site_history(town.wang, town.s3)["site"]["id"] == town.s3


def test_site_counts_agree_with_the_site_list(town) -> None:
    """The status bar's count and the site list name the same sites (a gridless one too)."""
    sites.add_site(town.admin, SiteInput(name="无网格的仓库"))
    for who in (town.li, town.zhao, town.wang):
        listed = len(sites.list_sites(who))
        assert overview.overview(who).sites == sites.count_sites(who) == listed
    assert len(sites.list_sites(town.li)) == 3 and len(sites.list_sites(town.wang)) == 4


def test_inspection_start_show_list_are_scoped_and_name_the_record(town) -> None:
    # the refusal names the site, not a hazard
    exc = _refused("该场所", inspections.start_inspection, town.li, inspections.StartInput(site_id=town.s3))
    assert "隐患" not in exc.message("zh") and "site" in exc.message("en")
    theirs = inspections.start_inspection(town.zhao, inspections.StartInput(site_id=town.s3)).id
    _refused("该检查记录", inspection_views.get_inspection, town.li, theirs)
    assert theirs not in {i["id"] for i in inspection_views.list_inspections(town.li)}
    assert theirs in {i["id"] for i in inspection_views.list_inspections(town.wang)}
    # a co-inspector named on it works on it, whatever grid the site is in
    joint = inspections.start_inspection(
        town.zhao, inspections.StartInput(site_id=town.s3, inspector_ids=[town.li.user.id])).id
    assert inspection_views.get_inspection(town.li, joint)["id"] == joint


def test_cli_inspector_cannot_touch_another_grids_photos_or_find_them(town, picture, data_dir, tmp_path) -> None:
    from inspector_app.services import users

    users.set_password(town.admin, "li", "li-password-1")
    theirs = town.hazard(town.zhao, site=town.s3, description="西村配电箱裸露")
    link = photos.import_photos(town.zhao, theirs, [picture], workers=0).results[0].link_id
    base = ["--data-dir", str(data_dir), "--as", "li"]
    env = {"INSPECTOR_APP_PASSWORD": "li-password-1"}
    for args in (["photos", "add", theirs, str(picture)], ["photos", "list", theirs],
                 ["photos", "render", link, "-o", str(tmp_path / "out.jpg")],
                 ["photos", "annotate", link, json.dumps([{"type": "rect", "box": [0, 0, 0.5, 0.5]}])],
                 ["inspection", "start", "--site", town.s3], ["site", "show", town.s3]):
        r = cli(*base, *args, env=env)
        assert r.returncode == 1 and "不在您负责的网格内" in r.stderr, (args, r.stderr)
    r = cli(*base, "inspection", "start", "--site", town.s3, env=env)
    assert "该场所" in r.stderr and "隐患" not in r.stderr
    found = cli(*base, "search", "配电箱", "--json", env=env)
    assert found.returncode == 0 and theirs not in found.stdout
    admin = cli("--data-dir", str(data_dir), "search", "配电箱", "--json",
                env={"INSPECTOR_APP_PASSWORD": ADMIN_PASSWORD})
    assert admin.returncode == 0 and theirs in admin.stdout


def test_register_import_does_not_update_another_grids_site(town, tmp_path) -> None:
    import openpyxl

    from inspector_app.services import register_import

    path = tmp_path / "台账 西村.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["编号", "场所名称", "联系电话"])
    wb.active.append([town.s3, "西村超市", "13900000000"])
    wb.active.append([town.s1, "李记小吃店", "13800000000"])
    wb.save(path)
    report = register_import.import_register(town.li, path, update=True)
    outcome = {r.site_id: r.outcome for r in report.rows}
    assert outcome[town.s3] == "skipped" and outcome[town.s1] == "updated"
    assert sites.get_site(town.wang, town.s3).phone is None
    assert sites.get_site(town.li, town.s1).phone == "13800000000"


def test_assigning_imported_sites_stays_within_the_inspectors_grids(town) -> None:
    from inspector_app.services import register_import

    free = sites.add_site(town.li, SiteInput(name="待分配的仓库")).id
    _refused("该场所", register_import.assign_grid, town.li, [free], "G2")
    _refused("该场所", register_import.assign_grid, town.li, [town.s3], "G1")
    assert sites.get_site(town.wang, free).grid_id is None
    assert sites.get_site(town.wang, town.s3).grid_id == town.g2
    register_import.assign_grid(town.li, [free], "G1")
    assert sites.get_site(town.li, free).grid_id == town.g1
