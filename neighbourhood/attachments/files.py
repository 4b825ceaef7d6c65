"""Checking and preparing a file before it is stored: type, size, integrity, downscale, thumbnail.

:func:`prepare` is pure (no database): it reads the file, refuses what cannot be
stored with a Chinese message (:class:`ValidationError`), and returns the exact
bytes to store with their SHA-256, type, size and a small JPEG thumbnail.
Pillow decodes images (JPEG, PNG, GIF, BMP, WebP); PDFs are recognised by their
magic bytes and opened with pypdfium2 for a first-page thumbnail.  Any thread.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pathlib
import warnings
from typing import Union

from neighbourhood.attachments.exif import strip_location
from neighbourhood.errors import ValidationError
from neighbourhood.jobs import Abort, Progress, checkpoint, never, no_progress

MAX_FILE_BYTES = 20 * 1024 * 1024        # per stored file
MAX_INPUT_BYTES = 100 * 1024 * 1024      # an image to be downscaled may start larger
MAX_PIXELS = 60_000_000                  # ~60 MP: more is a decompression bomb, not a photo
DOWNSCALE_LONGEST = 1600                 # px, longest side of a downscaled photo
JPEG_QUALITY = 85
THUMB_LONGEST = 160

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "BMP": "image/bmp",
               "WEBP": "image/webp"}
PDF = "application/pdf"
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/bmp": ".bmp",
              "image/webp": ".webp", PDF: ".pdf"}
SUPPORTED_TEXT = "JPG、PNG、GIF、BMP、WebP 图片和 PDF 文件"
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif")

Source = Union[str, os.PathLike, bytes, bytearray, memoryview]


@dataclasses.dataclass(frozen=True)
class PreparedFile:
    """A checked file, ready to store (``data`` is exactly what will be stored)."""
    name: str
    data: bytes = dataclasses.field(repr=False)
    sha256: str
    mime: str
    width: int | None = None
    height: int | None = None
    thumbnail: bytes | None = dataclasses.field(default=None, repr=False)

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _read(source: Source, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "附件"
    path = pathlib.Path(source)
    label = name or path.name
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise ValidationError(f"文件“{label}”太大（{megabytes(path.stat().st_size)}），"
                                  f"每个附件不能超过 {megabytes(MAX_FILE_BYTES)}。", field="file")
        with open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1), label
    except OSError as exc:
        raise ValidationError(f"无法读取文件“{label}”（{exc.strerror or exc}）。请确认文件存在且未被其他程序占用。",
                              field="file") from exc


def _too_big(label: str, size: int, image: bool) -> ValidationError:
    hint = "可勾选“缩小图片”后再添加。" if image else "请压缩或分成几个文件后再添加。"
    return ValidationError(f"文件“{label}”太大（{megabytes(size)}），每个附件不能超过 "
                           f"{megabytes(MAX_FILE_BYTES)}。{hint}", field="file")


def prepare(source: Source, *, name: str | None = None, downscale: bool = False) -> PreparedFile:
    """Check and prepare a file (path or bytes) for storing.

    ``downscale`` shrinks a photo whose longest side exceeds
    :data:`DOWNSCALE_LONGEST` (re-encoded as JPEG, quality :data:`JPEG_QUALITY`).
    Location metadata (GPS EXIF, maker notes, EXIF thumbnail, XMP) is always removed
    from JPEG, PNG and WebP photos (see :mod:`.exif`).
    Raises :class:`ValidationError` (Chinese, naming the file) for an unreadable,
    empty, unsupported, damaged or too large file.
    """
    data, label = _read(source, name)
    if not data:
        raise ValidationError(f"文件“{label}”是空的（0 字节），无法添加。", field="file")
    if len(data) > MAX_INPUT_BYTES:
        raise _too_big(label, len(data), True)
    if data[:5] == b"%PDF-":
        if len(data) > MAX_FILE_BYTES:
            raise _too_big(label, len(data), False)
        return _prepare_pdf(data, label)
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        raise ValidationError(f"暂不支持 HEIC/HEIF 格式的照片“{label}”。请在手机相机设置中选择“兼容性最佳”，"
                              "或先转换为 JPG 后再添加。", field="file")
    return _prepare_image(data, label, downscale=downscale)


def _open_image(data: bytes, label: str):
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data), formats=list(IMAGE_TYPES))
    except UnidentifiedImageError:
        raise ValidationError(f"不支持文件“{label}”的格式：只能添加{SUPPORTED_TEXT}。", field="file") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise _damaged(label) from exc
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(f"图片“{label}”的像素过多（{width}×{height}），不像是一张照片，"
                              "为安全起见不能添加。", field="file")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as exc:
        raise _damaged(label) from exc
    return image


def _damaged(label: str) -> ValidationError:
    return ValidationError(f"文件“{label}”已损坏或不完整，无法读取。请重新导出或重新拍摄后再添加。", field="file")


def _rgb(image):
    """A copy suitable for JPEG: transparency flattened onto white."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB") if image.mode != "RGB" else image


