"""Render resources/icons/app.svg into resources/icons/app.ico (16–256 px) for the Windows bundle.

Run once after changing app.svg: ``.venv/bin/python scripts/make_app_ico.py`` (Qt offscreen is fine).
"""
from __future__ import annotations

import io
import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = pathlib.Path(__file__).resolve().parents[1]


def main() -> None:
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    big = Image.open(io.BytesIO(bytes(data)))
    big.save(ROOT / "resources" / "icons" / "app.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])


if __name__ == "__main__":
    main()
