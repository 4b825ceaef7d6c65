"""Field-laptop screens: the conflict model passes qtmodeltester, staff choose a side,
the dialogs run their jobs on a worker, the menu appears by role."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from neighbourhood.ledger import Ledger
from neighbourhood.sync.checkout import open_checkout

PASS = "ui-passphrase"
KDF = 2 ** 10


@pytest.fixture
def office_with_conflicts(demo_ledger, tmp_path):
    """The demo office after a laptop's file that clashes on two residents' notes."""
    office = demo_ledger
    out = tmp_path / "co.nlsync"
    office.sync.checkout(grid_ids=[office.grids.list()[0].id], out=out, passphrase=PASS,
                         device_name="网格一笔记本", kdf_n=KDF)
    open_checkout(out, PASS, tmp_path / "laptop.db")
    with Ledger.open(tmp_path / "laptop.db") as laptop:
        rids = [r[0] for r in laptop.conn.execute("SELECT id FROM residents ORDER BY id LIMIT 2")]
        for rid in rids:
            laptop.residents.update(rid, notes="笔记本写的")
        laptop.residents.update(rids[0], phone="13900001111")
        ret = laptop.sync.export(out=tmp_path / "ret.nlsync", passphrase=PASS, kdf_n=KDF).path
    for rid in rids:
        office.residents.update(rid, notes="办公室写的")
    office.residents.update(rids[0], phone="13700002222")
    office.sync.apply_file(ret, PASS)
    return office, rids, ret


def test_conflict_model(qtmodeltester, office_with_conflicts):
    from ui.sync.conflict_model import ConflictTableModel

    office, rids, _ret = office_with_conflicts
    model = ConflictTableModel(office)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    notes = next(r for r in rows if r[4] == "笔记本写的")
    assert notes[4:6] == ["笔记本写的", "办公室写的"] and notes[6] == "To review"
    phone = next(r for r in rows if "139" in (r[4] or ""))
    assert "*" in phone[4] and "*" in phone[5]  # masked without full view
    model.set_status_filter(None)
    qtmodeltester.check(model)


def test_whole_record_values_are_masked_too(qtbot, office_with_conflicts):
    """A duplicate-ID or missing-record conflict holds the laptop's whole record: its ID number
    and phone are masked like a single field's."""
    import types

    from ui.sync.conflict_model import ConflictTableModel

    office, _rids, _ret = office_with_conflicts
    model = ConflictTableModel(office)
    record = {"id": "x", "name": "王芳", "id_number": "110105196004020018", "phone": "13800000001"}
    shown = model._value(types.SimpleNamespace(field=None), record)
    assert "王芳" in shown and "110105196004020018" not in shown and "13800000001" not in shown
    assert "110105********0018" in shown and "138****0001" in shown


def test_choosing_a_side_resolves_and_refreshes(qtbot, office_with_conflicts):
    from ui.sync.conflict_page import ConflictReviewPage

    office, rids, _ret = office_with_conflicts
    page = ConflictReviewPage(office)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3 and page.laptop_button.isEnabled()
    first = page.current()
    with qtbot.waitSignal(page.changed, timeout=2000):
        page.laptop_button.click()
    assert page.model.rowCount() == 2
    resolved = office.sync.conflicts.get(first.id)
    assert (resolved.status, resolved.choice) == ("resolved", "laptop")
    value = office.conn.execute(f"SELECT [{first.field}] FROM residents WHERE id = ?",
                                (first.record_id,)).fetchone()[0]
    assert value == first.laptop_value
    page.office_button.click()
    page.office_button.click()
    assert page.model.rowCount() == 0 and not page.laptop_button.isEnabled()
    page.show_resolved.setChecked(True)
    assert page.model.rowCount() == 3


def test_read_only_role_cannot_choose(qtbot, office_with_conflicts):
    import dataclasses

    from ui.sync.conflict_page import ConflictReviewPage

    office, _rids, _ret = office_with_conflicts
    office.access = dataclasses.replace(office.access, role="auditor")
    page = ConflictReviewPage(office)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3 and not page.laptop_button.isEnabled()


