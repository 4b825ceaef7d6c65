"""Meetings, action items, needs/suggestions and service items (core, no Qt)."""
from __future__ import annotations

import datetime as _dt
import sys

import pytest

from neighbourhood.errors import ValidationError

TODAY = _dt.date(2026, 10, 20)


@pytest.fixture
def meetings(ledger):
    service = ledger.meetings
    service.today = lambda: TODAY
    return service


def _meeting(meetings, **overrides):
    values = dict(
        type="居民议事会", title="关于加装电梯的居民议事会", meeting_date="2026-10-08",
        start_time="14:30", end_time="16:00", place="社区活动室", host="王建国", recorder="刘晓红",
        attendees=[dict(name="王建国"), dict(name="刘晓红"),
                   dict(name="李娜", status="缺席", absence_reason="出差"),
                   dict(name="张经理", kind="outside", unit="绿城物业", status="列席")],
        agenda=[
            dict(title="3号楼加装电梯", discussion="低层住户有顾虑。", decision="同意3号楼先行试点",
                 votes_for=5, votes_against=1, votes_abstain=0,
                 action_items=[dict(what="入户征求意见", owner="陈静", due_date="2026-10-15"),
                               dict(what="联系施工方", owner="赵磊", due_date="2026-10-30")]),
            dict(title="楼道杂物清理", discussion="讨论分工。"),
        ])
    values.update(overrides)
    return meetings.add(**values)


def test_core_does_not_import_qt():
    """The services and the PDF writer import with PySide6 blocked (they run on workers/CLI)."""
    import pathlib
    import subprocess
    root = pathlib.Path(__file__).resolve().parents[2]
    code = ("import sys; sys.modules['PySide6'] = None; "
            "import neighbourhood.meetings, neighbourhood.needs, neighbourhood.pdf.minutes")
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_create_meeting_with_children_in_one_operation(ledger, meetings):
    detail = _meeting(meetings)
    m = detail.meeting
    assert (m.type, m.start_time, m.end_time) == ("居民议事会", "14:30", "16:00")
    # 应到 counts everyone but 列席; 实到 the 出席
    assert (m.expected_count, m.present_count) == (3, 2)
    assert [a.name for a in detail.attendees] == ["王建国", "刘晓红", "李娜", "张经理"]
    assert detail.attendees[2].absence_reason == "出差"
    assert [i.title for i in detail.agenda] == ["3号楼加装电梯", "楼道杂物清理"]
    assert detail.agenda[0].decision == "同意3号楼先行试点"
    assert [a.what for a in detail.action_items] == ["入户征求意见", "联系施工方"]
    assert all(a.agenda_item_id == detail.agenda[0].id for a in detail.action_items)
    assert m.decision_count == 1 and m.open_action_count == 2
    op = ledger.undoable
    assert op is not None and op.label.startswith("新增会议")
    assert {"meetings", "meeting_attendees", "agenda_items", "action_items"} <= op.tables
    ledger.undo_last()
    assert meetings.list() == []
    assert meetings.actions() == []


def test_failed_child_leaves_nothing(meetings):
    with pytest.raises(ValidationError) as err:
        _meeting(meetings, agenda=[dict(title="议题", action_items=[dict(what="事项", due_date="2026-13-01")])])
    assert "截止时间" in err.value.message and err.value.field == "due_date"
    assert meetings.list() == []


@pytest.mark.parametrize("change, field, words", [
    (dict(type="茶话会"), "type", "会议类型"),
    (dict(title="  "), "title", "会议名称"),
    (dict(meeting_date=None), "meeting_date", "会议日期"),
    (dict(start_time="25:00"), "start_time", "开始时间"),
    (dict(start_time="16:00", end_time="15:00"), "end_time", "结束时间"),
    (dict(expected_count=2, present_count=3), "present_count", "实到人数"),
    (dict(expected_count="abc"), "expected_count", "应到人数"),
])
def test_validation_names_the_field(meetings, change, field, words):
    with pytest.raises(ValidationError) as err:
        _meeting(meetings, **change)
    assert err.value.field == field
    assert words in err.value.message


def test_save_replaces_children(meetings):
    detail = _meeting(meetings)
    first, second = detail.agenda
    kept_action = first.action_items[1]
    saved = meetings.save(
        detail.meeting.id, type="居民议事会", title="改名后的议事会", meeting_date="2026-10-08",
        attendees=[dict(id=detail.attendees[0].id, name="王建国"), dict(name="新来的")],
        agenda=[dict(id=first.id, title=first.title, decision="同意试点（修改）",
                     action_items=[dict(id=kept_action.id, what="联系施工方", owner="赵磊",
                                        due_date="2026-10-30", status="已完成")])])
    assert saved.meeting.title == "改名后的议事会"
    assert [a.name for a in saved.attendees] == ["王建国", "新来的"]
    assert saved.attendees[0].id == detail.attendees[0].id
    assert [i.id for i in saved.agenda] == [first.id]
    assert [a.id for a in saved.action_items] == [kept_action.id]
    assert saved.action_items[0].status == "已完成"
    assert saved.action_items[0].done_date == TODAY.isoformat()
    assert len(meetings.actions()) == 1  # the dropped action item is gone everywhere


