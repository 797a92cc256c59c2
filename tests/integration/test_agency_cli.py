"""A fresh single install sets its issuing agency once and can issue a numbered notice at once."""

from __future__ import annotations

import json
import subprocess
from datetime import date

from tests.helpers import cli


def test_fresh_install_sets_its_agency_and_issues_at_once(data_dir, tmp_path):
    store = ["--data-dir", str(data_dir)]
    shown = cli(*store, "agency", "show")
    assert shown.returncode == 0 and "agency set" in shown.stdout  # says how to set it
    site = cli(*store, "site", "add", "--name", "东风饭店").stdout.strip()
    hid = json.loads(cli(*store, "hazard", "add", "--site", site, "--description", "灭火器过期",
                         "--deadline-days", "3", "--json").stdout)["id"]
    out = tmp_path / "通知书.pdf"
    refused = cli(*store, "report", "notice", "--hazard", hid, "-o", str(out))
    assert refused.returncode != 0 and "发文单位" in refused.stderr and not out.exists()
    bad = cli(*store, "agency", "set", "--name", "某镇应急管理办公室", "--short", "某镇（应急）")
    assert bad.returncode != 0 and "简称" in bad.stderr
    assert cli(*store, "agency", "set", "--name", "某镇应急管理办公室", "--short", "某镇应急").returncode == 0
    assert json.loads(cli(*store, "agency", "show", "--json").stdout)["short_name"] == "某镇应急"
    issued = cli(*store, "report", "notice", "--hazard", hid, "-o", str(out))
    assert issued.returncode == 0, issued.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "").replace("\n", "")
    assert f"（某镇应急）隐改〔{date.today().year}〕1号" in text
