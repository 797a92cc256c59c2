"""Documents rendered to PDF and read back by two independent readers (pypdf, pdftotext).

Also: qpdf --check, every font embedded (pdffonts), pages rasterised (pdftoppm), hostile
markup printed as text, a 10,000-character description split over pages, a missing photo,
byte-identical re-renders, the QR code on every page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.documents import (
    render_decision,
    render_inspection_record,
    render_notice,
    render_order,
    render_recheck_opinion,
    render_recheck_record,
    render_service,
)
from inspector_app.documents.inputs import HazardLine, Photo
from tests import document_samples as s
from tests.photo_samples import fixtures

pytestmark = pytest.mark.timeout(240)

COMMON = [s.EXT_B_UNIT, s.EXT_B_PRINCIPAL, s.EXT_B_INSPECTOR, "91330100MA2B3C4D5E",
          "某镇和平路8号", "13800001234", "某某镇人民政府", "（印章）", "2026年9月30日"]

KINDS = {
    "notice": (render_notice, s.notice, [
        "隐患整改通知书", "（某镇应急）隐改〔2026〕15号", "2026年9月30日9时05分",
        "安全出口被货物堵塞", "一楼仓库北侧", "一般隐患", "照片1",
        "《中华人民共和国消防法》第二十八条", "立即清理出口杂物", "2026年10月8日",
        "灭火器压力不足", "设置警示标志，专人看守", "复查日期：2026年10月9日",
        "逾期未整改", "检查人员（签名）", "被检查单位负责人（签收）：王𠮷",
        "签收日期：2026年9月30日", "见证人", "位置：________________"]),
    "order": (render_order, s.order, [
        "责令限期整改指令书", "（某镇应急）责改〔2026〕3号", "33010012345", "33010067890",
        "执法人员（签名）", "行政复议", "行政诉讼", "六十日内", "六个月内", "违反的规定"]),
    "recheck_record": (render_recheck_record, s.recheck, [
        "整改复查记录", "（某镇应急）隐改〔2026〕15号", "2026年10月9日", "已清理完毕",
        "尚未更换", "2026年10月16日", "已整改（√）", "未整改（√）"]),
    "recheck_opinion": (render_recheck_opinion, s.recheck_opinion, [
        "整改复查意见书", "（某镇应急）复查〔2026〕4号", "33010067890", "行政复议"]),
    "inspection_record": (render_inspection_record, s.inspection_record, [
        "现场检查记录", "（某镇应急）检记〔2026〕7号", "2026年9月30日9时00分",
        "2026年9月30日10时15分", "检查了消防通道、灭火器材和电气线路", "安全出口被货物堵塞",
        "被检查单位现场负责人（签名）：王𠮷", "33010012345"]),
    "decision": (render_decision, s.decision, [
        "现场处理措施决定书", "（某镇应急）现决〔2026〕1号", "仓库内违规存放液化气钢瓶",
        "立即停止使用该仓库，撤出人员", "《中华人民共和国安全生产法》第六十五条",
        "被检查单位拒绝签收。见证人：赵六（村委会）", "行政复议"]),
    "service": (render_service, s.service, [
        "送达回证", "（某镇应急）送达〔2026〕9号", "《责令限期整改指令书》（某镇应急）责改〔2026〕3号",
        "2026年9月30日11时00分", "当场", "当场交付", "33010012345"]),
}


def _fonts_table(path: Path) -> list[list[str]]:
    out = subprocess.run([s.need("pdffonts"), str(path)], capture_output=True, text=True,
                         check=True, timeout=60).stdout.splitlines()[2:]
    return [line.split() for line in out if line.strip()]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_reads_back_with_both_readers(kind: str, tmp_path: Path) -> None:
    render, make, expected = KINDS[kind]
    result = render(make())
    assert result.pdf.startswith(b"%PDF-") and result.warnings == ()
    via_pypdf, via_poppler = s.both_texts(result.pdf, tmp_path)
    for text in [*COMMON, *expected]:
        if kind == "service" and text in ("91330100MA2B3C4D5E", "13800001234"):
            continue  # the receipt names the unit and its address only
        needle = s.squash(text)
        assert needle in via_pypdf, (kind, text, "pypdf")
        assert needle in via_poppler, (kind, text, "pdftotext")
    pages = result.pages
    assert f"第{pages}页共{pages}页" in via_poppler and "核验码3F9A-C21B" in via_poppler


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_qpdf_check_passes_and_every_font_is_embedded(kind: str, tmp_path: Path) -> None:
    render, make, _ = KINDS[kind]
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(render(make()).pdf)
    check = subprocess.run([s.need("qpdf"), "--check", str(path)], capture_output=True,
                           text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    table = _fonts_table(path)
    assert table, "no fonts listed"
    names = [row[0] for row in table]
    assert any("HanaMinB" in n for n in names), names  # the Ext-B names used the fallback
    for row in table:
        # name type encoding emb sub uni object-id generation
        assert row[-5:-2] == ["yes", "yes", "yes"], row


def test_ext_b_characters_extract_as_themselves_not_as_five_digit_codes(tmp_path: Path) -> None:
    """Before the ToUnicode fix pdftotext printed ₻ for 𠮷 and pypdf dropped it."""
    pdf = render_notice(s.notice()).pdf
    via_pypdf, via_poppler = s.both_texts(pdf, tmp_path)
    for text in (via_pypdf, via_poppler):
        assert text.count("𠮷") >= 3 and "𡒄" in text
        assert "₻" not in text
    assert b"<20BB7>" not in pdf  # streams are compressed, but make sure of the raw form too


def test_hostile_markup_prints_literally_and_embeds_nothing(tmp_path: Path) -> None:
    data = s.notice(hazard_list=[HazardLine(s.HOSTILE, "<para>仓库</para>")])
    result = render_notice(data)
    via_pypdf, via_poppler = s.both_texts(result.pdf, tmp_path)
    for text in (via_pypdf, via_poppler):
        assert s.squash(s.HOSTILE) in text
        assert "<para>仓库</para>" in text
    listed = subprocess.run([s.need("pdfimages"), "-list", str(tmp_path / "doc.pdf")],
                            capture_output=True, text=True, check=True, timeout=60).stdout
    assert len(listed.strip().splitlines()) == 2  # header lines only: no image at all


def test_a_10000_character_description_wraps_and_splits_across_pages(tmp_path: Path) -> None:
    words = "".join(f"第{n:04d}段隐患描述，堆放杂物AB{n}。" for n in range(600))
    long = (words * 2)[:10_000]
    unbroken = "X" * 3000  # no spaces at all: must still wrap, never run off the page
    data = s.notice(hazard_list=[HazardLine(long + unbroken, "仓库")])
    result = render_notice(data)
    assert result.pages >= 6
    via_pypdf, via_poppler = s.both_texts(result.pdf, tmp_path)
    for text in (via_pypdf, via_poppler):
        for n in (0, 150, 299):  # markers from the start, middle and end of the text
            assert f"第{n:04d}段隐患描述" in text
        assert text.count("X") >= 3000
    # nothing drawn outside the page: pdftotext's bounding boxes stay inside A4
    html = subprocess.run([s.need("pdftotext"), "-bbox", str(tmp_path / "doc.pdf"), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout
    xmax = max(float(v) for v in re.findall(r'xMax="([\d.]+)"', html))
    assert xmax <= 595.3


def test_unknown_glyph_is_a_warning_not_an_error() -> None:
    data = s.notice(hazard_list=[HazardLine("字库外的字\U000F0001和\ue000")])
    result = render_notice(data)
    assert result.pdf.startswith(b"%PDF-")
    assert len(result.warnings) == 2 and "U+F0001" in result.warnings[0]
    assert "U+E000" in result.warnings[1]


def test_preview_and_demo_watermarks(tmp_path: Path) -> None:
    """The watermark is rotated text: its reading order is pypdf's (poppler may swap it)."""
    preview = render_notice(s.notice(None))
    text, poppler = s.both_texts(preview.pdf, tmp_path)
    assert "样稿" in text and "（样稿，未编号）" in poppler and "核验码" not in poppler
    demo = render_notice(s.notice(demo=True))
    text, _ = s.both_texts(demo.pdf, tmp_path)
    assert "演示" in text and "样稿" not in text
    plain = render_notice(s.notice())
    text, poppler = s.both_texts(plain.pdf, tmp_path)
    for t in (text, poppler):
        assert "演" not in t and "样稿" not in t


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    folder = fixtures("mobile")
    data = s.notice(photos=s.photos_from(folder, 2))
    first, second = render_notice(data).pdf, render_notice(data).pdf
    assert first == second
    later = replace(data, meta=replace(data.meta, created_at=data.meta.created_at.replace(hour=11)))
    assert render_notice(later).pdf != first  # the creation date comes from the input
    assert b"D:20260930103000" in first


