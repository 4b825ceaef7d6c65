"""A section of photos for the app's PDFs (monthly report, record printouts).

Photos come as :class:`neighbourhood.attachments.ReportPhoto` (stored bytes); each
is scaled down and re-encoded as JPEG here so the PDF stays small, laid out two to
a row with its caption and date below.  No ledger, no Qt: runs on the PDF worker.
"""
from __future__ import annotations

import io
from typing import Any, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Image, Table, TableStyle

from neighbourhood.pdf.template import CONTENT_WIDTH, para

PRINT_LONGEST = 1200  # px: sharp at the printed size (~80 mm) without bloating the file
CELL_WIDTH = CONTENT_WIDTH / 2
MAX_HEIGHT = 65 * mm


def _flowable(data: bytes) -> Image | None:
    from PIL import Image as PILImage, ImageOps

    from neighbourhood.attachments.files import jpeg_bytes
    try:
        picture = ImageOps.exif_transpose(PILImage.open(io.BytesIO(data)))
        picture.thumbnail((PRINT_LONGEST, PRINT_LONGEST))
        jpeg = jpeg_bytes(picture, 85)
    except Exception:  # a photo that cannot be decoded is left out, never the whole report
        return None
    width, height = picture.size
    scale = min((CELL_WIDTH - 6 * mm) / width, MAX_HEIGHT / height)
    return Image(io.BytesIO(jpeg), width=width * scale, height=height * scale)


def photo_flowables(photos: Sequence[Any], styles) -> list[Any]:
    """Rows of two photos with captions; empty when there are none (or none decode)."""
    cells = []
    for photo in photos:
        image = _flowable(photo.data)
        if image is not None:
            caption = photo.caption + (f"（{photo.on_date}）" if getattr(photo, "on_date", None) else "")
            cells.append([image, para(caption, styles.small)])
    if not cells:
        return []
    rows = [cells[i:i + 2] if i + 1 < len(cells) else [cells[i], ""] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[CELL_WIDTH, CELL_WIDTH])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm)]))
    return [table]
