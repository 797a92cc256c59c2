"""Checklist templates: versions, editing, import/export (JSON and .xlsx), errors, CLI."""

from __future__ import annotations

import json

import openpyxl
import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import PermissionDenied
from inspector_app.services import checklist_io, checklists, inspection_views, inspections, sites
from inspector_app.services.checklist_io import TemplateError
from tests.helpers import ADMIN_PASSWORD, cli

SHIPPED = 11


def template_count(session) -> int:
    return session.store.read().execute("SELECT count(*) FROM checklist_template").fetchone()[0]


def minimal(code="demo_list", **extra) -> dict:
    data = {"format": 1, "code": code, "sector": "九小场所", "title": "演示检查表",
            "items": [{"code": "DL-01", "text": "灭火器在有效期内", "major": False, "default_days": 3},
                      {"code": "DL-02", "text": "三合一场所", "major": True, "default_days": 0,
                       "basis": "GB 35181—2025"}]}
    data.update(extra)
    return data


def test_shipped_templates_are_listed_with_counts(session):
    rows = checklists.list_templates(session)
    assert len(rows) == SHIPPED and all(r.version == 1 and r.latest for r in rows)
    nine = checklists.template_details(session, "nine_small")
    assert nine["item_count"] == len(nine["items"]) >= 10
    assert set(nine["items"][0]) >= {"code", "text", "basis", "major", "default_days"}
    assert [t.code for t in checklists.list_templates(session, sector="crowded_place")] == ["fire_safety"]


def test_editing_makes_a_new_version_and_old_inspections_keep_their_items(session):
    site = sites.add_site(session, SiteInput(name="李记", sectors=["nine_small"])).id
    old_run = inspections.start_inspection(session, inspections.StartInput(site_id=site)).id
    inspections.record_result(session, old_run, "NS-01", "ok")
    v1 = checklists.get_template(session, "nine_small")

    draft = checklists.draft_of(session, v1.id)
    first_text = draft.items[0].text
    draft.items[0].text = "营业执照公示（修改后）"
    draft.items[1].major = True
    draft.items[1].basis = "新的依据"
    draft.items.reverse()  # reordered
    draft.items.append(checklists.ItemDraft(text="新增：禁止在店内为电动自行车充电", major=True, default_days=0))
    saved = checklists.save_new_version(session, v1.id, draft)
    v2 = checklists.get_template(session, saved.id)
    assert (v2.code, v2.version, v2.item_count) == ("nine_small", 2, v1.item_count + 1)
    items = checklists.template_items(session, v2.id)
    assert items[-1].code == f"NS-{v1.item_count + 1:02d}" and items[-1].major
    assert items[-2].text == "营业执照公示（修改后）"
    assert not {i.id for i in items} & {i.id for i in checklists.template_items(session, v1.id)}

    assert [t.version for t in checklists.list_templates(session) if t.code == "nine_small"] == [2]
    assert len(checklists.template_versions(session, "nine_small")) == 2
    # the inspection started on version 1 still shows version 1's items and answer
    view = inspection_views.get_inspection(session, old_run)
    assert view["templates"][0]["version"] == 1
    assert view["templates"][0]["items"][0]["text"] == first_text
    assert view["templates"][0]["items"][0]["result"] == "ok"
    inspections.record_result(session, old_run, "NS-02", "na")  # still recordable on v1
    new_run = inspections.start_inspection(session, inspections.StartInput(site_id=site)).id
    assert inspection_views.get_inspection(session, new_run)["templates"][0]["version"] == 2

    again = checklists.save_new_version(session, v2.id, checklists.draft_of(session, v2.id))
    assert again.id == v2.id and again.warnings[0].code == "unchanged"


def test_only_admins_edit_templates(session):
    from inspector_app.services.session import open_session

    session.write(lambda tx: tx.insert("app_user", {"login": "sup", "name": "王站长", "role": "supervisor",
                                                    "grid_ids": "[]", "active": 1}))
    other = open_session(session.store.data_dir, as_user="sup", clock=session.clock)
    try:
        with pytest.raises(PermissionDenied):
            checklists.save_new_version(other, "nine_small", checklists.draft_of(other, "nine_small"))
    finally:
        other.close()