def jpeg_bytes(image, quality: int) -> bytes:
    """``image`` as JPEG bytes (transparency flattened onto white)."""
    out = io.BytesIO()
    _rgb(image).save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def thumbnail_of(image, longest: int = THUMB_LONGEST) -> bytes:
    """A small JPEG of an (already upright) image."""
    small = image.copy()
    small.thumbnail((longest, longest))
    return jpeg_bytes(small, 80)


def _prepare_image(data: bytes, label: str, *, downscale: bool) -> PreparedFile:
    from PIL import ImageOps

    image = _open_image(data, label)
    mime = IMAGE_TYPES[image.format]
    upright = ImageOps.exif_transpose(image)
    width, height = upright.size
    if downscale and max(width, height) > DOWNSCALE_LONGEST:
        upright.thumbnail((DOWNSCALE_LONGEST, DOWNSCALE_LONGEST))
        data = jpeg_bytes(upright, JPEG_QUALITY)   # EXIF (and any GPS position) is not carried over
        mime = "image/jpeg"
        label = str(pathlib.PurePath(label).with_suffix(".jpg"))
        width, height = upright.size
    elif image.format in ("JPEG", "PNG", "WEBP"):
        data = strip_location(data, image, image.format)   # GPS position never stored
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(label, len(data), True)
    return PreparedFile(name=label, data=data, sha256=hashlib.sha256(data).hexdigest(), mime=mime,
                        width=width, height=height, thumbnail=thumbnail_of(upright))


def _prepare_pdf(data: bytes, label: str) -> PreparedFile:
    if b"%%EOF" not in data[-2048:]:
        raise _damaged(label)
    return PreparedFile(name=label, data=data, sha256=hashlib.sha256(data).hexdigest(), mime=PDF,
                        thumbnail=pdf_thumbnail(data, label))


def pdf_thumbnail(data: bytes, label: str) -> bytes | None:
    """First page as a small JPEG; raises for a PDF pdfium cannot open (damaged)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _damaged(label) from exc
    try:
        if len(document) == 0:
            raise _damaged(label)
        page = document[0]
        width, height = page.get_size()
        scale = THUMB_LONGEST / max(width, height, 1)
        image = page.render(scale=scale).to_pil()
        return jpeg_bytes(image, 80)
    finally:
        document.close()


def prepare_many(sources: list[tuple[Source, str | None]], *, downscale: bool = False,
                 progress: Progress = no_progress, abort: Abort = never) -> list[PreparedFile | ValidationError]:
    """:func:`prepare` each ``(source, name)``; a refused file gives its ValidationError in its
    place, so one bad file does not stop the others.  A long job (any thread, no ledger):
    raises :class:`neighbourhood.jobs.Cancelled` when ``abort()`` turns true."""
    out: list[PreparedFile | ValidationError] = []
    for i, (source, name) in enumerate(sources):
        checkpoint(abort)
        progress(i, len(sources), f"正在检查第 {i + 1} 个文件（共 {len(sources)} 个）")
        try:
            out.append(prepare(source, name=name, downscale=downscale))
        except ValidationError as exc:
            out.append(exc)
    progress(len(sources), len(sources), "")
    return out


def input_size(source: Source) -> int:
    """Bytes to read for ``source`` (0 when it cannot be read: prepare says why)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return len(source)
    try:
        return pathlib.Path(source).stat().st_size
    except OSError:
        return 0
