"""``inspector-app user add|list|passwd|role|grids|enable|disable|login|whoami`` and ``grid add``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ..core.entities import ROLES
from ..services import users
from ..services.session import PASSWORD_ENV, Session
from .common import print_json, print_rows, print_warnings
from .i18n import add_parser, json_flag, t
from .labels import ROLE, label


def _password(args: argparse.Namespace, prompt: str = "Password: ") -> str | None:
    """--password-env VAR, else INSPECTOR_APP_PASSWORD… only when asked; a prompt on a terminal."""
    if getattr(args, "no_password", False):
        return None
    value = os.environ.get(args.password_env) if getattr(args, "password_env", None) else None
    if value is None and sys.stdin.isatty():
        value = getpass.getpass(prompt)
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "user", "users and roles (admins)", "用户和角色（管理员）")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|passwd|role|grids|...")
    login = t("login name", "登录名")
    pw_env = t("read the new password from this variable", "从该环境变量读取新密码")

    a = add_parser(s, "add", "add a user", "新增用户")
    a.add_argument("login", help=login)
    a.add_argument("--name", help=t("full name", "姓名"))
    a.add_argument("--role", choices=ROLES, default="inspector", help=t("role", "角色"))
    a.add_argument("--grid", action="append", default=[],
                   help=t("grid id, code or name (repeat)", "负责的网格：ID、代码或名称（可重复）"))
    a.add_argument("--cert-no", help=t("law-enforcement certificate number", "执法证号"))
    a.add_argument("--password-env", metavar="VAR", help=pw_env)
    json_flag(a)
    a.set_defaults(handler=cmd_add)

    ls = add_parser(s, "list", "list users", "列出用户")
    json_flag(ls)
    ls.set_defaults(handler=cmd_list)

    pw = add_parser(s, "passwd", "set a password (admins: anyone; a user: their own)",
                    "设置密码（管理员可为任何人设置，其他用户只能设置自己的）")
    pw.add_argument("login", help=login)
    pw.add_argument("--password-env", metavar="VAR", help=pw_env)
    pw.add_argument("--old-password-env", metavar="VAR",
                    help=t("your current password, from this variable", "从该环境变量读取当前密码"))
    pw.add_argument("--remove", dest="no_password", action="store_true",
                    help=t("remove the password", "删除密码"))
    pw.set_defaults(handler=cmd_passwd)

    r = add_parser(s, "role", "change a user's role", "更改用户角色")
    r.add_argument("login", help=login)
    r.add_argument("role", choices=ROLES, help=t("the new role", "新角色"))
    r.set_defaults(handler=cmd_role)

    g = add_parser(s, "grids", "set the grids a user is responsible for", "设置用户负责的网格")
    g.add_argument("login", help=login)
    g.add_argument("grids", nargs="*", help=t("grid ids, codes or names", "网格 ID、代码或名称"))
    g.set_defaults(handler=cmd_grids)

    for name, active, en, zh in (("enable", True, "enable a user", "启用用户"),
                                 ("disable", False, "disable a user", "停用用户")):
        e = add_parser(s, name, en, zh)
        e.add_argument("login", help=login)
        e.set_defaults(handler=cmd_active, active=active)

    li = add_parser(s, "login", f"make a user this device's current user ({PASSWORD_ENV})",
                    f"设为本机当前用户（密码取自 {PASSWORD_ENV}）")
    li.add_argument("login", help=login)
    li.set_defaults(handler=cmd_login)

    w = add_parser(s, "whoami", "the user the CLI acts as", "显示命令行当前的用户")
    w.set_defaults(handler=cmd_whoami)

    gp = add_parser(sub, "grid", "grids (admins)", "网格（管理员）")
    gs = gp.add_subparsers(dest="action", required=True, metavar="add")
    ga = add_parser(gs, "add", "add a grid", "新增网格")
    ga.add_argument("name", help=t("grid name", "网格名称"))
    ga.add_argument("--code", help=t("grid code", "网格代码"))
    ga.add_argument("--village", help=t("village id, code or name", "所属村（社区）：ID、代码或名称"))
    ga.set_defaults(handler=cmd_grid_add)


def warn_password_less_admin(session: Session, args: argparse.Namespace) -> None:
    """One line on stderr while the CLI acts as an admin without a password (not when
    setting that password, nor in a demo store): scripts keep working, people are told."""
    if getattr(args, "command", None) == "user" and getattr(args, "action", None) == "passwd":
        return
    if users.acting_without_password(session):
        print_warnings([users.password_warning(session)])


def cmd_add(session: Session, args: argparse.Namespace) -> int:
    password = os.environ.get(args.password_env) if args.password_env else None
    saved = users.add_user(session, args.login, args.name or args.login, args.role, grids=args.grid,
                           password=password, cert_no=args.cert_no)
    print_json({"id": saved.id}) if args.json else print(saved.id)
    return 0


def cmd_list(session: Session, args: argparse.Namespace) -> int:
    rows = users.list_users(session)
    if args.json:
        print_json(rows)
    else:
        print_rows([[("*" if u.current else " ") + u.login, u.name, label(ROLE, u.role),
                     t(",", "、").join(u.grids), t("active", "启用") if u.active else t("disabled", "停用"),
                     t("password", "已设密码") if u.has_password else ""]
                    for u in rows])
    return 0


def cmd_passwd(session: Session, args: argparse.Namespace) -> int:
    new = None if args.no_password else _password(args, "New password: ")
    if not args.no_password and not new:
        sys.stderr.write("no password given (use --password-env VAR or a terminal)\n")
        return 2
    old = os.environ.get(args.old_password_env) if args.old_password_env else None
    users.set_password(session, args.login, new, old_password=old)
    return 0


def cmd_role(session: Session, args: argparse.Namespace) -> int:
    users.set_role(session, args.login, args.role)
    return 0


def cmd_grids(session: Session, args: argparse.Namespace) -> int:
    users.set_grids(session, args.login, args.grids)
    return 0


def cmd_active(session: Session, args: argparse.Namespace) -> int:
    users.set_active(session, args.login, args.active)
    return 0


def cmd_login(session: Session, args: argparse.Namespace) -> int:
    password = os.environ.get(PASSWORD_ENV)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass("Password: ")
    user = users.log_in(session, args.login, password)
    print(user.login)
    return 0


def cmd_whoami(session: Session, args: argparse.Namespace) -> int:
    u = session.user
    print(f"{u.login}\t{u.name}\t{u.role}")
    return 0


def cmd_grid_add(session: Session, args: argparse.Namespace) -> int:
    print(users.add_grid(session, args.name, code=args.code, village=args.village).id)
    return 0
