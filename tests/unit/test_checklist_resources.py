"""Checks on the checklist templates shipped in resources/checklists/*.json.

Pure data checks: stdlib + pytest only, no Qt, no application code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = REPO_ROOT / "resources"
CHECKLIST_DIR = RESOURCES / "checklists"
SECTORS_FILE = RESOURCES / "sectors.json"

REQUIRED_TEMPLATES = {
    "nine_small",
    "ebike",
    "gas_catering",
    "confined_space",
    "combustible_dust",
    "rental_multi_tenant",
    "self_built_housing",
    "industry_trade",
    "fire_safety",
    "hot_work",
    "forest_fire",
}

TOP_LEVEL_KEYS: dict[str, type | tuple[type, ...]] = {
    "format": int,
    "code": str,
    "version": int,
    "sector": str,
    "also_sectors": list,
    "title": str,
    "title_en": str,
    "basis_note": str,
    "items": list,
}

ITEM_KEYS: dict[str, type | tuple[type, ...]] = {
    "code": str,
    "text": str,
    "basis": str,
    "major": bool,
    "default_days": int,
    "hint": str,
}

ITEM_CODE_RE = re.compile(r"^[A-Z]{2,3}-\d{2}$")
ALLOWED_DAYS = {0, 3, 7, 15, 30}
MIN_ITEMS = 10


def _checklist_files() -> list[Path]:
    return sorted(CHECKLIST_DIR.glob("*.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _sector_codes() -> set[str]:
    data = json.loads(SECTORS_FILE.read_text(encoding="utf-8"))
    return {s["code"] for s in data["sectors"]}


def _is_int(value: object) -> bool:
    # bool is a subclass of int: reject it where a number is expected
    return isinstance(value, int) and not isinstance(value, bool)


CHECKLIST_FILES = _checklist_files()


def test_checklist_directory_has_files() -> None:
    assert CHECKLIST_DIR.is_dir(), f"missing directory {CHECKLIST_DIR}"
    assert CHECKLIST_FILES, "no checklist templates found"


def test_required_templates_present() -> None:
    codes = {_load(p)["code"] for p in CHECKLIST_FILES}
    missing = REQUIRED_TEMPLATES - codes
    assert not missing, f"missing checklist templates: {sorted(missing)}"


def test_template_codes_unique() -> None:
    codes = [_load(p)["code"] for p in CHECKLIST_FILES]
    assert len(codes) == len(set(codes)), f"duplicate template codes: {codes}"


@pytest.fixture(params=CHECKLIST_FILES, ids=[p.name for p in CHECKLIST_FILES])
def checklist_path(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_valid_json_utf8(checklist_path: Path) -> None:
    raw = checklist_path.read_bytes()
    text = raw.decode("utf-8")  # raises if not UTF-8
    assert not text.startswith("\ufeff"), "file must not start with a BOM"
    data = json.loads(text)
    assert isinstance(data, dict)
    assert text.endswith("\n"), "file must end with a newline"


def test_no_unicode_escapes(checklist_path: Path) -> None:
    text = checklist_path.read_text(encoding="utf-8")
    assert "\\u" not in text, "Chinese must be written as characters, not \\u escapes"


def test_top_level_keys_and_types(checklist_path: Path) -> None:
    data = _load(checklist_path)
    for key, typ in TOP_LEVEL_KEYS.items():
        assert key in data, f"missing key {key!r}"
        if typ is int:
            assert _is_int(data[key]), f"{key!r} must be an int"
        else:
            assert isinstance(data[key], typ), f"{key!r} must be {typ}"
    assert data["format"] == 1
    assert data["version"] >= 1, "version must be a positive int"
    assert data["code"] == checklist_path.stem, "file name must be <code>.json"
    for key in ("code", "title", "title_en", "basis_note"):
        assert data[key].strip(), f"{key!r} must not be empty"


def test_sectors_known(checklist_path: Path) -> None:
    data = _load(checklist_path)
    known = _sector_codes()
    assert data["sector"] in known, f"unknown sector {data['sector']!r}"
    also = data["also_sectors"]
    assert all(isinstance(s, str) for s in also)
    unknown = [s for s in also if s not in known]
    assert not unknown, f"unknown also_sectors: {unknown}"
    assert data["sector"] not in also, "also_sectors must not repeat the main sector"
    assert len(also) == len(set(also)), "duplicate also_sectors"


def test_items(checklist_path: Path) -> None:
    data = _load(checklist_path)
    items = data["items"]
    assert len(items) >= MIN_ITEMS, f"only {len(items)} items (minimum {MIN_ITEMS})"

    codes: list[str] = []
    for index, item in enumerate(items):
        assert isinstance(item, dict), f"item #{index} is not an object"
        for key, typ in ITEM_KEYS.items():
            assert key in item, f"item #{index} lacks {key!r}"
            if typ is int:
                assert _is_int(item[key]), f"item #{index} {key!r} must be an int"
            else:
                assert isinstance(item[key], typ), f"item #{index} {key!r} must be {typ}"
        code = item["code"]
        assert ITEM_CODE_RE.match(code), f"bad item code {code!r}"
        assert item["default_days"] in ALLOWED_DAYS, (
            f"{code}: default_days {item['default_days']} not in {sorted(ALLOWED_DAYS)}"
        )
        for key in ("text", "basis", "hint"):
            assert item[key].strip(), f"{code}: {key!r} must not be empty"
        codes.append(code)

    assert len(codes) == len(set(codes)), f"duplicate item codes: {codes}"
    prefixes = {c.split("-")[0] for c in codes}
    assert len(prefixes) == 1, f"items must share one code prefix, got {sorted(prefixes)}"
    numbers = [int(c.split("-")[1]) for c in codes]
    assert numbers == sorted(numbers), "item codes must be in ascending order"


def test_at_least_one_major_item(checklist_path: Path) -> None:
    data = _load(checklist_path)
    assert any(item.get("major") is True for item in data["items"]), (
        "each template needs at least one major item"
    )