def test_overdue_is_derived_from_due_date_and_today(meetings):
    detail = _meeting(meetings)
    early, late = detail.action_items  # due 10-15 and 10-30; today is 10-20
    assert early.overdue and early.display_status == "逾期"
    assert not late.overdue and late.display_status == "待办"
    assert [a.id for a in meetings.overdue_actions()] == [early.id]
    assert [a.id for a in meetings.open_actions()] == [early.id, late.id]
    meetings.today = lambda: _dt.date(2026, 10, 15)  # due today is not overdue yet
    assert meetings.overdue_actions() == []
    meetings.today = lambda: TODAY
    done = meetings.set_action_status(early.id, "已完成", on="2026-10-19", note="已全部走访")
    assert (done.status, done.done_date, done.overdue) == ("已完成", "2026-10-19", False)
    assert meetings.overdue_actions() == []
    assert [n.content for n in meetings.action_notes(early.id)] == ["已全部走访"]
    reopened = meetings.set_action_status(early.id, "进行中")
    assert reopened.done_date is None and reopened.overdue


def test_action_notes_and_review_at_later_meeting(meetings):
    detail = _meeting(meetings)
    action = detail.action_items[0]
    meetings.add_action_note(action.id, content="已走访 12 户", on="2026-10-12")
    later = _meeting(meetings, title="十一月居民议事会", meeting_date="2026-11-05", agenda=[])
    reviewed = meetings.review_action(action.id, meeting_id=later.meeting.id, note="会上通报进展")
    assert reviewed.reviewed_in_meeting_id == later.meeting.id
    assert reviewed.reviewed_in_title == "十一月居民议事会"
    assert [a.id for a in meetings.detail(later.meeting.id).reviewed_actions] == [action.id]
    assert [(n.note_date, n.content) for n in meetings.action_notes(action.id)] == [
        ("2026-10-12", "已走访 12 户"), ("2026-11-05", "会上通报进展")]
    with pytest.raises(ValidationError):
        meetings.review_action(action.id, meeting_id=detail.meeting.id)


def test_list_filters(meetings):
    _meeting(meetings)
    _meeting(meetings, type="党建联席会议", title="三季度党建联席会议", meeting_date="2026-09-28", agenda=[])
    assert [m.title for m in meetings.list()] == ["关于加装电梯的居民议事会", "三季度党建联席会议"]
    assert [m.title for m in meetings.list(type="党建联席会议")] == ["三季度党建联席会议"]
    assert [m.title for m in meetings.list(date_from="2026-10-01", date_to="2026-11-01")] == [
        "关于加装电梯的居民议事会"]
    assert [m.title for m in meetings.list(text="党建")] == ["三季度党建联席会议"]


def test_meeting_counts_for_a_period(meetings):
    a = _meeting(meetings)  # 10-08: 1 decision, 2 action items (one overdue)
    _meeting(meetings, type="居委会例会", title="十月例会", meeting_date="2026-10-19",
             agenda=[dict(title="排班", decision="按新表排班"), dict(title="台账", decision="月底前整理")])
    _meeting(meetings, type="居委会例会", title="九月例会", meeting_date="2026-09-30",
             agenda=[dict(title="旧事", decision="旧决议",
                          action_items=[dict(what="旧事项", due_date="2026-10-01")])])
    _meeting(meetings, type="居委会例会", title="十一月例会", meeting_date="2026-11-01", agenda=[])
    meetings.set_action_status(a.action_items[1].id, "已完成", on="2026-10-18")
    counts = meetings.counts(date_from="2026-10-01", date_to="2026-11-01")
    assert counts.by_type["居民议事会"] == 1 and counts.by_type["居委会例会"] == 1
    assert counts.by_type["党员大会"] == 0 and counts.meetings == 2
    assert counts.decisions == 3
    assert counts.actions_created == 2 and counts.actions_completed == 1
    # as of today (10-20): 入户征求意见 (due 10-15) and 旧事项 (due 10-01) open and overdue
    assert (counts.actions_open, counts.actions_overdue) == (2, 2)


def test_delete_meeting_removes_children(meetings):
    detail = _meeting(meetings)
    meetings.delete(detail.meeting.id)
    assert meetings.list() == [] and meetings.actions() == []


