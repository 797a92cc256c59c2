"""``inspector-app device show|trust``: this device's public card, enrolling another device."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import ValidationError
from ..services.session import Session
from ..services.sync_export import ROLES, device_keys_of, trust_device
from ..sync.errors import KeyFileError
from ..sync.keys import DeviceCard
from .common import print_json
from .i18n import add_parser, json_flag, t


def register(sub: argparse._SubParsersAction) -> None:
    p = add_parser(sub, "device", "this device's sync identity", "本机同步身份")
    inner = p.add_subparsers(dest="device_command", metavar=t("COMMAND", "子命令"), required=True)
    s = add_parser(inner, "show", "show this device's public card", "显示本机设备名片")
    json_flag(s)
    s.set_defaults(handler=cmd_show)
    tr = add_parser(inner, "trust", "enrol another device from its card (supervisors and admins)",
                    "根据设备名片登记其他设备（站长和管理员）")
    tr.add_argument("card", metavar="CARD.json", help=t("the device's card", "设备名片文件"))
    tr.add_argument("--role", choices=ROLES, default="inspector",
                    help=t("role of the device's user", "该设备使用者的角色"))
    json_flag(tr)
    tr.set_defaults(handler=cmd_trust)


def cmd_show(session: Session, args: argparse.Namespace) -> int:
    card = device_keys_of(session).card
    if args.json:
        print_json(card.to_dict())
    else:
        print(t(f"device {card.device_id}", f"设备 {card.device_id}"))
        print(t(f"fingerprint {card.fingerprint}", f"指纹 {card.fingerprint}"))
    return 0


def cmd_trust(session: Session, args: argparse.Namespace) -> int:
    try:
        card = DeviceCard.from_json(Path(args.card).read_text("utf-8"))
    except (OSError, KeyFileError) as exc:
        raise ValidationError(f"Cannot read the card: {exc}", f"无法读取设备名片：{exc}") from None
    trust_device(session, card, args.role)
    if args.json:
        print_json({"device_id": card.device_id, "role": args.role,
                    "fingerprint": card.fingerprint})
    else:
        print(t(f"trusted {card.device_id} ({card.fingerprint})",
                f"已登记设备 {card.device_id}（指纹 {card.fingerprint}）"))
    return 0