@pytest.mark.parametrize("data,paths", [
    ({"format": 2, **{k: v for k, v in minimal().items() if k != "format"}}, ["format"]),
    ({k: v for k, v in minimal().items() if k not in ("title", "sector")}, ["title", "sector"]),
    (minimal(items=[{"code": "DL-01"}, {"text": "x"}]), ["items[0].text", "items[1].code"]),
    (minimal(items=[{"code": "DL-01", "text": "a", "major": "yes", "default_days": "3"}]),
     ["items[0].major", "items[0].default_days"]),
    (minimal(items=[{"code": "A", "text": "a"}, {"code": "A", "text": "b"}]), ["items[1].code"]),
    (minimal(sector="火星", colour="red"), ["sector", "colour"]),
    (minimal(items=[]), ["items"]),
])
def test_bad_template_files_say_which_field_and_import_nothing(session, tmp_path, data, paths):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = template_count(session)
    with pytest.raises(TemplateError) as err:
        checklist_io.import_templates(session, path)
    assert sorted(p for p, _, _ in err.value.problems) == sorted(paths)
    for p in paths:
        assert p in err.value.zh
    assert template_count(session) == before


def test_a_bundle_with_one_bad_template_imports_nothing(session, tmp_path):
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps({"format": 1, "templates": [minimal("a_list"), minimal("b_list", title="")]}), "utf-8")
    with pytest.raises(TemplateError) as err:
        checklist_io.import_templates(session, path)
    assert [p for p, _, _ in err.value.problems] == ["templates[1].title"]
    assert template_count(session) == SHIPPED


def test_not_json_is_a_clear_error(session, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": 1,\n "code": }', "utf-8")
    with pytest.raises(Exception) as err:
        checklist_io.import_templates(session, path)
    assert "第 2 行" in err.value.zh


def test_json_import_new_same_and_clashing_versions(session, tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps(minimal(version=1), ensure_ascii=False), "utf-8")
    done, changes = checklist_io.import_templates(session, path)
    assert [(d.outcome, d.version) for d in done] == [("imported", 1)] and changes
    details = checklists.template_details(session, done[0].id)
    assert [i["major"] for i in details["items"]] == [False, True] and details["sector"] == "nine_small"
    done, changes = checklist_io.import_templates(session, path)
    assert [d.outcome for d in done] == ["skipped"] and not changes
    changed = minimal(version=1, title="演示检查表（修订）")
    path.write_text(json.dumps(changed, ensure_ascii=False), "utf-8")
    done, _ = checklist_io.import_templates(session, path)
    assert [(d.outcome, d.version, d.message.code) for d in done] == [("imported", 2, "renumbered")]
    assert checklists.get_template(session, "demo_list").title == "演示检查表（修订）"


def test_export_and_import_json_and_xlsx(session, tmp_path):
    for suffix in (".json", ".xlsx"):
        out = checklist_io.export_template(session, "gas_catering", tmp_path / f"燃气{suffix}")
        done, _ = checklist_io.import_templates(session, out)
        assert [d.outcome for d in done] == ["skipped"], suffix  # the same content is there
    # an edited workbook comes back as a new version
    wb = openpyxl.load_workbook(tmp_path / "燃气.xlsx")
    wb["检查项"]["B2"] = "=这段文字不是公式"
    wb["检查项"]["B2"].data_type = "s"
    wb.save(tmp_path / "edited.xlsx")
    done, _ = checklist_io.import_templates(session, tmp_path / "edited.xlsx")
    assert done[0].outcome == "imported"
    assert checklists.template_items(session, done[0].id)[0].text == "=这段文字不是公式"


def test_xlsx_errors_name_the_row(session, tmp_path):
    out = checklist_io.export_template(session, "ebike", tmp_path / "e.xlsx")
    wb = openpyxl.load_workbook(out)
    wb["检查项"]["D3"] = "也许"
    wb["检查项"]["B4"] = None
    wb.save(out)
    with pytest.raises(TemplateError) as err:
        checklist_io.import_templates(session, out)
    assert "检查项 第 3 行 重大隐患" in err.value.zh and "检查项 第 4 行.text" in err.value.zh


def test_cli_list_show_import(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    result = cli(*store, "checklist", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == SHIPPED and set(rows[0]) >= {"id", "sector", "title", "version", "item_count"}
    shown = json.loads(cli(*store, "checklist", "show", rows[0]["id"], "--json").stdout)
    assert len(shown["items"]) == rows[0]["item_count"]
    assert set(shown["items"][0]) >= {"code", "text", "basis", "major", "default_days"}
    good = tmp_path / "good.json"
    good.write_text(json.dumps(minimal(), ensure_ascii=False), "utf-8")
    result = cli(*store, "checklist", "import", str(good), "--json")
    assert result.returncode == 0 and json.loads(result.stdout)[0]["outcome"] == "imported"
    # with a password the admin is not warned about: the error is the only line
    cli(*store, "user", "passwd", "admin", "--password-env", "NEWPW", env={"NEWPW": ADMIN_PASSWORD})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(minimal(format=9)), "utf-8")
    result = cli(*store, "checklist", "import", str(bad))
    assert result.returncode == 1 and "format" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