def test_photo_appendix_with_a_missing_and_a_broken_file(tmp_path: Path) -> None:
    good = tmp_path / "现场 照片.jpg"
    Image.new("RGB", (4000, 3000), (120, 160, 200)).save(good, quality=90)
    broken = tmp_path / "坏.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    photos = [Photo(good, "整改前", None, "一楼仓库", "ab12cd"),
              Photo(tmp_path / "不存在.jpg", "整改后"), Photo(broken, "整改后")]
    result = render_notice(s.notice(photos=photos))
    assert len(result.warnings) == 2 and "照片2" in result.warnings[0]
    assert "照片3" in result.warnings[1]
    _, text = s.both_texts(result.pdf, tmp_path)
    assert "附件：现场照片" in text and text.count("照片文件缺失或无法读取") == 2
    assert "照片1整改前一楼仓库ab12cd" in text
    listed = subprocess.run([s.need("pdfimages"), "-list", str(tmp_path / "doc.pdf")],
                            capture_output=True, text=True, check=True, timeout=60).stdout
    rows = [line.split() for line in listed.splitlines()[2:]]
    assert len(rows) == 1 and rows[0][2] == "image" and rows[0][8] == "jpeg"
    assert max(int(rows[0][3]), int(rows[0][4])) == 1200  # scaled copy, not the original


