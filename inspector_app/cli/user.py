"""``inspector-app user add|list|passwd|role|grids|enable|disable|login|whoami`` and ``grid add``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ..core.entities import ROLES
from ..services import users
from ..services.session import PASSWORD_ENV, Session
from .common import print_json, print_rows


def _password(args: argparse.Namespace, prompt: str = "Password: ") -> str | None:
    """--password-env VAR, else INSPECTOR_APP_PASSWORD… only when asked; a prompt on a terminal."""
    if getattr(args, "no_password", False):
        return None
    value = os.environ.get(args.password_env) if getattr(args, "password_env", None) else None
    if value is None and sys.stdin.isatty():
        value = getpass.getpass(prompt)
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("user", help="用户 users and roles (admins)")
    s = p.add_subparsers(dest="action", required=True, metavar="add|list|passwd|role|grids|...")

    a = s.add_parser("add", help="add a user")
    a.add_argument("login")
    a.add_argument("--name")
    a.add_argument("--role", choices=ROLES, default="inspector")
    a.add_argument("--grid", action="append", default=[], help="grid id, code or name (repeat)")
    a.add_argument("--cert-no", help="执法证号")
    a.add_argument("--password-env", metavar="VAR", help="read the new password from this variable")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_add)

    ls = s.add_parser("list", help="list users")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)

    pw = s.add_parser("passwd", help="set a password (admins: anyone; a user: their own)")
    pw.add_argument("login")
    pw.add_argument("--password-env", metavar="VAR", help="read the new password from this variable")
    pw.add_argument("--old-password-env", metavar="VAR", help="your current password, from this variable")
    pw.add_argument("--remove", dest="no_password", action="store_true", help="remove the password")
    pw.set_defaults(handler=cmd_passwd)

    r = s.add_parser("role", help="change a user's role")
    r.add_argument("login")
    r.add_argument("role", choices=ROLES)
    r.set_defaults(handler=cmd_role)

    g = s.add_parser("grids", help="set the grids a user is responsible for")
    g.add_argument("login")
    g.add_argument("grids", nargs="*")
    g.set_defaults(handler=cmd_grids)

    for name, active in (("enable", True), ("disable", False)):
        e = s.add_parser(name, help=f"{name} a user")
        e.add_argument("login")
        e.set_defaults(handler=cmd_active, active=active)

    li = s.add_parser("login", help=f"make a user this device's current user ({PASSWORD_ENV})")
    li.add_argument("login")
    li.set_defaults(handler=cmd_login)

    w = s.add_parser("whoami", help="the user the CLI acts as")
    w.set_defaults(handler=cmd_whoami)

    gp = sub.add_parser("grid", help="网格 grids (admins)")
    gs = gp.add_subparsers(dest="action", required=True, metavar="add")
    ga = gs.add_parser("add", help="add a grid")
    ga.add_argument("name")
    ga.add_argument("--code")
    ga.add_argument("--village", help="village id, code or name")
    ga.set_defaults(handler=cmd_grid_add)


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
        print_rows([[("*" if u.current else " ") + u.login, u.name, u.role, ",".join(u.grids),
                     "active" if u.active else "disabled", "password" if u.has_password else ""]
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
