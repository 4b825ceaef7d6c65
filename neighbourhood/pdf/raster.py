"""PDF pages as images (pypdfium2; no Qt, any thread).

PySide6-Essentials ships no QtPdf, so print preview and printing paint these
images onto the printer (:mod:`ui.reports.printing`).  Pages are rendered one at
a time so a 100-page roster never holds every bitmap at once.
"""
from __future__ import annotations

import contextlib
import io
import os
from typing import Iterator

import pypdfium2 as pdfium
from PIL import Image

POINTS_PER_INCH = 72.0


def page_count(path: str | os.PathLike[str]) -> int:
    with contextlib.closing(pdfium.PdfDocument(str(path))) as doc:
        return len(doc)


def page_sizes(path: str | os.PathLike[str]) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    with contextlib.closing(pdfium.PdfDocument(str(path))) as doc:
        return [tuple(doc[i].get_size()) for i in range(len(doc))]  # type: ignore[misc]


def iter_page_images(path: str | os.PathLike[str], *, dpi: float = 150,
                     pages: range | None = None) -> Iterator[Image.Image]:
    """Yield the pages (all, or ``pages``) as RGB PIL images at ``dpi``.

    Raises :class:`pypdfium2.PdfiumError` for a missing or damaged file.
    """
    scale = dpi / POINTS_PER_INCH
    with contextlib.closing(pdfium.PdfDocument(str(path))) as doc:
        for i in (pages if pages is not None else range(len(doc))):
            page = doc[i]
            try:
                bitmap = page.render(scale=scale)
                yield bitmap.to_pil().convert("RGB")
            finally:
                page.close()


def page_png(path: str | os.PathLike[str], index: int, *, dpi: float = 150) -> bytes:
    """One page as PNG bytes."""
    image = next(iter_page_images(path, dpi=dpi, pages=range(index, index + 1)))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


__all__ = ["page_count", "page_sizes", "iter_page_images", "page_png"]
