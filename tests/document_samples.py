"""Inputs for the document renderers and the two independent PDF text readers."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from inspector_app.documents.inputs import (
    Agency,
    DecisionInput,
    HazardLine,
    InspectionRecordInput,
    Meta,
    NoticeInput,
    OrderInput,
    Person,
    Photo,
    Receipt,
    RecheckInput,
    RecheckLine,
    RecheckOpinionInput,
    ServiceInput,
    Unit,
)

EXT_B_UNIT = "𠮷祥五金店（𡒄记）"  # U+20BB7, U+21484: CJK Extension B
EXT_B_PRINCIPAL = "王𠮷"
EXT_B_INSPECTOR = "张𡒄"
HOSTILE = "通道堵塞<img src=\"/etc/passwd\"/><font color=red>红</font><para>&amp; & <b>粗</b>"

AGENCY = Agency("某某镇人民政府", "某镇应急")
UNIT = Unit(EXT_B_UNIT, "91330100MA2B3C4D5E", "某镇和平路8号 一楼", EXT_B_PRINCIPAL,
            "13800001234")
OFFICERS = (Person("李四", "33010012345"), Person(EXT_B_INSPECTOR, "33010067890"))


def meta(number: str | None = "（某镇应急）隐改〔2026〕15号", demo: bool = False) -> Meta:
    return Meta(agency=AGENCY, issued_on=date(2026, 9, 30),
                created_at=datetime(2026, 9, 30, 10, 30), number=number,
                verify_payload="GI1:0190a1b2-c3d4:3f9ac21b" if number else None,
                short_hash="3F9A-C21B" if number else None, demo=demo)


def hazards() -> tuple[HazardLine, ...]:
    return (
        HazardLine("安全出口被货物堵塞", "一楼仓库北侧", "一般隐患", "照片1",
                   "《中华人民共和国消防法》第二十八条", "立即清理出口杂物", date(2026, 10, 8)),
        HazardLine("灭火器压力不足"),  # only a description: the rest are blank lines
    )


def notice(number: str | None = "（某镇应急）隐改〔2026〕15号", *, photos=(), demo=False,
           hazard_list=None, cls=NoticeInput) -> NoticeInput:
    return cls(meta(number, demo), UNIT, datetime(2026, 9, 30, 9, 5), "某镇和平路8号",
               OFFICERS, tuple(hazard_list or hazards()), "设置警示标志，专人看守",
               date(2026, 10, 9), Receipt(signed_by="王𠮷", signed_on=date(2026, 9, 30)),
               tuple(photos))


def order() -> OrderInput:
    return notice("（某镇应急）责改〔2026〕3号", cls=OrderInput)


def recheck(cls=RecheckInput, number="（某镇应急）隐复〔2026〕2号") -> RecheckInput:
    return cls(meta(number), UNIT, "（某镇应急）隐改〔2026〕15号", date(2026, 10, 9), OFFICERS,
               (RecheckLine("安全出口被货物堵塞", "一楼仓库北侧", True, "已清理完毕"),
                RecheckLine("灭火器压力不足", None, False, "尚未更换", date(2026, 10, 16))))


def recheck_opinion() -> RecheckOpinionInput:
    return recheck(RecheckOpinionInput, "（某镇应急）复查〔2026〕4号")


def inspection_record() -> InspectionRecordInput:
    return InspectionRecordInput(meta("（某镇应急）检记〔2026〕7号"), UNIT, "仓库及营业场所",
                                 datetime(2026, 9, 30, 9, 0), datetime(2026, 9, 30, 10, 15),
                                 OFFICERS, "检查了消防通道、灭火器材和电气线路",
                                 "安全出口被货物堵塞", EXT_B_PRINCIPAL)


def decision() -> DecisionInput:
    return DecisionInput(meta("（某镇应急）现决〔2026〕1号"), UNIT, datetime(2026, 9, 30, 9, 0),
                         "仓库", OFFICERS, "仓库内违规存放液化气钢瓶",
                         "《中华人民共和国安全生产法》第六十五条", "立即停止使用该仓库，撤出人员",
                         Receipt(refused=True, witness="赵六（村委会）"))


def service() -> ServiceInput:
    return ServiceInput(meta("（某镇应急）送达〔2026〕9号"), UNIT, "责令限期整改指令书",
                        "（某镇应急）责改〔2026〕3号", datetime(2026, 9, 30, 11, 0),
                        "某镇和平路8号", "当场", OFFICERS,
                        Receipt(signed_by=EXT_B_PRINCIPAL, signed_on=date(2026, 9, 30)),
                        "当场交付")


def photos_from(folder: Path, n: int) -> list[Photo]:
    files = sorted(p for p in folder.iterdir() if p.is_file())
    return [Photo(files[i % len(files)], "整改前", datetime(2026, 9, 30, 9, 10 + i),
                  "一楼仓库", f"ab{i:02d}cd") for i in range(n)]


# ------------------------------------------------------------------------- readers
def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} not installed (apt-get install poppler-utils qpdf)")
    return path


def squash(text: str) -> str:
    """Text without any whitespace: line breaks fall anywhere in wrapped CJK."""
    return re.sub(r"\s+", "", text)


def pypdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def poppler_text(path: Path) -> str:
    out = subprocess.run([need("pdftotext"), "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, timeout=60, check=True)
    return out.stdout.decode("utf-8")


def both_texts(pdf: bytes, tmp_path: Path, name: str = "doc.pdf") -> tuple[str, str]:
    path = tmp_path / name
    path.write_bytes(pdf)
    return squash(pypdf_text(pdf)), squash(poppler_text(path))
