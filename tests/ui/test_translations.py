"""The Chinese translation is complete and matches every tr() string in the ui code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from inspector_app.resources_path import resource_path
from inspector_app.ui.qt import QTranslator

pytestmark = pytest.mark.ui

REPO = Path(__file__).resolve().parents[2]
TS = resource_path("i18n", "inspector_zh_CN.ts")
QM = resource_path("i18n", "inspector_zh_CN.qm")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message
    return found


def lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def test_every_message_is_translated() -> None:
    found = messages(TS)
    assert len(found) > 200
    unfinished = [src for (_, src), m in found.items()
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


def test_placeholders_survive_translation() -> None:
    for (_, source), message in messages(TS).items():
        translation = message.findtext("translation")
        assert source.count("{}") == translation.count("{}"), source
        assert re.findall(r"Ctrl\+\S", source) == re.findall(r"Ctrl\+\S", translation), source


@pytest.mark.skipif(lupdate() is None, reason="pyside6-lupdate not installed")
def test_ts_file_has_exactly_the_sources_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (REPO / "inspector_app" / "ui").rglob("*.py"))
    subprocess.run([lupdate(), *files, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(messages(fresh)) == set(messages(TS)), "run the commands in resources/i18n/README.md"


def test_compiled_qm_translates(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "Workbench") == "工作台"
    assert translator.translate("Labels", "Awaiting re-check") == "待复查"
    stale = [src for (context, src), m in messages(TS).items()
             if translator.translate(context, src) != m.findtext("translation")]
    assert stale == [], "the .qm does not match the .ts: run lrelease (resources/i18n/README.md)"
