"""A rectification notice with six photos from 12 MP originals, against the text-only floor.

    python -m tests.benchmarks.bench_notice_pdf
    pytest -m benchmark tests/benchmarks/bench_notice_pdf.py -s

Six photos cycle through the shared phone fixtures (a 12 MP iPhone HEIC, a 9 MP Nokia JPEG)
and a generated 4000×3000 JPEG (without the fixtures: generated JPEGs only). Measured in one
process after the fonts are registered (a one-off ~1 s at first use, printed separately):

* **notice** – ``render_notice`` with the photo appendix: each photo decoded (draft-mode
  JPEG, full HEIC decode), oriented, scaled to 1200 px, re-encoded (JPEG q80), embedded;
* **cached** – the same with ``photo_cache``: the scaled copies made by the preview are
  reused when the notice is issued or re-printed (same bytes);
* **jpeg** – six generated 4000×3000 JPEGs, no cache (draft-mode decode, no HEIC);
* **floor** – the same notice text without photos: reportlab laying out and subsetting the
  same fonts, the part no photo work can remove.

Goals: notice ≤ 0.3 s and ≤ 1.5 MB. Prints median times (3 cold / 5 cached and floor runs) and sizes.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from tests import document_samples as s
from tests.benchmarks.generate import median_ms

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "photos" / "mobile"
GOAL_S, GOAL_BYTES = 0.3, 1_500_000


def _generated(folder: Path) -> Path:
    """A 4000×3000 JPEG with photo-like detail (noise, blurred), quality 92 as phones save."""
    path = folder / "生成 4000x3000.jpg"
    if not path.exists():
        rnd = random.Random(7)
        small = Image.new("RGB", (400, 300))
        small.putdata([(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
                       for _ in range(400 * 300)])
        big = small.resize((4000, 3000), Image.Resampling.BICUBIC).filter(
            ImageFilter.GaussianBlur(2))
        big.save(path, quality=92)
    return path


def run(folder: Path) -> list[str]:
    from inspector_app.documents import fonts, render_notice
    from inspector_app.documents.inputs import Photo

    sources = [_generated(folder)]
    if FIXTURES.is_dir():
        sources = [*sorted(p for p in FIXTURES.iterdir() if p.is_file()), *sources]
    photos = [Photo(sources[i % len(sources)], "整改前", None, "一楼仓库", f"ab{i:02d}cd")
              for i in range(6)]
    start = time.perf_counter()
    fonts.register()
    fonts_s = time.perf_counter() - start
    with_photos = s.notice(photos=photos)
    text_only = s.notice()
    cache = folder / "print cache"
    notice_ms = median_ms(lambda: render_notice(with_photos), runs=3)
    cached_ms = median_ms(lambda: render_notice(with_photos, photo_cache=cache), runs=5)
    floor_ms = median_ms(lambda: render_notice(text_only), runs=5)
    jpeg_only = s.notice(photos=[Photo(sources[-1], "整改前", None, "一楼仓库", f"j{i}")
                                 for i in range(6)])
    jpeg_ms = median_ms(lambda: render_notice(jpeg_only), runs=3)
    notice = render_notice(with_photos)
    cached = render_notice(with_photos, photo_cache=cache)
    floor = render_notice(text_only)
    assert cached.pdf == notice.pdf  # the cache changes the time, never the bytes
    names = ", ".join(p.name for p in sources)
    return [
        f"photos: 6 cycling through {names}",
        f"font registration (once per process): {fonts_s:.2f} s",
        f"notice with 6 photos: {notice_ms / 1000:.3f} s, {len(notice.pdf) / 1e6:.2f} MB, "
        f"{notice.pages} pages (goal <= {GOAL_S} s, <= {GOAL_BYTES / 1e6} MB)",
        f"notice with 6 photos, copies from the print cache (issue after preview, re-print): "
        f"{cached_ms / 1000:.3f} s, same bytes",
        f"notice with 6 generated 4000x3000 JPEGs, no cache: {jpeg_ms / 1000:.3f} s",
        f"floor, same text without photos: {floor_ms / 1000:.3f} s, "
        f"{len(floor.pdf) / 1e6:.2f} MB, {floor.pages} pages",
        f"photo work: {(notice_ms - floor_ms) / 1000:.3f} s; "
        f"ratio notice/floor {notice_ms / floor_ms:.1f}x",
        f"warnings: {list(notice.warnings)}",
    ]


@pytest.mark.benchmark
def test_notice_pdf_benchmark(tmp_path: Path) -> None:
    for line in run(tmp_path):
        print(line)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        for line in run(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp)):
            print(line)
