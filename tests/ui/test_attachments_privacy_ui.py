"""The attachment panel for users without full view: scans on residents and hardship enrolments
show thumbnails but cannot be opened; visit photos can."""
from __future__ import annotations

import pytest
from PIL import Image

from neighbourhood.access import STAFF, Access
from ui.attachments.panel import AttachmentPanel


def _png(path, color=(10, 120, 200)):
    Image.new("RGB", (40, 30), color).save(path, "PNG")
    return path


@pytest.fixture
def resident(demo_ledger, first_household) -> str:
    return demo_ledger.conn.execute("SELECT id FROM residents WHERE household_id = ? AND deleted_at IS NULL"
                                    " LIMIT 1", (first_household,)).fetchone()[0]


def test_resident_scan_shows_a_thumbnail_but_open_is_disabled(qtbot, demo_ledger, resident, tmp_path):
    demo_ledger.attachments.add("residents", resident, _png(tmp_path / "残疾证.png"))
    demo_ledger.access = Access(role=STAFF, username="zhang", can_view_full=False)
    panel = AttachmentPanel(demo_ledger, "residents", resident)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 1
    assert not panel.model.data(panel.model.index(0), 1).isNull()     # thumbnail shown
    assert not panel.open_button.isEnabled()
    assert "Ask an administrator" in panel.open_button.toolTip()
    opened = []
    panel.opener = opened.append
    panel.view.setCurrentIndex(panel.model.index(0))
    assert panel.open_selected() == [] and opened == []               # a double-click does nothing
    assert "thumbnails" in panel.message.text()
    assert demo_ledger.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'view_full'"
                                    " AND table_name = 'attachments'").fetchone()[0] == 0


def test_full_view_user_opens_the_scan(qtbot, demo_ledger, resident, tmp_path):
    demo_ledger.attachments.add("residents", resident, _png(tmp_path / "身份证.png"))
    demo_ledger.access = Access(role=STAFF, username="li", can_view_full=True)
    panel = AttachmentPanel(demo_ledger, "residents", resident)
    qtbot.addWidget(panel)
    assert panel.open_button.isEnabled() and panel.open_button.toolTip() == ""
    opened = []
    panel.opener = opened.append
    panel.view.setCurrentIndex(panel.model.index(0))
    [path] = panel.open_selected()
    assert opened == [path] and path.read_bytes() == (tmp_path / "身份证.png").read_bytes()


def test_visit_photos_stay_openable_without_full_view(qtbot, demo_ledger, tmp_path):
    visit = demo_ledger.conn.execute("SELECT id FROM visits WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    demo_ledger.attachments.add("visits", visit, _png(tmp_path / "走访.png"))
    demo_ledger.access = Access(role=STAFF, username="zhang", can_view_full=False)
    panel = AttachmentPanel(demo_ledger, "visits", visit)
    qtbot.addWidget(panel)
    assert panel.open_button.isEnabled()
    panel.opener = lambda _p: None
    panel.view.setCurrentIndex(panel.model.index(0))
    assert len(panel.open_selected()) == 1


def _later(days: int) -> str:
    import datetime as dt
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_purge_dialog_shows_what_would_be_freed_then_purges(qtbot, demo_ledger, first_household, tmp_path,
                                                            monkeypatch):
    from neighbourhood.attachments import service
    from ui.attachments.purge_dialog import PurgeDialog

    kept = demo_ledger.attachments.add("households", first_household, _png(tmp_path / "kept.png"))
    gone = demo_ledger.attachments.add("households", first_household, _png(tmp_path / "gone.png", (9, 9, 9)))
    demo_ledger.attachments.remove(gone.id)
    dialog = PurgeDialog(demo_ledger)
    qtbot.addWidget(dialog)
    assert "0 files" in dialog.summary.text() and not dialog.purge_button.isEnabled()   # removed just now
    assert "backup" in dialog.intro.text()
    # A month later (the clock moved on): the removed file is offered, the kept one never.
    real = service.utc_now
    monkeypatch.setattr(service, "utc_now", lambda: _later(31))
    dialog.refresh()
    assert dialog.summary.text().startswith("1 files") and dialog.purge_button.isEnabled()
    with qtbot.waitSignal(dialog.purged) as signal:
        dialog.purge_button.click()
    monkeypatch.setattr(service, "utc_now", real)
    assert signal.args[0]["files"] == 1 and "were purged" in dialog.status.text()
    hashes = {r[0] for r in demo_ledger.conn.execute("SELECT sha256 FROM attachment_blobs")}
    assert hashes == {kept.sha256}
    assert "0 files" in dialog.summary.text() and not dialog.purge_button.isEnabled()


def test_purge_dialog_refuses_non_admins(qtbot, demo_ledger):
    from ui.attachments.purge_dialog import PurgeDialog

    demo_ledger.access = Access(role=STAFF, username="zhang", can_view_full=True)
    dialog = PurgeDialog(demo_ledger)
    qtbot.addWidget(dialog)
    assert "只有管理员" in dialog.status.text() and not dialog.purge_button.isEnabled()
