"""Roster builder window: models pass qtmodeltester; edit, preview, save, export on a worker, files."""
from __future__ import annotations

import openpyxl

from neighbourhood.rosters import template as tpl
from neighbourhood.rosters.fields import ENTITIES
from neighbourhood.rosters.template import ColumnSpec


def test_columns_model(qtmodeltester):
    from ui.roster_builder.models import ColumnsModel

    model = ColumnsModel(ENTITIES["resident"], [ColumnSpec("_seq"), ColumnSpec("name"), ColumnSpec("hh_address")])
    qtmodeltester.check(model)
    assert model.index(2, 0).data() == "所在户 · 住址" and model.index(2, 1).data() == "住址"
    assert model.setData(model.index(1, 1), "户主姓名")
    assert model.columns[1].header == "户主姓名"
    assert model.setData(model.index(1, 1), "姓名") and model.columns[1].header == ""   # back to the label
    assert not model.setData(model.index(1, 0), "x")                                     # the field is fixed
    assert model.move(2, -1) == 1 and [c.field for c in model.columns] == ["_seq", "hh_address", "name"]
    model.append("_blank", "签字")
    model.remove(0)
    assert [c.field for c in model.columns] == ["hh_address", "name", "_blank"]
    assert model.index(2, 1).data() == "签字"
    qtmodeltester.check(model)


def test_preview_model(qtmodeltester):
    from ui.roster_builder.models import PreviewModel

    model = PreviewModel()
    qtmodeltester.check(model)
    model.set_rows(["序号", "姓名"], [["1", "张三"], ["2", "李四"]])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.index(1, 1).data() == "李四"


def _dialog(qtbot, ledger, tmp_path):
    from ui.roster_builder.dialog import RosterBuilderDialog

    dialog = RosterBuilderDialog(ledger, folder=tmp_path)
    qtbot.addWidget(dialog)
    return dialog


def _select(dialog, name: str) -> None:
    from PySide6.QtCore import Qt
    for i in range(dialog.list.count()):
        if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
            dialog.list.setCurrentRow(i)
            return
    raise AssertionError(name)


def test_shipped_templates_load_into_the_editor_unchanged(qtbot, demo_ledger, tmp_path):
    dialog = _dialog(qtbot, demo_ledger, tmp_path)
    assert dialog.list.count() == 7
    for name in demo_ledger.rosters.names():
        _select(dialog, name)
        assert tpl.to_dict(dialog.editor.template()) == tpl.to_dict(demo_ledger.rosters.get(name)), name


def test_preview_is_masked(qtbot, demo_ledger, tmp_path):
    dialog = _dialog(qtbot, demo_ledger, tmp_path)
    _select(dialog, "党员名册")
    assert dialog.refresh_preview()
    headers = dialog.preview.headers
    ids = [row[headers.index("身份证号")] for row in dialog.preview.rows if row[1]]
    assert ids and all("*" in i for i in ids if i)


def test_build_save_and_export_on_a_worker(qtbot, demo_ledger, tmp_path):
    dialog = _dialog(qtbot, demo_ledger, tmp_path)
    dialog.new_template()
    editor = dialog.editor
    editor.name_edit.setText("八十岁以上按网格")
    editor.title_edit.setText("高龄老人签领表")
    editor.add_field("age")
    editor.add_field("hh_members")
    editor.add_field("_blank", "签字")
    editor.add_filter("age", "gte", 80)
    editor.group_combo.setCurrentIndex(editor.group_combo.findData("hh_grid"))
    from PySide6.QtCore import Qt
    for i in range(editor.sums.count()):
        if editor.sums.item(i).data(Qt.ItemDataRole.UserRole) == "hh_members":
            editor.sums.item(i).setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    saved = demo_ledger.rosters.get("八十岁以上按网格")
    assert saved.group_by == "hh_grid" and saved.subtotal_sums == ["hh_members"]
    assert [f.op for f in saved.filters] == ["eq", "gte"] and saved.filters[1].value == 80
    assert dialog.selected_name() == "八十岁以上按网格"
    assert dialog.refresh_preview()
    assert any(row[0].startswith("小计") for row in dialog.preview.rows)
    out = tmp_path / "gl.xlsx"
    assert dialog.export_to(out)
    assert not dialog.export_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30000)
    assert dialog.last_result is not None and dialog.last_result.rows > 0
    ws = openpyxl.load_workbook(out).active
    assert ws.cell(row=1, column=1).value == "高龄老人签领表"
    assert str(dialog.last_result.rows) in dialog.status.text()


def test_cancelled_export_writes_nothing(qtbot, demo_ledger, tmp_path):
    dialog = _dialog(qtbot, demo_ledger, tmp_path)
    _select(dialog, "流动人口登记表")
    out = tmp_path / "c.pdf"
    dialog.export_to(out)
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30000)
    if dialog.last_result is None:                     # cancelled before the end (the usual case)
        assert not out.exists()
        assert "cancelled" in dialog.status.text() or "取消" in dialog.status.text()
    else:                                              # the small demo may finish first
        assert out.exists()
    assert not list(tmp_path.glob(".~*"))


def test_template_files_in_and_out(qtbot, demo_ledger, tmp_path):
    dialog = _dialog(qtbot, demo_ledger, tmp_path)
    path = demo_ledger.rosters.export_file("低保花名册", tmp_path / "dibao")
    assert dialog.import_file(path)
    assert dialog.selected_name().startswith("低保花名册（导入")
    bad = tmp_path / "bad.nltemplate.json"
    bad.write_text("{\"format\": \"something else\"}", encoding="utf-8")
    assert not dialog.import_file(bad)
    assert "不是“社区台账”的花名册模板" in dialog.status.text()


def test_file_menu_has_the_builder(qtbot, demo_ledger, monkeypatch):
    from ui.main_window import MainWindow
    import ui.roster_builder.dialog as mod

    shown = []
    monkeypatch.setattr(mod.RosterBuilderDialog, "exec", lambda self: shown.append(self.list.count()))
    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    window.roster_builder_action.trigger()
    assert shown == [7]
