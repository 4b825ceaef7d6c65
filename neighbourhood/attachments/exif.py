"""Removing location data (GPS EXIF) from photos before they are stored (PIPL: a photo of a
resident's home with its coordinates is personal data the ledger does not need).

JPEG is cleaned losslessly: the APP1 "Exif" segment is rebuilt without the GPS IFD, maker
notes and the embedded thumbnail (which can carry its own position), and the orientation is
applied by resetting the tag only when the pixels are re-encoded; the compressed image data
is copied byte for byte.  XMP APP1 segments are dropped (they can hold ``exif:GPS*``).
PNG and WebP carry EXIF in a chunk; an image that has one is re-saved losslessly (PNG) or at
quality 95 (lossy WebP; lossless WebP stays lossless) with the orientation applied and the
chunk cleaned.  Pure functions, any thread.
"""
from __future__ import annotations

import io
import struct

GPS_IFD = 0x8825
MAKER_NOTE = 0x927C
ORIENTATION = 0x0112
EXIF_IFD = 0x8769
# EXIF-IFD tags that are positions or may hide one (maker notes are vendor blobs).
_DROP_EXIF_TAGS = (MAKER_NOTE, 0xA420)  # MakerNote, ImageUniqueID (ties photo to a device log)
_XMP = b"http://ns.adobe.com/xap/1.0/\x00"


def clean_exif_bytes(exif, *, keep_orientation: bool) -> bytes:
    """``exif`` (a Pillow ``Image.Exif``) as APP1 payload bytes without GPS, maker notes or
    thumbnail; orientation kept only when ``keep_orientation`` (the pixels were not turned)."""
    from PIL import Image

    clean = Image.Exif()
    for tag, value in exif.items():
        if tag in (GPS_IFD, EXIF_IFD) or (tag == ORIENTATION and not keep_orientation):
            continue
        clean[tag] = value
    try:
        sub = exif.get_ifd(EXIF_IFD)
    except Exception:  # noqa: BLE001 - damaged sub-IFD: leave it out
        sub = {}
    sub = {t: v for t, v in sub.items() if t not in _DROP_EXIF_TAGS and not isinstance(v, dict)}
    if sub:
        clean[EXIF_IFD] = sub
    return clean.tobytes()


def _jpeg_segments(data: bytes):
    """(marker, segment bytes incl. marker) up to SOS, then the rest as one (0xDA, bytes)."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError("bad JPEG marker")
        marker = data[pos + 1]
        if marker == 0xFF:          # fill byte
            pos += 1
            continue
        if marker == 0xDA or marker == 0xD9:
            yield marker, data[pos:]
            return
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        yield marker, data[pos:pos + 2 + length]
        pos += 2 + length
    raise ValueError("truncated JPEG")


def strip_jpeg(data: bytes, exif) -> bytes:
    """JPEG ``data`` with its EXIF segment rebuilt without location (see module doc); the
    image data is unchanged.  ``exif`` is Pillow's parse of the same file."""
    out = [b"\xff\xd8"]
    written = False
    for marker, segment in _jpeg_segments(data):
        if marker == 0xE1 and segment[4:10] == b"Exif\x00\x00":
            if not written:
                payload = b"Exif\x00\x00" + clean_exif_bytes(exif, keep_orientation=True)
                if len(payload) + 2 <= 0xFFFF:
                    out.append(b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload)
                written = True
            continue
        if marker == 0xE1 and segment[4:4 + len(_XMP)] == _XMP:
            continue
        out.append(segment)
    return b"".join(out)


def needs_cleaning(image) -> bool:
    """Whether a decoded image carries EXIF or XMP that may hold a location."""
    info = image.info
    if info.get("exif") or info.get("xmp") or info.get("XML:com.adobe.xmp"):
        return True
    return any(isinstance(k, str) and k.lower() == "xmp" for k in info)


def strip_location(data: bytes, image, fmt: str) -> bytes:
    """``data`` (a JPEG, PNG or WebP decoded as ``image``) without location metadata.

    Returns ``data`` itself when there was nothing to remove (so the same original keeps
    the same hash).  JPEG: lossless segment rewrite.  PNG/WebP: re-saved with the
    orientation applied (PNG and lossless WebP are lossless; lossy WebP at quality 95).
    """
    if not needs_cleaning(image):
        return data
    exif = image.getexif()
    if fmt == "JPEG":
        try:
            return strip_jpeg(data, exif)
        except Exception:  # noqa: BLE001 - an odd file: fall back to re-encoding below
            pass
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(image)
    try:
        cleaned = clean_exif_bytes(exif, keep_orientation=False)
    except Exception:  # noqa: BLE001 - EXIF Pillow cannot write back: store none at all
        cleaned = b""
    out = io.BytesIO()
    if fmt == "PNG":
        upright.save(out, "PNG", exif=cleaned, optimize=False)
    elif fmt == "WEBP":
        lossless = bool(getattr(image, "info", {}).get("lossless")) or _webp_is_lossless(data)
        upright.save(out, "WEBP", exif=cleaned, lossless=lossless, quality=95 if not lossless else 100)
    else:  # JPEG we could not parse segment by segment
        upright.save(out, "JPEG", exif=cleaned, quality=95, subsampling=0)
    return out.getvalue()


def _webp_is_lossless(data: bytes) -> bool:
    return b"VP8L" in data[12:64]
