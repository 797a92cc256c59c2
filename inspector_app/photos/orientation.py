"""EXIF orientation 1–8: what to do to the stored pixels so the photo shows upright."""

from __future__ import annotations

from PIL import Image

T = Image.Transpose
# value -> transform of the stored image that gives the upright one (EXIF 2.32, tag 0x0112)
TRANSFORMS: dict[int, Image.Transpose | None] = {
    1: None,
    2: T.FLIP_LEFT_RIGHT,  # mirrored
    3: T.ROTATE_180,
    4: T.FLIP_TOP_BOTTOM,
    5: T.TRANSPOSE,  # mirrored and rotated
    6: T.ROTATE_270,  # camera turned clockwise: turn the image 90° clockwise
    7: T.TRANSVERSE,
    8: T.ROTATE_90,  # turn 90° counter-clockwise
}


def swaps_sides(orientation: int) -> bool:
    return orientation in (5, 6, 7, 8)


def displayed_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    """The size a viewer shows for a stored ``width`` × ``height``."""
    return (height, width) if swaps_sides(orientation) else (width, height)


def upright(im: Image.Image, orientation: int) -> Image.Image:
    transform = TRANSFORMS.get(orientation)
    return im if transform is None else im.transpose(transform)
