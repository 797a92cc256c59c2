"""The rules for which actions a user may take on a hazard live below the UI: the CLI shows the
same ones the GUI's 处理 menu enables."""

from __future__ import annotations

import json

from inspector_app.services import hazards, rectification
from inspector_app.services.hazard_actions import NOTIFY, RECHECK, REPORT_DONE, available_actions
from tests.helpers import cli
from tests.lifecycle_helpers import make_town


def test_actions_follow_the_status_and_the_role(session):
    town = make_town(session)
    hid = town.hazard(town.li)
    li = town.li.user
    usable = {a for a, av in available_actions(li, hazards.hazard_details(town.li, hid)).items() if av.enabled}
    assert NOTIFY in usable and RECHECK not in usable
    rectification.notify(town.li, hid)
    usable = {a for a, av in available_actions(li, hazards.hazard_details(town.li, hid)).items() if av.enabled}
    assert NOTIFY not in usable and {REPORT_DONE, RECHECK} <= usable
    # an inspector never sees the supervisors' actions
    shown = {a for a, av in available_actions(li, hazards.hazard_details(town.li, hid)).items() if av.visible}
    assert "extend" not in shown and "extend" in {
        a for a, av in available_actions(town.wang.user, hazards.hazard_details(town.wang, hid)).items() if av.visible}


def test_hazard_show_json_lists_the_available_actions(data_dir):
    store = ["--data-dir", str(data_dir)]
    site = cli(*store, "site", "add", "--name", "东风饭店").stdout.strip()
    hid = json.loads(cli(*store, "hazard", "add", "--site", site, "--description", "灭火器过期",
                         "--deadline-days", "3", "--json").stdout)["id"]
    shown = json.loads(cli(*store, "hazard", "show", hid, "--json").stdout)
    assert "notify" in shown["available_actions"] and "recheck" not in shown["available_actions"]
