"""The GUI's own settings, each declared once with its type and default (Picard-style).

Widgets read and write ``settings.language`` etc.; no string keys are scattered through the
code. Values live in an INI file (portable, readable, no Windows registry): the per-user one
of QSettings for organisation/application "inspector-app", or the file named by
``INSPECTOR_APP_SETTINGS`` / the constructor argument, so tests never touch the real one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Generic, TypeVar

from .. import APP_NAME
from .qt import QByteArray, QSettings

SETTINGS_ENV = "INSPECTOR_APP_SETTINGS"
LANGUAGES = ("zh_CN", "en")

T = TypeVar("T")


class Option(Generic[T]):
    """One setting: key, type, default, optional allowed values; a descriptor on Settings."""

    def __init__(self, key: str, kind: type[T], default: T, choices: tuple[T, ...] = ()) -> None:
        self.key, self.kind, self.default, self.choices = key, kind, default, choices
        self.name = key

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]  # class access: the option itself
        return self.convert(obj.qsettings.value(self.key, None))

    def __set__(self, obj: Settings, value: T) -> None:
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name} must be one of {self.choices}, not {value!r}")
        obj.qsettings.setValue(self.key, value)

    def convert(self, raw: Any) -> T:
        """Turn what QSettings returns (INI files give strings) into the declared type."""
        if raw is None:
            return self.default
        value: Any
        try:
            if self.kind is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            elif self.kind is int:
                value = int(raw)
            elif self.kind is QByteArray:
                value = raw if isinstance(raw, QByteArray) else self.default
            else:
                value = self.kind(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        return value


class Settings:
    """Typed access to the GUI settings (see the module docstring for where they live)."""

    language = Option("ui/language", str, "zh_CN", LANGUAGES)
    window_geometry = Option("window/geometry", QByteArray, QByteArray())
    window_state = Option("window/state", QByteArray, QByteArray())
    last_page = Option("window/last_page", int, 0)
    demo_offer_dismissed = Option("store/demo_offer_dismissed", bool, False)
    last_data_dir = Option("store/last_data_dir", str, "")
    last_file_dir = Option("files/last_dir", str, "")  # where the last file dialog was used

    def __init__(self, path: str | Path | None = None) -> None:
        path = path or os.environ.get(SETTINGS_ENV)
        if path:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME
            )

    @classmethod
    def options(cls) -> dict[str, Option[Any]]:
        return {k: v for k, v in vars(cls).items() if isinstance(v, Option)}

    @property
    def file_name(self) -> str:
        return self.qsettings.fileName()

    def reset(self, name: str) -> None:
        self.qsettings.remove(self.options()[name].key)

    def sync(self) -> None:
        self.qsettings.sync()
