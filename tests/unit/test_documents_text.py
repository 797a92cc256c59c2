"""Document text: escaping, per-character font fallback, the ToUnicode fix, templates."""

from __future__ import annotations

import zlib

import reportlab
from reportlab.pdfbase import ttfonts
from reportlab.platypus import Paragraph

from inspector_app.documents import fonts, templates, tounicode
from inspector_app.documents.layout import styles
from inspector_app.documents.text import markup


def test_utf16_hex_uses_surrogate_pairs_above_the_bmp() -> None:
    assert tounicode.utf16_hex(0x4E2D) == "4E2D"
    assert tounicode.utf16_hex(0x41) == "0041"
    assert tounicode.utf16_hex(0x20BB7) == "D842DFB7"  # 𠮷
    assert tounicode.utf16_hex(0x21484) == "D845DC84"  # 𡒄


def test_the_patch_replaces_reportlabs_writer_only_while_it_has_the_bug() -> None:
    fonts.register()
    assert tounicode.install()
    assert ttfonts.makeToUnicodeCMap is tounicode.make_to_unicode_cmap
    # the probe runs against reportlab's own function: if an upgrade fixes it, the
    # patch stands down and this test says so (remove the module then)
    assert tounicode.reportlab_has_bug(), f"reportlab {reportlab.Version} fixed ToUnicode"
    cmap = ttfonts.makeToUnicodeCMap("X", [0, 0x41, 0x20BB7])
    assert "<02> <D842DFB7>" in cmap and "<01> <0041>" in cmap and "20BB7" not in cmap


def test_the_patch_is_guarded_by_the_reportlab_version() -> None:
    assert tounicode.version_known(reportlab.Version)  # the installed one is covered
    assert tounicode.version_known("4.2.5") and tounicode.version_known("5.1.0")
    assert not tounicode.version_known("6.0.0") and not tounicode.version_known("3.6.13")


def test_ext_b_cmap_in_a_real_pdf_is_utf16() -> None:
    from inspector_app.documents import render_notice
    from tests.document_samples import notice

    pdf = render_notice(notice()).pdf
    streams = []
    for chunk in pdf.split(b"stream\r\n")[1:] + pdf.split(b"stream\n")[1:]:
        body = chunk.split(b"endstream")[0]
        try:
            streams.append(zlib.decompress(body.strip()))
        except zlib.error:
            continue
    cmaps = [s for s in streams if b"beginbfchar" in s]
    assert cmaps and any(b"<D842DFB7>" in c for c in cmaps)
    assert not any(b"<20BB7>" in c for c in cmaps)


def test_runs_split_by_the_font_that_has_each_glyph() -> None:
    runs = fonts.runs("王𠮷 A\U000F0001")
    assert [(r.text, r.font) for r in runs] == [
        ("王", fonts.BODY), ("𠮷", fonts.FALLBACK), (" A", fonts.BODY), ("\U000F0001", None)]
    assert fonts.missing("王𠮷\U000F0001\U000F0001") == ["\U000F0001"]


def test_markup_escapes_everything_paragraph_would_interpret() -> None:
    hostile = '<img src="/etc/passwd"/><font color=red>x</font><para>&amp;&<br/>'
    out = markup(hostile)
    assert "<img" not in out and "<font color" not in out and "<para>" not in out
    para = Paragraph(out, styles()["body"])
    plain = "".join(str(frag.text) for frag in para.frags)
    assert plain == hostile  # Paragraph gives back the literal text


def test_markup_wraps_fallback_characters_and_warns_once_for_unknown_ones() -> None:
    warnings: list[str] = []
    out = markup("𠮷a\ue000\ue000\nb", warnings=warnings)
    assert f'<font name="{fonts.FALLBACK}">𠮷</font>' in out and "<br/>" in out
    assert len(warnings) == 1 and "U+E000" in warnings[0]


def test_control_characters_are_dropped() -> None:
    assert markup("a\x00b\x1bc\u200bd") == "abcd"


def test_every_template_loads_with_its_shared_wording() -> None:
    for kind in templates.KINDS:
        t = templates.load(kind)
        assert t["title"] and t["code"] and "page_number" in t and "labels" in t
    assert templates.load("notice")["appeal"] == ""  # non-enforcement: no appeal clause
    assert "行政复议" in templates.load("order")["appeal"]
    assert templates.fill("{agency}{unknown}", agency="甲") == "甲{unknown}"


def test_font_paths_exist_for_the_ui() -> None:
    for role in ("body", "title", "fallback"):
        path = fonts.font_path(role)
        assert path.is_file() and path.suffix == ".ttf"
    assert fonts.ui_font_path() == fonts.font_path("body")
    assert (fonts.font_path("fallback").parent / "LICENSE-Hanazono.txt").is_file()
    assert (fonts.font_path("body").parent / "OFL-NotoSerifSC.txt").is_file()
