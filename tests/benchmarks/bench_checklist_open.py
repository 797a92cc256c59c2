"""Opening a 60-item checklist in the run: load the inspection into ``ChecklistRun`` and paint it.

    python -m tests.benchmarks.bench_checklist_open [STORE_DIR]

Creates (or reuses) a 60-item template and an inspection with it in STORE_DIR (a fresh
temporary folder without an argument), then measures, offscreen, the median time from
``ChecklistRun.load`` to the painted widget (``grab()`` paints it). The baseline, measured
in the same run and process, is a bare ``QTableView`` over a 60-row ``QStandardItemModel``
of the same texts, filled and painted the same way. Prints both and the ratio.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from tests.benchmarks.generate import median_ms, store_from_argv

CODE = "bench_sixty"
ITEMS = 60


def _prepare(session) -> str:
    """A site, the 60-item template and an inspection in progress there; the inspection id."""
    from inspector_app.core.entities import SiteInput
    from inspector_app.core.errors import NotFound
    from inspector_app.services import checklists, inspections, sites
    from inspector_app.services.checklists import ItemDraft, TemplateDraft

    try:
        template_id = checklists.get_template(session, CODE).id
    except NotFound:
        items = [ItemDraft(code=f"B-{n:02d}", text=f"第{n}项：安全出口、疏散通道畅通，未被货物或杂物堵塞占用（{n}）",
                           basis="《中华人民共和国消防法》第二十八条", major=n % 7 == 0, default_days=7,
                           hint="营业时推一推后门、侧门，看通道有无堆物")
                 for n in range(1, ITEMS + 1)]
        template_id = checklists.create_template(session, TemplateDraft(
            code=CODE, sector="nine_small", title="基准测试检查表（60项）", items=items)).id
    site_id = sites.add_site(session, SiteInput(name="基准测试场所", sectors=("nine_small",))).id
    return inspections.start_inspection(session, inspections.StartInput(
        site_id=site_id, template_ids=[template_id])).id


def run(store_dir: Path, runs: int = 9) -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("INSPECTOR_APP_SETTINGS", str(Path(tempfile.mkdtemp()) / "bench-settings.ini"))
    from inspector_app.services.inspection_views import get_inspection
    from inspector_app.services.session import open_session
    from inspector_app.ui.app import application, build_context
    from inspector_app.ui.i18n import Translations
    from inspector_app.ui.pages.checklist_run import ChecklistRun
    from inspector_app.ui.qt import QStandardItem, QStandardItemModel, QTableView
    from inspector_app.ui.settings import Settings

    app = application()
    settings = Settings()
    translations = Translations(app)
    translations.install(settings.language)
    store_dir.mkdir(parents=True, exist_ok=True)
    session = open_session(store_dir)
    try:
        inspection_id = _prepare(session)
        ctx = build_context(session, settings, translations, store_dir)
        widget = ChecklistRun(ctx)
        widget.resize(1100, 700)
        widget.show()
        app.processEvents()

        def open_run() -> None:
            widget.load(inspection_id)
            widget.grab()  # lays out and paints the table and the item panel

        texts = [(item["code"], item["text"])
                 for t in get_inspection(session, inspection_id)["templates"] for item in t["items"]]
        view = QTableView()
        view.resize(1100, 700)
        view.show()
        app.processEvents()

        def open_bare() -> None:
            model = QStandardItemModel(0, 4)
            for code, text in texts:
                model.appendRow([QStandardItem(code), QStandardItem(text), QStandardItem(""), QStandardItem("")])
            view.setModel(model)
            view.grab()

        bare = median_ms(open_bare, runs)
        ours = median_ms(open_run, runs)
        rows = widget.model.rowCount()
        widget.close()
        view.close()
    finally:
        session.close()
    return [
        f"platform: {os.environ['QT_QPA_PLATFORM']}, median of {runs} runs, store {store_dir}",
        f"bare QTableView, {len(texts)} rows filled and painted: {bare:.1f} ms",
        f"ChecklistRun.load of a {rows}-item inspection and paint: {ours:.1f} ms  ({ours / bare:.2f}x bare)",
    ]


@pytest.mark.benchmark
def test_checklist_open_benchmark(tmp_path: Path) -> None:
    for line in run(tmp_path / "bench-store"):
        print(line)


if __name__ == "__main__":
    target = store_from_argv() if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "bench-store"
    for line in run(target):
        print(line)
