"""The store's admin starts without a password: fine for one person, but no second user
until the admin has one, and until then the CLI says so on stderr."""

from __future__ import annotations

import pytest

from inspector_app.core.entities import SiteInput
from inspector_app.core.errors import ValidationError
from inspector_app.services import sites, users
from tests.helpers import ADMIN_PASSWORD, cli


def test_no_second_user_while_the_admin_has_no_password(session) -> None:
    assert users.acting_without_password(session)
    assert users.admin_without_password(session.store) == "admin"
    with pytest.raises(ValidationError) as exc:
        users.add_user(session, "li", "李网格", "inspector")
    assert exc.value.code == "admin_password_needed"
    assert "user passwd admin" in exc.value.message("zh") and "管理员" in exc.value.message("zh")
    assert [u.login for u in users.list_users(session)] == ["admin"]  # nothing written
    sites.add_site(session, SiteInput(name="李记小吃店"))  # a single-person store works as is

    users.set_password(session, "admin", ADMIN_PASSWORD)
    assert not users.acting_without_password(session)
    assert users.admin_without_password(session.store) is None
    users.add_user(session, "li", "李网格", "inspector")
    assert {u.login for u in users.list_users(session)} == {"admin", "li"}


def test_every_admin_keeps_a_password_once_there_are_other_users(session) -> None:
    users.set_password(session, "admin", ADMIN_PASSWORD)
    with pytest.raises(ValidationError) as exc:  # a new admin comes with a password
        users.add_user(session, "zhang", "张站长", "admin")
    assert exc.value.code == "admin_password_needed"
    users.add_user(session, "wang", "王站长", "supervisor")
    with pytest.raises(ValidationError) as exc:  # nor does a password-less user become admin
        users.set_role(session, "wang", "admin")
    assert exc.value.code == "admin_password_needed"
    with pytest.raises(ValidationError) as exc:  # nor does the admin's password go again
        users.set_password(session, "admin", None)
    assert exc.value.code == "admin_password_needed"
    users.set_password(session, "wang", "wang-secret")
    users.set_role(session, "wang", "admin")
    users.add_user(session, "zhang", "张站长", "admin", password="zhang-secret")
    assert users.admin_without_password(session.store) is None


def test_a_single_person_may_drop_the_admin_password_again(session) -> None:
    users.set_password(session, "admin", ADMIN_PASSWORD)
    users.set_password(session, "admin", None)
    assert users.acting_without_password(session)


def test_cli_warns_and_refuses_until_the_admin_has_a_password(data_dir) -> None:
    store = ["--data-dir", str(data_dir)]
    added = cli(*store, "site", "add", "--name", "李记小吃店")
    assert added.returncode == 0 and added.stdout.strip()  # scripts keep working
    warning = added.stderr.strip()
    assert warning.count("\n") == 0 and "没有设置密码" in warning and "user passwd admin" in warning
    english = cli(*store, "site", "list", env={"INSPECTOR_APP_LANG": "en"})
    assert english.returncode == 0 and "has no password" in english.stderr

    refused = cli(*store, "user", "add", "li", "--name", "李网格")
    assert refused.returncode == 1 and "请先为管理员“admin”设置密码" in refused.stderr
    assert "user passwd admin" in refused.stderr and "Traceback" not in refused.stderr
    assert "li" not in cli(*store, "user", "list").stdout.split()

    set_it = cli(*store, "user", "passwd", "admin", "--password-env", "NEWPW",
                 env={"NEWPW": ADMIN_PASSWORD})
    assert set_it.returncode == 0 and set_it.stderr == ""  # no warning while setting it
    quiet = cli(*store, "site", "list")
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert cli(*store, "user", "add", "li", "--name", "李网格").returncode == 0
    # the admin is no longer open to anyone: --as admin from li's session needs the password
    assert cli(*store, "user", "login", "li").returncode == 0
    as_admin = cli(*store, "--as", "admin", "user", "whoami")
    assert as_admin.returncode == 1 and "INSPECTOR_APP_PASSWORD" in as_admin.stderr
    ok = cli(*store, "--as", "admin", "user", "whoami", env={"INSPECTOR_APP_PASSWORD": ADMIN_PASSWORD})
    assert ok.returncode == 0 and ok.stdout.startswith("admin\t") and ok.stderr == ""