def test_need_lifecycle(ledger, meetings):
    needs = meetings.needs
    need = needs.add(kind="困难需求", content="楼道灯坏了，老人晚上出门不便", raised_by="王阿姨",
                     channel="来访", category="设施维修", received_date="2026-10-10")
    assert need.status == "受理" and [s.step for s in need.steps] == ["受理"]
    assert ledger.undoable.tables == {"needs", "need_steps"}
    with pytest.raises(ValidationError) as err:
        needs.advance(need.id, step="回访", satisfaction="满意")
    assert err.value.field == "step"
    with pytest.raises(ValidationError) as err:
        needs.advance(need.id, step="办理", on="2026-10-09", content="报修")
    assert err.value.field == "step_date"
    need = needs.advance(need.id, step="办理", on="2026-10-11", content="已报物业维修", handler="陈静")
    need = needs.advance(need.id, step="办结", on="2026-10-12", content="灯已更换")
    assert need.status == "办结" and need.resolved_date == "2026-10-12"
    with pytest.raises(ValidationError) as err:
        needs.advance(need.id, step="回访", on="2026-10-13")
    assert err.value.field == "satisfaction" and "满意度" in err.value.message
    need = needs.advance(need.id, step="回访", on="2026-10-13", satisfaction="满意")
    assert (need.status, need.satisfaction) == ("回访", "满意")
    assert [s.step for s in need.steps] == ["受理", "办理", "办结", "回访"]
    with pytest.raises(ValidationError):
        needs.advance(need.id, step="办理", content="再办")
    assert [n.id for n in needs.list(status="回访")] == [need.id]
    assert needs.list(status="受理") == []


def test_need_sources_and_anonymous(meetings):
    needs = meetings.needs
    with pytest.raises(ValidationError) as err:
        needs.add(kind="建言献策", content="增设快递柜")
    assert err.value.field == "raised_by"
    detail = _meeting(meetings)
    s = needs.add(kind="建言献策", content="增设快递柜", anonymous=True, raised_by="忽略",
                  channel="议事会", meeting_id=detail.meeting.id, received_date="2026-10-08")
    assert s.anonymous and s.raised_by is None and s.who == "匿名"
    assert s.meeting_title == detail.meeting.title
    v = needs.add(kind="困难需求", content="申请临时救助", raised_by="李大爷", channel="走访",
                  visit_id="visit-123", received_date="2026-10-09")
    assert [n.id for n in needs.list(visit_id="visit-123")] == [v.id]
    assert needs.set_adopted(s.id, True).adopted is True
    with pytest.raises(ValidationError):
        needs.set_adopted(v.id, True)
    with pytest.raises(ValidationError) as err:
        needs.add(kind="其他", content="x", raised_by="y")
    assert err.value.field == "kind"


def test_need_counts_for_a_period(meetings):
    needs = meetings.needs
    a = needs.add(kind="困难需求", content="a", raised_by="甲", received_date="2026-10-02")
    needs.add(kind="困难需求", content="b", raised_by="乙", received_date="2026-10-15")
    old = needs.add(kind="困难需求", content="c", raised_by="丙", received_date="2026-09-20")
    s = needs.add(kind="建言献策", content="d", raised_by="丁", received_date="2026-10-05")
    needs.add(kind="建言献策", content="e", raised_by="戊", received_date="2026-10-06")
    needs.advance(a.id, step="办结", on="2026-10-05", content="已解决")
    needs.advance(old.id, step="办结", on="2026-10-01", content="已解决")
    needs.advance(old.id, step="回访", on="2026-10-03", satisfaction="基本满意")
    needs.set_adopted(s.id, True)
    c = needs.counts(date_from="2026-10-01", date_to="2026-11-01")
    assert (c.needs_received, c.needs_resolved) == (2, 2)
    assert (c.suggestions_received, c.suggestions_resolved, c.suggestions_adopted) == (2, 0, 1)
    assert c.satisfaction == {"基本满意": 1}
    assert c.open_by_status == {"受理": 3, "办理": 0}


def test_service_items(meetings):
    services = meetings.services
    item = services.add(name="老年助餐", provider="幸福里长者食堂", contact="0531-8888888",
                        schedule="每天 11:00–12:30")
    with pytest.raises(ValidationError) as err:
        services.add(name="老年助餐")
    assert err.value.field == "name"
    services.update(item.id, schedule="工作日 11:00–12:30")
    assert [s.schedule for s in services.list()] == ["工作日 11:00–12:30"]
    services.delete(item.id)
    assert services.list() == []


def test_auditor_cannot_write(ledger, meetings):
    import dataclasses
    from neighbourhood.access import AUDITOR
    from neighbourhood.errors import PermissionDenied
    ledger.access = dataclasses.replace(ledger.access, role=AUDITOR)
    with pytest.raises(PermissionDenied):
        _meeting(meetings)
    with pytest.raises(PermissionDenied):
        meetings.needs.add(kind="困难需求", content="x", raised_by="y")


def test_migration_0006_upgrades_an_older_database(tmp_path):
    from db import migrations
    from db.connection import connect
    path = tmp_path / "old.db"
    conn = connect(path)
    migrations.migrate(conn, upto=5)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meetings'").fetchone()[0] == 0
    assert migrations.migrate(conn, path=path) == migrations.HEAD >= 6
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meetings", "meeting_attendees", "agenda_items", "action_items", "action_item_notes",
            "needs", "need_steps", "service_items"} <= tables
    conn.close()
