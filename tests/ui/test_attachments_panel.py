"""The attachment panel: add via a file, paste from the clipboard, remove, pending files, permissions."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage

from neighbourhood.access import GRID_WORKER, Access
from ui.attachments.model import ID_ROLE
from ui.attachments.panel import AttachmentPanel


def _png(path, color=(10, 120, 200)):
    Image.new("RGB", (40, 30), color).save(path, "PNG")
    return path


@pytest.fixture
def panel(qtbot, demo_ledger, first_household):
    widget = AttachmentPanel(demo_ledger, "households", first_household)
    qtbot.addWidget(widget)
    return widget


def test_model_passes_modeltester(qtmodeltester, panel, tmp_path):
    panel.add_files([_png(tmp_path / "a.png"), _png(tmp_path / "b.png", (1, 2, 3))])
    assert panel.model.rowCount() == 2
    qtmodeltester.check(panel.model)


def test_add_via_a_file_shows_a_thumbnail(panel, demo_ledger, first_household, tmp_path):
    with_signal = []
    panel.changed.connect(with_signal.append)
    assert panel.add_files([_png(tmp_path / "门牌.png")]) == 1
    [item] = demo_ledger.attachments.list("households", first_household)
    index = panel.model.index(0)
    assert panel.model.data(index) == "门牌.png"
    assert panel.model.data(index, ID_ROLE) == item.id
    assert not panel.model.data(index, 1).isNull()  # DecorationRole: the thumbnail icon
    assert with_signal and with_signal[0] is not None
    # The same file again: the core's message is shown, nothing added.
    assert panel.add_files([tmp_path / "门牌.png"]) == 0
    assert "已经附在" in panel.message.text() and panel.model.rowCount() == 1


def test_bad_file_message(panel, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    assert panel.add_files([bad]) == 0
    assert "不支持文件" in panel.message.text()


def test_paste_image_from_clipboard(panel, demo_ledger, first_household):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    QGuiApplication.clipboard().setImage(image)
    assert panel.paste() == 1
    [item] = demo_ledger.attachments.list("households", first_household)
    assert item.mime == "image/png" and (item.width, item.height) == (64, 48)
    stored = Image.open(io.BytesIO(demo_ledger.attachments.data(item.id)))
    assert stored.getpixel((5, 5))[:3] == (255, 165, 0)


def test_drop_of_files(panel, demo_ledger, first_household, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_png(tmp_path / "拖入.png")))])
    assert panel._add_mime(mime) == 1
    assert [a.file_name for a in demo_ledger.attachments.list("households", first_household)] == ["拖入.png"]


def test_remove_and_open(panel, demo_ledger, first_household, tmp_path):
    panel.add_files([_png(tmp_path / "a.png")])
    opened = []
    panel.opener = opened.append
    panel.view.setCurrentIndex(panel.model.index(0))
    [path] = panel.open_selected()
    assert opened == [path] and path.read_bytes() == (tmp_path / "a.png").read_bytes()
    assert panel.remove_selected() == 1
    assert panel.model.rowCount() == 0
    assert demo_ledger.attachments.list("households", first_household) == []


def test_pending_files_are_saved_with_the_record(qtbot, demo_ledger, first_household, tmp_path):
    widget = AttachmentPanel(demo_ledger, "visits", None)
    qtbot.addWidget(widget)
    widget.add_files([_png(tmp_path / "走访.png")])
    assert widget.model.rowCount() == 1 and widget.model.data(widget.model.index(0), ID_ROLE) is None
    with demo_ledger.operation("记录走访") as op:
        demo_ledger.visits.record(household_id=first_household, visitors=[{"name": "李", "role": "志愿者"}])
        visit_id = op.ids("visits").pop()
        assert widget.save_pending(visit_id) == 1
    widget.after_saved(visit_id)
    assert [a.file_name for a in demo_ledger.attachments.list("visits", visit_id)] == ["走访.png"]
    assert widget.model.rowCount() == 1 and widget.model.data(widget.model.index(0), ID_ROLE)


def test_grid_worker_outside_the_grid_cannot_add(qtbot, demo_ledger, first_household, tmp_path):
    grid = demo_ledger.households.grid_of(first_household)
    other = demo_ledger.conn.execute("SELECT id FROM grids WHERE id != ? LIMIT 1", (grid,)).fetchone()[0]
    demo_ledger.access = Access(role=GRID_WORKER, grid_ids=frozenset({other}), username="g")
    widget = AttachmentPanel(demo_ledger, "households", first_household)
    qtbot.addWidget(widget)
    assert not widget.add_button.isEnabled() and not widget.remove_button.isEnabled()
    assert widget.add_files([_png(tmp_path / "a.png")]) == 0
    assert demo_ledger.attachments.list("households", first_household) == []


def test_tick_includes_a_visit_photo_in_the_report(qtbot, qtmodeltester, demo_ledger, tmp_path):
    from PySide6.QtCore import Qt

    visit = demo_ledger.conn.execute("SELECT id FROM visits WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    widget = AttachmentPanel(demo_ledger, "visits", visit)
    qtbot.addWidget(widget)
    widget.add_files([_png(tmp_path / "a.png")])
    index = widget.model.index(0)
    assert widget.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert widget.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert widget.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert demo_ledger.attachments.list("visits", visit)[0].in_report
    qtmodeltester.check(widget.model)


def test_large_files_are_checked_on_a_worker(qtbot, panel, demo_ledger, first_household, tmp_path,
                                             monkeypatch):
    import ui.attachments.panel as panel_module

    monkeypatch.setattr(panel_module, "ASYNC_BYTES", 0)
    bad = tmp_path / "bad.txt"
    bad.write_text("not a photo")
    with qtbot.waitSignal(panel.added, timeout=10_000) as signal:
        assert panel.add_files([_png(tmp_path / "a.png"), bad]) == 0   # returns at once
    assert signal.args == [1]
    assert [a.file_name for a in demo_ledger.attachments.list("households", first_household)] == ["a.png"]
    assert "不支持文件“bad.txt”" in panel.message.text()
    assert panel.add_button.isEnabled()