def test_apply_dialog_runs_on_a_worker_and_reports(qtbot, demo_ledger, tmp_path):
    from ui.sync.dialogs import ApplyDialog, CheckoutDialog

    dialog = CheckoutDialog(demo_ledger, folder=str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.grids.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.device.setText("网格一笔记本")
    dialog.passphrase.setText(PASS)
    dialog.confirm.setText("different")
    dialog.start()
    assert dialog.job is None and dialog.status.text()  # refused before starting
    dialog.confirm.setText(PASS)
    dialog.path.setText(str(tmp_path / "co.nlsync"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None or (dialog.job is None and dialog.run_button.isEnabled()),
                    timeout=60000)
    assert dialog.result is not None, dialog.status.text()
    open_checkout(tmp_path / "co.nlsync", PASS, tmp_path / "laptop.db")
    with Ledger.open(tmp_path / "laptop.db") as laptop:
        laptop.residents.update(laptop.conn.execute("SELECT id FROM residents LIMIT 1").fetchone()[0],
                                notes="界面测试")
        ret = laptop.sync.export(out=tmp_path / "ret.nlsync", passphrase=PASS, kdf_n=KDF).path

    apply = ApplyDialog(demo_ledger, path=str(ret))
    qtbot.addWidget(apply)
    apply.passphrase.setText("wrong passphrase")
    apply.start()
    qtbot.waitUntil(lambda: apply.job is None and apply.run_button.isEnabled(), timeout=30000)
    assert "口令不正确" in apply.status.text() and apply.result is None
    apply.passphrase.setText(PASS)
    apply.start()
    qtbot.waitUntil(lambda: apply.result is not None, timeout=30000)
    assert "合并 1 处修改" in apply.status.text()


def test_return_dialog_on_a_laptop(qtbot, demo_ledger, tmp_path):
    from ui.sync.dialogs import ReturnDialog

    out = tmp_path / "co.nlsync"
    demo_ledger.sync.checkout(grid_ids=[demo_ledger.grids.list()[0].id], out=out, passphrase=PASS,
                              device_name="网格一笔记本", kdf_n=KDF)
    open_checkout(out, PASS, tmp_path / "laptop.db")
    with Ledger.open(tmp_path / "laptop.db") as laptop:
        laptop.residents.update(laptop.conn.execute("SELECT id FROM residents LIMIT 1").fetchone()[0], notes="x1")
        dialog = ReturnDialog(laptop, folder=str(tmp_path))
        qtbot.addWidget(dialog)
        assert "1" in dialog.status.text()
        dialog.passphrase.setText(PASS)
        dialog.confirm.setText(PASS)
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result is not None or (dialog.job is None and dialog.run_button.isEnabled()),
                        timeout=60000)
        assert dialog.result is not None and dialog.result.changes == 1
        assert laptop.sync.outbox()[0]["seq"] == 1


def test_menu_by_database_role(qtbot, demo_ledger, tmp_path):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    assert window.sync_apply_action.isEnabled() and not hasattr(window, "sync_return_action")
    out = tmp_path / "co.nlsync"
    demo_ledger.sync.checkout(grid_ids=[demo_ledger.grids.list()[0].id], out=out, passphrase=PASS,
                              device_name="网格一笔记本", kdf_n=KDF)
    open_checkout(out, PASS, tmp_path / "laptop.db")
    with Ledger.open(tmp_path / "laptop.db") as laptop:
        lap_window = MainWindow(laptop)
        qtbot.addWidget(lap_window)
        assert hasattr(lap_window, "sync_return_action") and not hasattr(lap_window, "sync_apply_action")
        lap_window.close()


def test_refresh_dialog_keeps_unreturned_changes(qtbot, demo_ledger, tmp_path):
    from ui.sync.dialogs import RefreshDialog

    grid = demo_ledger.grids.list()[0].id
    demo_ledger.sync.checkout(grid_ids=[grid], out=tmp_path / "co.nlsync", passphrase=PASS,
                              device_name="网格一笔记本", kdf_n=KDF)
    open_checkout(tmp_path / "co.nlsync", PASS, tmp_path / "laptop.db")
    laptop = Ledger.open(tmp_path / "laptop.db")
    rid = laptop.conn.execute("SELECT id FROM residents LIMIT 1").fetchone()[0]
    laptop.residents.update(rid, notes="未交回的修改")
    demo_ledger.sync.checkout(grid_ids=[grid], out=tmp_path / "co2.nlsync", passphrase=PASS,
                              device_name="网格一笔记本", kdf_n=KDF)
    dialog = RefreshDialog(laptop)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "co2.nlsync"))
    dialog.passphrase.setText("wrong passphrase")
    dialog.run()
    assert "口令不正确" in dialog.status.text() and dialog.done_path is None
    dialog.passphrase.setText(PASS)
    dialog.run()
    assert dialog.done_path == tmp_path / "laptop.db"
    with Ledger.open(tmp_path / "laptop.db") as fresh:
        assert fresh.sync.pending() == 1
        ret = fresh.sync.export(out=tmp_path / "ret.nlsync", passphrase=PASS, kdf_n=KDF).path
    demo_ledger.sync.apply_file(ret, PASS)
    assert demo_ledger.residents.get(rid).notes == "未交回的修改"


def test_conflict_model_names_the_whole_queue_in_one_core_call(qtbot, office_with_conflicts, monkeypatch):
    from neighbourhood.sync.conflicts import Conflicts
    from ui.sync.conflict_model import ConflictTableModel

    office, rids, _ret = office_with_conflicts
    calls = []
    real = Conflicts.record_names
    monkeypatch.setattr(Conflicts, "record_names", lambda self, cs: calls.append(1) or real(self, cs))
    model = ConflictTableModel(office)
    assert calls == [1] and model.rowCount() == 3
    names = {model.index(r, 1).data() for r in range(3)}
    assert names == {office.residents.get(rid).name for rid in rids}
