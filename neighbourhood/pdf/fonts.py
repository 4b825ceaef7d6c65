"""Finding and registering a CJK font reportlab can embed.

reportlab embeds (subsets) TrueType fonts with ``glyf`` outlines only; the
common Noto/Source Han CJK fonts are CFF-outline OpenType and are refused.  We
look, in order, in ``resources/fonts/`` (a TTF/TTC the project may ship), the
Debian/Ubuntu WenQuanYi fonts, then the Windows system fonts (微软雅黑, 宋体,
黑体).  Without any of them the built-in ``STSong-Light`` CID font is used:
it is *not* embedded (the reader must have a matching font), so a warning is
logged.

No Qt; safe on any thread once registered (registration is guarded by a lock).
"""
from __future__ import annotations

import dataclasses
import logging
import os
import pathlib
import threading

log = logging.getLogger(__name__)

FONT_NAME = "LedgerCJK"          # the name our styles use, whatever file backs it
FALLBACK_CID = "STSong-Light"
RESOURCES = pathlib.Path(__file__).resolve().parents[2] / "resources" / "fonts"

# (path, subfont index of a .ttc) in order of preference after resources/fonts/.
SYSTEM_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),  # Fedora
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
)


@dataclasses.dataclass(frozen=True)
class CJKFont:
    """A usable CJK font: a TrueType file (embedded) or the CID fallback (not embedded)."""
    path: pathlib.Path | None
    subfont_index: int = 0

    @property
    def embedded(self) -> bool:
        return self.path is not None


def _windows_fonts_dir() -> pathlib.Path | None:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    return pathlib.Path(windir) / "Fonts" if windir else None


def _candidates() -> list[tuple[pathlib.Path, int]]:
    found: list[tuple[pathlib.Path, int]] = []
    if RESOURCES.is_dir():
        for path in sorted(RESOURCES.iterdir()):
            if path.suffix.lower() in (".ttf", ".ttc"):
                found.append((path, 0))
    for path, index in SYSTEM_CANDIDATES:
        found.append((pathlib.Path(path), index))
    windows = _windows_fonts_dir()
    if windows is not None:
        for name in ("msyh.ttc", "simsun.ttc", "simhei.ttf"):
            found.append((windows / name, 0))
    return found


def _loads(path: pathlib.Path, index: int) -> bool:
    """True when reportlab can read the file as a glyf TrueType with CJK glyphs."""
    from reportlab.pdfbase.ttfonts import TTFont
    try:
        font = TTFont("probe", str(path), subfontIndex=index)
    except Exception as exc:  # CFF outlines, broken file, unreadable
        log.info("font %s not usable: %s", path, exc)
        return False
    return ord("会") in font.face.charToGlyph


def find_cjk_font() -> CJKFont:
    """The first usable TrueType CJK font, or the CID fallback (with a warning)."""
    for path, index in _candidates():
        if path.is_file() and _loads(path, index):
            return CJKFont(path, index)
    log.warning("没有找到可嵌入的中文字体（如文泉驿微米黑、微软雅黑），PDF 将使用内置的 STSong-Light 字体，"
                "该字体不嵌入文件，在其他电脑上可能显示不正常。")
    return CJKFont(None)


_lock = threading.Lock()
_registered: CJKFont | None = None


def register_cjk_font() -> str:
    """Register the CJK font with reportlab once; returns the font name to use in styles."""
    global _registered
    with _lock:
        if _registered is not None:
            return FONT_NAME if _registered.embedded else FALLBACK_CID
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics

        font = find_cjk_font()
        if font.embedded:
            from reportlab.pdfbase.ttfonts import TTFont
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font.path), subfontIndex=font.subfont_index))
            name = FONT_NAME
        else:
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
            name = FALLBACK_CID
        # No bold/italic face: map them to the same face (titles use size, not weight).
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
        _registered = font
        return name


def registered_font() -> CJKFont | None:
    """The font registered so far (None before the first PDF)."""
    return _registered
