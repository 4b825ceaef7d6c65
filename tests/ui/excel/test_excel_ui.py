"""Export dialog and import wizard: models pass qtmodeltester, happy paths on workers."""
from __future__ import annotations

import openpyxl
import pytest

from neighbourhood.access import Access
from neighbourhood.excel import ImportOptions, propose_mapping, read_table, validate_import
from neighbourhood.idnumbers import check_char


def _id(body: str) -> str:
    return body + check_char(body)


def _sheet(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["阳光社区居民名单"])
    ws.merge_cells("A1:E1")
    ws.append(["名字", "身份证号码", "家庭住址", "与户主关系", "走访情况"])
    ws.append(["张伟", _id("11010519900101001"), "3栋1单元101室", "户主", ""])
    ws.append(["李娜", _id("11010519920202002"), "3栋1单元101室", "妻子", ""])
    ws.append(["王五", 4.10105199001011e+17, "3栋1单元102室", "户主", ""])
    wb.save(path)
    return path


def test_mapping_model(qtmodeltester):
    from ui.excel.models import MappingModel

    model = MappingModel(["名字", "证件", "住址"], [["张伟"], ["1101"], ["1栋101"]], {0: "name", 2: "address"})
    qtmodeltester.check(model)
    assert model.mapping() == {0: "name", 2: "address"}
    assert model.setData(model.index(1, 2), "name")
    assert model.mapping() == {1: "name", 2: "address"}       # one column per field
    assert not model.setData(model.index(1, 2), "no_such_field")
    qtmodeltester.check(model)


def test_preview_model(qtmodeltester, ledger, tmp_path):
    from ui.excel.models import PreviewModel

    ledger.grids.add(name="第一网格")
    table = read_table(_sheet(tmp_path / "s.xlsx"))
    plan = validate_import(ledger, table, propose_mapping(table.headers),
                           options=ImportOptions(grid_id=ledger.grids.list()[0].id))
    model = PreviewModel(plan)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(2, 0).data() == "5" and model.index(2, 1).data() == "错误"
    assert "*" in model.index(0, 3).data()
    model.set_plan(plan, errors_only=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_export_dialog_runs_on_a_worker(qtbot, demo_ledger, tmp_path):
    from ui.excel.export_dialog import ExportDialog

    grid = demo_ledger.grids.list()[0]
    dialog = ExportDialog(demo_ledger, "households", {"grid_id": grid.id}, folder=tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.full_check.isEnabled()          # the system user may not unmask
    assert dialog.kind() == "households"
    out = tmp_path / "hh.xlsx"
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.start()
    assert out.exists() and dialog.result.rows > 0 and not dialog.result.full
    ws = openpyxl.load_workbook(out).active
    assert grid.name in ws["A2"].value


def test_export_dialog_full_for_allowed_user(qtbot, demo_ledger, tmp_path):
    from ui.excel.export_dialog import ExportDialog

    demo_ledger.access = Access(role="admin", username="director", can_view_full=True)
    dialog = ExportDialog(demo_ledger, "residents", folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.full_check.isEnabled()
    dialog.full_check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.start()
    assert dialog.result.full


def test_import_wizard_happy_path(qtbot, ledger, tmp_path):
    from PySide6.QtWidgets import QWizard
    from ui.excel.import_wizard import ImportWizard
    from ui.excel.models import MappingModel

    ledger.grids.add(name="第一网格")
    path = _sheet(tmp_path / "s.xlsx")
    wizard = ImportWizard(ledger)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.file_page.sheet_combo.count() == 1
    wizard.next()
    # The sheet is read on a worker; the wizard moves on by itself when it is read.
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=20000)
    model = wizard.mapping_page.model
    assert model.mapping() == {0: "name", 1: "id_number", 2: "address", 3: "relation"}
    # The user maps the unrecognised 备注栏目 column by hand.
    model.setData(model.index(4, MappingModel.FIELD), "notes")
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    assert wizard.preview_page.isComplete()
    assert wizard.plan.count("new") == 2 and wizard.plan.count("error") == 1
    assert wizard.preview_page.save_errors.isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.run_page
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=20000)
    assert wizard.result.added == 2 and wizard.result.households_added == 1
    assert ledger.check().counts["residents"] == 2
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled() or \
        not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    # The corrected mapping is remembered for next time.
    from neighbourhood.excel import remembered
    assert remembered(ledger).get("走访情况") == "notes"


def test_import_wizard_reports_hostile_file(qtbot, ledger, tmp_path):
    from ui.excel.import_wizard import ImportWizard

    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a zip")
    wizard = ImportWizard(ledger)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(bad))
    assert "不是 Excel 文件" in wizard.file_page.message.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.file_page.job is None, timeout=20000)
    assert wizard.currentPage() is wizard.file_page
    assert "不是 Excel 文件" in wizard.file_page.message.text()
    assert wizard.file_page.path_edit.isEnabled()


def test_import_wizard_reads_the_file_on_a_worker_and_can_stop(qtbot, ledger, tmp_path, monkeypatch):
    import threading

    from ui.excel import import_wizard
    from ui.excel.import_wizard import ImportWizard

    ledger.grids.add(name="第一网格")
    path = _sheet(tmp_path / "s.xlsx")
    started, release, threads = threading.Event(), threading.Event(), []
    real = import_wizard.read_table

    def slow_read(*args, **kwargs):
        threads.append(threading.current_thread())
        started.set()
        release.wait(10)
        return real(*args, **kwargs)
    monkeypatch.setattr(import_wizard, "read_table", slow_read)
    wizard = ImportWizard(ledger)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert started.wait(10)
    # The GUI thread is free while the sheet is read: progress and Stop are shown.
    assert threads[0] is not threading.main_thread()
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.stop_button.isVisible() and not wizard.file_page.isComplete()
    wizard.file_page.stop_button.click()
    release.set()
    qtbot.waitUntil(lambda: wizard.file_page.job is None, timeout=20000)
    assert wizard.currentPage() is wizard.file_page and wizard.table is None
    assert wizard.file_page.message.text()             # "Reading stopped."
    # Next again reads it and moves on.
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=20000)
    assert len(wizard.table.rows) == 3


def test_translations_cover_the_screens():
    from ui.excel.zh_CN_strings import STRINGS

    assert "ExportDialog" in STRINGS and "ImportWizard" in STRINGS
    assert all(isinstance(v, str) and v for ctx in STRINGS.values() for v in ctx.values())


def test_export_dialog_period_for_the_visit_log(qtbot, demo_ledger, tmp_path):
    import datetime as _dt

    from ui.excel.export_dialog import ExportDialog

    grid = demo_ledger.grids.list()[0]
    dialog = ExportDialog(demo_ledger, "visits", {"grid_id": grid.id, "date_from": "2024-01-01"},
                          folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.period_row.isVisible()
    assert dialog.export_filters() == {"grid_id": grid.id, "date_from": "2024-01-01",
                                       "date_to": _dt.date.today().isoformat()}
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("residents"))
    assert not dialog.period_row.isVisible() and dialog.export_filters() == {"grid_id": grid.id}
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("visits"))
    out = tmp_path / "v.xlsx"
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.start()
    assert out.exists() and dialog.result.kind == "visits"
    assert "2024-01-01至" in openpyxl.load_workbook(out).active["A2"].value