def test_real_phone_photos_are_upright_in_the_appendix(tmp_path: Path) -> None:
    folder = fixtures("mobile")
    result = render_notice(s.notice(photos=s.photos_from(folder, 2)))
    assert result.warnings == ()
    path = tmp_path / "photos.pdf"
    path.write_bytes(result.pdf)
    listed = subprocess.run([s.need("pdfimages"), "-list", str(path)], capture_output=True,
                            text=True, check=True, timeout=60).stdout
    sizes = {(int(r.split()[3]), int(r.split()[4])) for r in listed.splitlines()[2:]}
    assert (900, 1200) in sizes  # the iPhone HEIC is portrait once oriented


def test_pages_rasterise_and_the_qr_code_is_on_every_page(tmp_path: Path) -> None:
    result = render_notice(s.notice(photos=s.photos_from(fixtures("mobile"), 1)))
    path = tmp_path / "qr.pdf"
    path.write_bytes(result.pdf)
    subprocess.run([s.need("pdftoppm"), "-r", "60", "-png", str(path), str(tmp_path / "p")],
                   check=True, timeout=120)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == result.pages >= 2
    for png in pngs:
        with Image.open(png) as im:
            assert im.size[0] in (496, 497) and im.size[1] == 702  # A4 at 60 dpi
    zbar = shutil.which("zbarimg")
    if zbar is None:
        return
    subprocess.run([s.need("pdftoppm"), "-r", "150", "-png", str(path), str(tmp_path / "q")],
                   check=True, timeout=120)
    for png in sorted(tmp_path.glob("q-*.png")):
        out = subprocess.run([zbar, "-q", "--raw", str(png)], capture_output=True, text=True,
                             timeout=60).stdout
        assert out.strip() == "GI1:0190a1b2-c3d4:3f9ac21b", png.name


def test_annotations_are_drawn_on_the_appendix_copy(tmp_path: Path) -> None:
    from inspector_app.photos.annotation import parse

    original = tmp_path / "白墙.jpg"
    Image.new("RGB", (4000, 3000), (255, 255, 255)).save(original, quality=90)
    shapes = tuple(parse({"version": 1, "shapes": [
        {"type": "rect", "box": [0.2, 0.2, 0.8, 0.8], "width": 0.02}]}))
    result = render_notice(s.notice(photos=[Photo(original, "整改前", annotations=shapes)]))
    path = tmp_path / "a.pdf"
    path.write_bytes(result.pdf)
    subprocess.run([s.need("pdfimages"), "-j", str(path), str(tmp_path / "img")], check=True,
                   timeout=60)
    (extracted,) = sorted(tmp_path.glob("img-*.jpg"))
    with Image.open(extracted) as im:
        r, g, b = im.convert("RGB").getpixel((int(im.width * 0.2) + 3, im.height // 2))
    assert r > 200 and g < 80 and b < 80  # the red frame, on the scaled copy


def test_the_print_cache_reuses_copies_and_keeps_the_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "原图"
    folder.mkdir()
    for n in range(2):
        Image.new("RGB", (4000, 3000), (40 * n, 90, 160)).save(folder / f"{n}.jpg", quality=90)
    data = s.notice(photos=s.photos_from(folder, 3))  # the third repeats the first file
    cache = tmp_path / "打印 缓存"
    plain = render_notice(data).pdf
    first = render_notice(data, photo_cache=cache).pdf
    entries = sorted(cache.glob("*.jpg"))
    assert len(entries) == 2 and not list(cache.glob(".*.tmp"))
    assert render_notice(data, photo_cache=cache).pdf == first == plain
    entries[0].write_bytes(b"damaged")  # a broken entry is rendered again, not printed
    assert render_notice(data, photo_cache=cache).pdf == plain


def test_oversized_table_fields_split_across_pages_instead_of_failing(tmp_path: Path) -> None:
    """A table row taller than a page was reportlab's LayoutError before rows could split."""
    data = s.service()
    data = replace(data, note="备注很长" * 2500,
                   unit=replace(data.unit, address="地址" * 3000, name="单位" * 2000))
    result = render_service(data)
    assert result.pages > 5
    via_pypdf, via_poppler = s.both_texts(result.pdf, tmp_path)
    for text in (via_pypdf, via_poppler):
        # the label 备注 + 2500 repeats; a page break may put the footer inside one
        assert text.count("备") == 2501
    record = replace(s.inspection_record(), place="场所" * 5000, officers=s.OFFICERS * 300)
    assert render_inspection_record(record).pages > 5


def test_a_reprint_in_another_process_gives_the_same_bytes(tmp_path: Path) -> None:
    """Fonts are registered anew and subsets numbered afresh: the bytes must not change."""
    import sys

    from tests.helpers import REPO

    out = tmp_path / "子进程.pdf"
    code = ("import sys; from pathlib import Path; from tests import document_samples as s; "
            "from inspector_app.documents import render_order; "
            "Path(sys.argv[1]).write_bytes(render_order(s.order()).pdf)")
    subprocess.run([sys.executable, "-c", code, str(out)], cwd=REPO, check=True, timeout=120)
    assert out.read_bytes() == render_order(s.order()).pdf
