"""Per-file errors and metadata notes, each with an English and a Chinese message."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..core.errors import DomainError


class PhotoError(DomainError):
    """A file that cannot become evidence; the rest of a batch carries on."""

    code = "photo"


@dataclass(frozen=True)
class Failure:
    """A :class:`PhotoError` as plain data (exceptions lose ``zh`` when pickled)."""

    code: str
    en: str
    zh: str

    def error(self) -> PhotoError:
        return PhotoError(self.en, self.zh, code=self.code)

    @classmethod
    def of(cls, exc: DomainError) -> Failure:
        return cls(exc.code, exc.en, exc.zh)


def empty_file() -> PhotoError:
    return PhotoError("the file is empty (0 bytes)", "文件是空的（0 字节）", code="empty")


def unsupported(what: str) -> PhotoError:
    return PhotoError(
        f"not a photo, video or PDF scan that can be stored ({what}); "
        "accepted: JPEG, PNG, HEIC/HEIF, WebP, MP4/MOV/AVI, PDF",
        f"不是可保存的照片、视频或扫描件（{what}）；支持 JPEG、PNG、HEIC/HEIF、WebP、MP4/MOV/AVI、PDF",
        code="unsupported",
    )


def too_many_pixels(pixels: int, limit: int, size: tuple[int, int] | None = None) -> PhotoError:
    what = f"{size[0]}×{size[1]} pixels" if size else f"{pixels:,} pixels"
    what_zh = f"{size[0]}×{size[1]}" if size else f"{pixels:,} 像素"
    return PhotoError(
        f"refused: {what} is over the limit of {limit // 1_000_000} megapixels "
        "(a damaged file or a decompression bomb); nothing was decoded",
        f"已拒绝：图像尺寸 {what_zh} 超过 {limit // 1_000_000} 百万像素上限"
        "（文件损坏或为“解压炸弹”），未解码",
        code="too_large",
    )


def too_big_to_decode(size: tuple[int, int], limit: int, fmt: str) -> PhotoError:
    return PhotoError(
        f"refused: a {size[0]}×{size[1]} {fmt} image is over the {limit // 1_000_000}-megapixel"
        f" limit for {fmt} files (they must be decoded in full, about"
        f" {size[0] * size[1] * 4 // 1_000_000} MB of memory); add a smaller copy or a JPEG",
        f"已拒绝：{size[0]}×{size[1]} 的 {fmt} 图像超过 {fmt} 格式 {limit // 1_000_000} 百万像素上限"
        f"（需完整解码，约占 {size[0] * size[1] * 4 // 1_000_000} MB 内存）；请改用缩小后的图片或 JPEG",
        code="too_large",
    )


def too_big_file(size: int, limit: int) -> PhotoError:
    return PhotoError(
        f"refused: the image file is {size // 1_048_576} MB, over the {limit // 1_048_576} MB limit",
        f"已拒绝：图像文件 {size // 1_048_576} MB，超过 {limit // 1_048_576} MB 上限",
        code="too_large",
    )


def corrupt(detail: str) -> PhotoError:
    return PhotoError(
        f"the image is damaged or incomplete and cannot be decoded ({detail})",
        f"图像已损坏或不完整，无法解码（{detail}）",
        code="corrupt",
    )


def incomplete(detail: str) -> PhotoError:
    return PhotoError(
        f"the file is incomplete, probably cut off while copying ({detail})",
        f"文件不完整，可能在复制时被截断（{detail}）",
        code="corrupt",
    )


def unreadable(detail: str) -> PhotoError:
    return PhotoError(
        f"the file cannot be read ({detail})", f"无法读取该文件（{detail}）", code="unreadable"
    )


_SPECIAL_ZH = {"FIFO": "命名管道", "device": "设备文件", "socket": "套接字", "folder": "文件夹"}


def not_regular(what: str) -> PhotoError:
    """A FIFO, device or socket in a photo folder: never opened (reading could wait forever)."""
    return PhotoError(
        f"skipped: not a regular file ({what}); it was not opened",
        f"已跳过：不是普通文件（{_SPECIAL_ZH.get(what, what)}），未打开",
        code="not_regular",
    )


def vanished() -> PhotoError:
    return PhotoError("the file no longer exists", "文件已不存在", code="not_found")


def disk_full(detail: str) -> PhotoError:
    return PhotoError(
        f"the disk is full: the file was not saved - free some space and add it again ({detail})",
        f"磁盘已满，该文件未保存。请清理磁盘空间后重新添加（{detail}）",
        code="disk_full",
    )


def write_failed(detail: str) -> PhotoError:
    return PhotoError(
        f"the photo could not be written to the data folder ({detail})",
        f"照片无法写入数据目录（{detail}）",
        code="io",
    )


def changed_while_importing() -> PhotoError:
    return PhotoError(
        "the file changed while it was being imported; add it again once it is complete",
        "导入过程中文件发生了变化，请待文件完整后重新添加",
        code="changed",
    )


def internal(detail: str) -> PhotoError:
    return PhotoError(
        f"internal error while importing ({detail})", f"导入时发生内部错误（{detail}）",
        code="internal",
    )


@dataclass(frozen=True)
class Note:
    """Metadata that was skipped or replaced; the photo still imports."""

    code: str
    en: str
    zh: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)
