"""Print preview and printing of a PDF file written by the app (report, minutes, roster).

PySide6-Essentials has no QtPdf, so the pages are rasterised with pypdfium2
(:mod:`neighbourhood.pdf.raster`) and painted onto the QPrinter, each page
scaled to the paper and oriented like the PDF page (a landscape roster prints
landscape).  GUI thread.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from neighbourhood.pdf import raster

# Enough for sharp text on paper; a HighResolution printer reports 1200 dpi, and an A4
# bitmap at that resolution would be ~400 MB.
MAX_DPI = 300


def _orientation(size: tuple[float, float]) -> QPageLayout.Orientation:
    w, h = size
    return QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait


def paint_pdf(printer: QPrinter, path: str | os.PathLike[str]) -> int:
    """Paint every page of ``path`` onto ``printer``; returns the number of pages painted.

    Raises :class:`pypdfium2.PdfiumError` when the file cannot be read (nothing painted).
    """
    sizes = raster.page_sizes(path)
    if not sizes:
        return 0
    dpi = min(max(printer.resolution(), 72), MAX_DPI)
    printer.setFullPage(True)  # the PDF carries its own margins
    printer.setPageOrientation(_orientation(sizes[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印：请检查打印机或输出文件。")
    # the preview replays these pages scaled down: smooth scaling keeps thin rules visible
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        for i, image in enumerate(raster.iter_page_images(path, dpi=dpi)):
            if i:
                printer.setPageOrientation(_orientation(sizes[i]))
                printer.newPage()
            data = image.tobytes()  # kept alive while the QImage is drawn
            qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            target = QSizeF(qimage.size()).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = paper.x() + (paper.width() - target.width()) / 2
            y = paper.y() + (paper.height() - target.height()) / 2
            painter.drawImage(QRectF(x, y, target.width(), target.height()), qimage)
        return len(sizes)
    finally:
        painter.end()


def _printer_for(path: str | os.PathLike[str]) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(os.path.basename(os.fspath(path)))
    return printer


def _paint_or_warn(printer: QPrinter, path: str | os.PathLike[str], parent: QWidget) -> None:
    """Paint for the preview; a damaged or vanished file is shown, not raised into Qt."""
    try:
        paint_pdf(printer, path)
    except Exception as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, QCoreApplication.translate("ReportPrinting", "Print preview"),
                            QCoreApplication.translate("ReportPrinting", "The PDF could not be read: %1")
                            .replace("%1", str(exc) or type(exc).__name__))


def preview_dialog(path: str | os.PathLike[str], parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of ``path`` (not yet shown); its Print button prints the same pages."""
    printer = _printer_for(path)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReportPrinting", "Print preview") + f" — {os.path.basename(os.fspath(path))}")
    dialog.paintRequested.connect(lambda p: _paint_or_warn(p, path, dialog))
    dialog._printer = printer  # the dialog does not own it; keep it alive with the dialog
    return dialog


def print_with_dialog(path: str | os.PathLike[str], parent: QWidget | None = None) -> bool:
    """Ask for a printer (QPrintDialog), then print ``path``; False when the user cancelled."""
    printer = _printer_for(path)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_pdf(printer, path)
    return True


__all__ = ["paint_pdf", "preview_dialog", "print_with_dialog", "MAX_DPI"]
