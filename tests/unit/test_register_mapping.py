"""Column mapping and cell values of the register import (no database)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from inspector_app.core.column_mapping import (
    column_index,
    column_letter,
    map_columns,
    normalize_header,
    parse_map_options,
)
from inspector_app.core.errors import ValidationError
from inspector_app.services.register_rows import (
    build_candidate,
    cell_text,
    combine_two_level,
    detect_header,
    parse_risk,
)


def test_usual_chinese_headers_map_and_the_rest_is_reported_unused():
    m = map_columns(["序号", "单位名称", "统一社会信用代码（必填）", "行业类别", "经营地址", "负责人",
                     "联系电话(手机)", "所属网格", "风险等级", "乱七八糟"])
    assert m.describe() == {
        "B 单位名称": "name", "C 统一社会信用代码（必填）": "uscc", "D 行业类别": "sector",
        "E 经营地址": "address", "F 负责人": "contact", "G 联系电话(手机)": "phone",
        "H 所属网格": "grid", "I 风险等级": "risk_colour",
    }
    assert m.unused_labels() == ["A 序号", "J 乱七八糟"]


@pytest.mark.parametrize("header,field", [
    ("企业名称", "name"), ("名称", "name"), ("信用代码", "uscc"), ("类别", "sector"),
    ("地址", "address"), ("联系人", "contact"), ("电话", "phone"), ("网格", "grid"),
    ("Name", "name"), ("Address", "address"), ("USCC", "uscc"), ("Risk level", "risk_colour"),
    ("* 场所名称 ", "name"), ("企业负责人联系电话", "phone"), ("法定代表人", "legal_rep"),
    ("房东", "landlord"), ("楼栋", "building"), ("经度", "lon"), ("纬度", "lat"), ("备注", "notes"),
])
def test_single_headers(header, field):
    assert map_columns([header]).fields == {0: field}


def test_site_name_and_unit_name_columns_side_by_side():
    m = map_columns(["单位名称", "场所名称"])
    assert m.fields == {0: "unit_name", 1: "name"}


def test_a_second_person_column_goes_to_the_legal_representative():
    assert map_columns(["名称", "联系人", "负责人"]).fields == {0: "name", 1: "contact", 2: "legal_rep"}


def test_explicit_mapping_by_header_and_letter_wins_and_can_ignore():
    explicit = parse_map_options(["店铺=name", "C=address", "名称=-"])
    m = map_columns(["名称", "店铺", "位置信息"], explicit)
    assert m.fields == {1: "name", 2: "address"}
    assert m.unused_labels() == ["A 名称"]


@pytest.mark.parametrize("option", ["nothing", "=name", "A=", "A=colour_of_sky"])
def test_bad_map_options_are_refused_with_a_message(option):
    with pytest.raises(ValidationError) as err:
        parse_map_options([option])
    assert "--map" in err.value.zh


def test_map_of_a_column_that_is_not_there():
    with pytest.raises(ValidationError, match="no column"):
        map_columns(["名称"], {"电话号码": "phone"})


def test_column_letters_round_trip():
    for i in (0, 25, 26, 51, 700):
        assert column_index(column_letter(i)) == i
    assert column_letter(26) == "AA"


def test_normalize_header_drops_markers():
    assert normalize_header("＊单位名称（必填）：") == "单位名称"


@pytest.mark.parametrize("value,text", [
    (None, None), ("  ", None), (13800000000.0, "13800000000"), (12, "12"), (30.25, "30.25"),
    (datetime(2026, 3, 5), "2026-03-05"), (date(2026, 3, 5), "2026-03-05"), (True, "是"),
    ("=1+1", "=1+1"),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize("text,colour", [
    ("红", "red"), ("红色", "red"), ("重大风险", "red"), ("橙色（较大）", "orange"), ("较大风险", "orange"),
    ("一般", "yellow"), ("黄", "yellow"), ("低风险", "blue"), ("Blue", "blue"), ("紫", None),
])
def test_risk_colours(text, colour):
    assert parse_risk(text) == colour


def test_header_row_is_found_under_a_title_and_a_two_level_header_is_combined():
    rows = [
        (1, ["青石镇九小场所台账", None, None, None]),
        (2, ["序号", "单位名称", "联系方式", None]),
        (3, ["序号", "单位名称", "联系人", "电话"]),  # 序号/单位名称 merged down over both rows
        (4, [1, "李记", "李四", "138"]),
    ]
    number, header, mapping = detect_header(rows, {}, None)
    assert number == 3
    assert mapping.fields == {1: "name", 2: "contact", 3: "phone"}


def test_a_data_row_is_not_taken_for_a_second_header():
    assert combine_two_level(["名称", "行业", "网格"], ["李记", "九小场所", "东村网格"]) is None


def test_no_header_and_no_name_column_are_clear_errors():
    with pytest.raises(ValidationError) as err:
        detect_header([(1, ["a", "b"]), (2, [1, 2])], {}, None)
    assert err.value.code == "no_header"
    with pytest.raises(ValidationError) as err:
        detect_header([(1, ["地址", "电话"])], {}, None)
    assert err.value.code == "no_name_column"


def test_candidate_checks():
    ok = build_candidate(5, {"name": "李记", "uscc": "91330100799655058C", "sector": "九小场所、火星",
                             "risk_colour": "紫色", "lat": "abc"})
    assert not ok.rejected
    codes = [n.code for n in ok.notices]
    assert {"uscc_invalid", "unknown_sector", "unknown_risk", "bad_coordinate"} <= set(codes)
    assert build_candidate(6, {"address": "x"}).rejected[0].code == "no_name"
    assert build_candidate(7, {"name": "合计"}).rejected[0].code == "total_row"
    assert build_candidate(8, {"name": "长" * 300}).rejected[0].code == "too_long"
    lost = build_candidate(9, {"name": "a", "uscc": 9.14403001922038e17})
    assert "uscc_number" in [n.code for n in lost.notices]
