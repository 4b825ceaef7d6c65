"""Print preview and printing: PDF pages rasterised with pypdfium2 and painted onto a QPrinter."""
from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from neighbourhood.pdf import raster
from neighbourhood.pdf.roster import rows_per_page, write_roster_pdf


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def roster(tmp_path):
    """A 3-page landscape roster."""
    n = rows_per_page(first=True) + rows_per_page() + 3
    return write_roster_pdf(tmp_path / "roster.pdf", title="名册", headers=["序号", "姓名"],
                            rows=([i, f"居民{i}"] for i in range(n)))


def test_paint_pdf_prints_every_page_landscape(qapp, roster, tmp_path):
    from ui.reports.printing import paint_pdf

    target = tmp_path / "printed.pdf"
    assert paint_pdf(_pdf_printer(target), roster) == 3
    assert raster.page_count(target) == 3
    assert all(w > h for w, h in raster.page_sizes(target))     # oriented like the source
    page = next(raster.iter_page_images(target, dpi=50))
    assert page.convert("L").getextrema()[0] < 128              # the page image was drawn, not blank


def test_paint_pdf_of_a_damaged_file_raises(qapp, tmp_path):
    import pypdfium2

    from ui.reports.printing import paint_pdf

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    with pytest.raises(pypdfium2.PdfiumError):
        paint_pdf(_pdf_printer(tmp_path / "out.pdf"), bad)


def test_reports_page_preview_shows_the_report_pages(qtbot, demo_ledger, tmp_path):
    from ui.reports.page import ReportsPage

    page = ReportsPage(demo_ledger)
    qtbot.addWidget(page)
    assert page.preview() is None and not page.preview_button.isEnabled()   # nothing generated yet
    with qtbot.waitSignal(page.generated, timeout=30000):
        page.generate(str(tmp_path / "r.pdf"))
    assert page.preview_button.isEnabled() and page.print_button.isEnabled()
    dialog = page.preview(show=False)
    qtbot.addWidget(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    assert widget.pageCount() == raster.page_count(tmp_path / "r.pdf") >= 2
    # what the dialog's Print button does: the same paint onto the printer
    target = tmp_path / "printed.pdf"
    from ui.signals import emit

    with qtbot.waitSignal(dialog.paintRequested, timeout=5000):
        emit(dialog.paintRequested, _pdf_printer(target))
    assert raster.page_count(target) == widget.pageCount()


def test_preview_of_a_vanished_file_warns_instead_of_raising(qtbot, roster, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.reports.printing import preview_dialog
    from ui.signals import emit

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = preview_dialog(roster)
    qtbot.addWidget(dialog)
    roster.unlink()
    emit(dialog.paintRequested, _pdf_printer(tmp_path / "out.pdf"))
    assert len(warnings) == 1 and "PDF" in warnings[0]
