"""Opening images safely: the pixel limit is checked on the header, before any decoding.

``Image.open`` parses only the header, so the size is known while no pixel has been
decoded. Pillow's own guard (``MAX_IMAGE_PIXELS``) is set to our limit and its
``DecompressionBombWarning`` is turned into an error, so nothing between the limit and
twice the limit slips through as a mere warning.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from . import errors
from .orientation import upright

# a 200-megapixel phone photo (16320 x 12240) still imports; more is refused undecoded
MAX_PIXELS = 210_000_000
# Formats decoded in full to make a thumbnail (PNG, WebP, AVIF, a HEIC without a usable
# embedded thumbnail) are limited further. Pillow keeps 4 bytes per pixel even for RGB, so
# a 196-megapixel PNG needs ~800 MB for the decode alone (~1 GB per worker process, and
# one worker per CPU runs at once). JPEG decodes at 1/8 size (draft mode) and a phone HEIC
# brings its own small thumbnail, so a 200 MP photo still imports in those formats; the
# others are refused above this (~200 MB decoded, ~450 MB with transparency) with a message
# asking for a smaller or JPEG copy. Pillow cannot decode a PNG in strips or at a reduced
# size, so there is no bounded path for them.
FULL_DECODE_MAX_PIXELS = 50_000_000
# whole-file reads of images (hash + decode from memory); videos and scans are streamed
MAX_IMAGE_BYTES = 256 * 1024 * 1024

THUMBNAIL_QUALITY_LIMIT = 640  # up to this long side, scale with a cheaper filter
DRAFT_SLACK = 0.9  # a draft-decoded thumbnail may be this much smaller than asked

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated file is an error, never half a photo

OPEN_WARNINGS = "inspector_app.open_warnings"  # info key: Pillow's warnings while opening

_heif_ready = False


def ensure_heif() -> None:
    """Register the HEIC/HEIF opener (pi-heif: decode-only libheif binding) once per process."""
    global _heif_ready
    if not _heif_ready:
        try:
            import pi_heif
        except ImportError:  # pragma: no cover - a broken install; HEIC then fails per file
            return
        pi_heif.register_heif_opener()
        _heif_ready = True


def open_image(source: bytes | Path, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """Open (header only) and check the pixel count; raises ``PhotoError``."""
    ensure_heif()
    fp = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(fp)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise errors.too_many_pixels(_declared_pixels(str(exc)), max_pixels) from exc
    except UnidentifiedImageError as exc:
        raise errors.corrupt("not a valid image") from exc
    except (OSError, ValueError, SyntaxError) as exc:  # bad headers surface as any of these
        raise errors.corrupt(str(exc) or type(exc).__name__) from exc
    # a JPEG may parse its EXIF while opening (for the DPI): keep what Pillow warned about
    im.info[OPEN_WARNINGS] = [str(w.message) for w in caught if w.category is not ResourceWarning]
    width, height = im.size
    if width <= 0 or height <= 0:
        raise errors.corrupt(f"declared size {width}×{height}")
    if width * height > max_pixels:
        raise errors.too_many_pixels(width * height, max_pixels, (width, height))
    return im


def _declared_pixels(message: str) -> int:
    """Pillow says "Image size (N pixels) exceeds limit ..." without the sides."""
    digits = [int(t) for t in message.replace("(", " ").split() if t.isdigit()]
    return digits[0] if digits else 0


def to_rgb(im: Image.Image) -> Image.Image:
    """Any decoded mode as RGB; transparency goes onto white (a photo viewer's background)."""
    if im.mode == "RGB":
        return im
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L").convert("RGB")
    if im.mode == "P":
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        if im.mode != "RGBA":  # convert() to the same mode would copy the whole image
            im = im.convert("RGBA")
        base = Image.new("RGB", im.size, (255, 255, 255))
        base.paste(im, mask=im.getchannel("A"))
        return base
    return im.convert("RGB")


def draft_request(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """The size to ask ``draft()`` for so the long side stays >= :data:`DRAFT_SLACK` × max_side.

    ``draft`` keeps *both* requested sides, so asking for (max_side, max_side) would decode
    a panorama far larger than needed. The slack lets a 600×450 photo decode at 1/2 scale
    (300×225) instead of in full followed by a resize: DCT scaling is the cheapest resize.
    """
    long_side = max(size)
    target = max_side * DRAFT_SLACK
    return (max(1, int(size[0] * target / long_side)), max(1, int(size[1] * target / long_side)))


def decode_upright(im: Image.Image, orientation: int, max_side: int | None = None) -> Image.Image:
    """Decode ``im`` (opened by :func:`open_image`) to an upright RGB image.

    With ``max_side`` a JPEG is decoded in draft mode (DCT scaling: 1/2, 1/4, 1/8), which is
    several times faster than a full decode, then scaled so its long side is at most
    ``max_side`` (and, for thumbnails, at least :data:`DRAFT_SLACK` of it).
    """
    if max_side and im.format == "JPEG":
        im.draft("RGB", draft_request(im.size, max_side))
    try:
        im.load()
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise errors.corrupt(str(exc) or type(exc).__name__) from exc
    except Image.DecompressionBombError as exc:  # frames of a sequence may be larger
        raise errors.too_many_pixels(im.size[0] * im.size[1], MAX_PIXELS, im.size) from exc
    rgb = to_rgb(im)
    if max_side and max(rgb.size) > max_side:  # scale first: turning a small image is cheaper
        # bilinear is antialiased in Pillow and half the cost of Lanczos: plenty for thumbnails
        small = max_side <= THUMBNAIL_QUALITY_LIMIT
        rgb.thumbnail((max_side, max_side),
                      Image.Resampling.BILINEAR if small else Image.Resampling.LANCZOS,
                      reducing_gap=2.0)
    return upright(rgb, orientation)
