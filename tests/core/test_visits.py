"""Household visits: records, needs, rules, schedule and counts (core, no Qt)."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import subprocess
import sys

import pytest

from neighbourhood.access import GRID_WORKER, STAFF, Access
from neighbourhood.errors import PermissionDenied, ValidationError
from neighbourhood.records import address_of

TODAY = _dt.date(2026, 3, 11)   # a Wednesday; 2024 was a leap year, 2026 is not


@dataclasses.dataclass
class World:
    ledger: object
    g1: str
    g2: str
    alone: str        # 82, lives alone, grid 1 (elderly_alone + age80 → 7 days, 高风险)
    family: str       # young family, grid 1 (all → 365 days)
    other: str        # young family, grid 2
    alone_member: str
    family_members: list[str]
    worker1: str      # user id of 李娜 (grid 1)
    worker2: str      # user id of 王建国 (grid 2)


@pytest.fixture
def world(ledger) -> World:
    ledger.visits.today = lambda: TODAY
    g1 = ledger.grids.add(name="第一网格", worker_name="李娜").id
    g2 = ledger.grids.add(name="第二网格", worker_name="王建国").id
    b1 = ledger.buildings.add(grid_id=g1, name="1栋").id
    b2 = ledger.buildings.add(grid_id=g2, name="2栋").id
    alone = ledger.households.add(building_id=b1, unit="101").id
    family = ledger.households.add(building_id=b1, unit="102").id
    other = ledger.households.add(building_id=b2, unit="201").id
    old = ledger.residents.add(household_id=alone, name="王秀英", sex="女", birth_date="1943-05-02",
                               relation="户主")
    members = [ledger.residents.add(household_id=family, name=n, sex=s, birth_date=b, relation=r).id
               for n, s, b, r in (("张伟", "男", "1985-01-01", "户主"), ("刘芳", "女", "1987-02-02", "配偶"))]
    ledger.residents.add(household_id=other, name="陈强", sex="男", birth_date="1990-03-03", relation="户主")
    w1 = ledger.users.add(username="grid1", display_name="李娜", password="demo1234", role=GRID_WORKER,
                          grid_ids=[g1]).id
    w2 = ledger.users.add(username="grid2", display_name="王建国", password="demo1234", role=GRID_WORKER,
                          grid_ids=[g2]).id
    ledger.users.add(username="zhang", display_name="张敏", password="demo1234", role=STAFF)
    return World(ledger, g1, g2, alone, family, other, old.id, members, w1, w2)


def _visit(world: World, household: str, day: str, **extra):
    values = dict(household_id=household, visit_date=day, visitors=[dict(name="李娜", role="网格员")],
                  situation="身体尚可")
    values.update(extra)
    if household == world.other and "visitors" not in extra:
        values["visitors"] = [dict(name="王建国", role="网格员")]
    return world.ledger.visits.record(**values)


def _row(world: World, household: str, today=TODAY):
    return next(r for r in world.ledger.visits.schedule(today=today) if r.household_id == household)


def _count(ledger, table: str) -> int:
    return ledger.conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


def test_core_does_not_import_qt():
    code = ("import sys; sys.modules['PySide6'] = None; "
            "import neighbourhood.visits, neighbourhood.visit_schedule, neighbourhood.visit_rules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(__import__("pathlib").Path(
        __file__).resolve().parents[2]))


def test_migration_seeds_defaults(ledger):
    rules = {r.group_key: (r.interval_days, r.tier) for r in ledger.visits.rules()}
    assert rules == {"elderly_alone": (7, "高风险"), "age80": (7, "重点"), "all": (365, "一般")}
    assert [t.name for t in ledger.visits.types()] == ["日常走访", "困难家庭走访", "独居老人探访", "矛盾调解",
                                                       "政策宣传", "安全排查"]


def test_record_visit_with_children_in_one_operation(world):
    ledger = world.ledger
    op = _visit(world, world.family, "2026-03-10", start_time="9:30", channel="入户",
                visitors=[dict(name="李娜", role="网格员"), dict(name="赵志愿", role="志愿者")],
                residents_met=world.family_members[:1], difficulties="老人看病难", requests="希望加装扶手",
                plan="联系物业", next_visit_date="2026-04-10",
                needs=[dict(what="加装扶手", owner="物业", due_date="2026-03-31"),
                       dict(what="申请医保报销指导", owner="李娜")])
    assert op.label == "登记走访"
    assert op.tables == {"visits", "visit_visitors", "visit_residents", "visit_needs"}
    assert op.count == 1 + 2 + 1 + 2 and op.undoable
    visit = ledger.visits.get(next(iter(op.ids("visits"))))
    assert visit.start_time == "09:30" and visit.grid_id == world.g1
    assert [(v.name, v.role, bool(v.user_id)) for v in visit.visitors] == [
        ("李娜", "网格员", True), ("赵志愿", "志愿者", False)]
    assert visit.resident_names == ("张伟",)
    assert [n.what for n in visit.needs] == ["加装扶手", "申请医保报销指导"]
    assert [v.id for v in ledger.visits.history(world.family)] == [visit.id]
    # audited: one entry per write, with the right tables
    audited = {r[0] for r in ledger.conn.execute(
        "SELECT DISTINCT table_name FROM audit_log WHERE action = 'insert' AND table_name LIKE 'visit%'")}
    assert audited == {"visits", "visit_visitors", "visit_residents", "visit_needs"}
    assert ledger.conn.execute("SELECT count(*) FROM audit_log WHERE record_id = ?",
                               (visit.id,)).fetchone()[0] == 1
    assert ledger.verify_audit() == []
    # undo removes all of it
    ledger.undo_last()
    assert ledger.visits.history(world.family) == []
    assert _count(ledger, "visit_needs") == 0


def test_failure_midway_leaves_nothing(world):
    ledger = world.ledger

    def explode(write, _actor, _now):
        if write.table == "visit_needs":
            raise RuntimeError("disk full")

    ledger.writer.hooks.append(explode)
    with pytest.raises(RuntimeError):
        _visit(world, world.family, "2026-03-10", needs=[dict(what="加装扶手")])
    ledger.writer.hooks.remove(explode)
    for table in ("visits", "visit_visitors", "visit_needs"):
        assert _count(ledger, table) == 0
    assert _row(world, world.family).status == "never_visited"  # the trigger cache rolled back too


@pytest.mark.parametrize("bad, field", [
    (dict(visit_date="2026-03-12"), "visit_date"),                                  # future
    (dict(visitors=[dict(name="路人甲", role="网格员")]), "visitors"),                 # not staff
    (dict(visitors=[]), "visitors"),
    (dict(channel="微信"), "channel"),
    (dict(visit_type="聊天"), "visit_type"),
    (dict(next_visit_date="2026-03-01"), "next_visit_date"),
    (dict(needs=[dict(what="修灯"), dict(what="  ")]), "needs"),
    (dict(residents_met=["not-a-member"]), "residents_met"),
])
def test_bad_input_has_a_message_and_saves_nothing(world, bad, field):
    with pytest.raises(ValidationError) as caught:
        _visit(world, world.family, "2026-03-10", **bad)
    assert caught.value.field == field and caught.value.message
    assert _count(world.ledger, "visits") == 0 and _count(world.ledger, "visit_visitors") == 0


def test_inactive_or_auditor_accounts_are_not_staff_visitors(world):
    ledger = world.ledger
    ledger.users.add(username="audit", display_name="审计员", password="demo1234", role="auditor")
    with pytest.raises(ValidationError, match="审计员") as caught:
        _visit(world, world.family, "2026-03-10", visitors=[dict(name="审计员", role="社工")])
    assert caught.value.field == "visitors" and caught.value.row == 0
    with pytest.raises(ValidationError):
        _visit(world, world.family, "2026-03-10", visitors=[dict(name="李娜", role="网格员"),
                                                            dict(user_id="no-such-user", name="某人", role="社工")])
    assert _count(ledger, "visits") == 0 and _count(ledger, "visit_visitors") == 0
    # a volunteer needs no account
    _visit(world, world.family, "2026-03-10", visitors=[dict(name="赵志愿", role="志愿者")])
    assert _count(ledger, "visits") == 1


def test_moved_out_household_cannot_be_visited(world):
    ledger = world.ledger
    b = ledger.buildings.add(grid_id=world.g2, name="3号楼").id
    split = ledger.households.add(building_id=b, entrance="2", unit="301").id
    assert _row(world, split).address == address_of("3号楼", "2", "301") == "3号楼2单元301室"
    world.ledger.households.update(world.other, status="注销")
    with pytest.raises(ValidationError, match="注销"):
        _visit(world, world.other, "2026-03-10")
    assert all(r.household_id != world.other for r in world.ledger.visits.schedule(today=TODAY))


def test_grid_worker_cannot_record_in_another_grid(world):
    ledger = world.ledger
    ledger.access = Access(role=GRID_WORKER, user_id=world.worker1, username="grid1", display_name="李娜",
                           grid_ids=frozenset({world.g1}))
    _visit(world, world.family, "2026-03-10")
    with pytest.raises(PermissionDenied):
        _visit(world, world.other, "2026-03-10", visitors=[dict(name="李娜", role="网格员")])
    assert [v.household_id for v in ledger.visits.history(world.other)] == []
    with pytest.raises(PermissionDenied):
        ledger.visits.add_rule(group_key="all", interval_days=30)


def test_nobody_home_is_an_attempt_not_a_visit(world):
    _visit(world, world.alone, "2026-03-01")
    op = _visit(world, world.alone, "2026-03-09", nobody_home=True, situation=None)
    assert op.label == "登记未遇"
    row = _row(world, world.alone)
    assert row.last_visit_date == "2026-03-01" and row.last_attempt_date == "2026-03-09"
    assert row.due_date == "2026-03-08" and row.status == "overdue" and row.days_overdue == 3
    # an attempt on a never-visited household leaves it never visited
    _visit(world, world.family, "2026-03-10", nobody_home=True)
    assert _row(world, world.family).status == "never_visited"
    with pytest.raises(ValidationError):
        _visit(world, world.family, "2026-03-10", nobody_home=True, residents_met=world.family_members)


def test_schedule_statuses_with_fixed_today(world):
    ledger = world.ledger
    _visit(world, world.alone, "2026-03-05")          # +7 → 03-12 (this week: ends Sun 03-15)
    _visit(world, world.family, "2025-03-01")         # +365 → 2026-03-01: 10 days overdue
    rows = ledger.visits.schedule(today=TODAY)
    by_id = {r.household_id: r for r in rows}
    assert by_id[world.alone].status == "due_this_week" and by_id[world.alone].due_date == "2026-03-12"
    assert by_id[world.alone].interval_days == 7 and by_id[world.alone].tier == "高风险"
    assert by_id[world.alone].groups == "、".join(sorted({"独居老人", "高龄老人", "所有住户"}))
    assert by_id[world.family].status == "overdue" and by_id[world.family].days_overdue == 10
    assert by_id[world.other].status == "never_visited" and by_id[world.other].due_date is None
    assert [r.status for r in rows] == ["overdue", "never_visited", "due_this_week"]
    assert by_id[world.alone].grid_name == "第一网格" and by_id[world.alone].grid_worker == "李娜"
    assert by_id[world.alone].address == address_of("1栋", "", "101") == "1栋101室"
    assert by_id[world.alone].head_name == "王秀英"
    assert [r.status for r in ledger.visits.schedule(today=TODAY, status=("overdue", "due_this_week"))] == [
        "overdue", "due_this_week"]
    with pytest.raises(ValidationError):
        ledger.visits.schedule(today=TODAY, status="late")
    # a week later the 7-day household is overdue; a month later the yearly one is fine again
    assert _row(world, world.alone, _dt.date(2026, 3, 16)).status == "overdue"
    _visit(world, world.family, "2026-03-11")
    assert _row(world, world.family).status == "ok"
    # filters
    assert {r.household_id for r in ledger.visits.schedule(today=TODAY, grid_id=world.g2)} == {world.other}
    assert {r.household_id for r in ledger.visits.schedule(today=TODAY, visitor="王建国")} == {world.other}
    assert {r.household_id for r in ledger.visits.schedule(today=TODAY, visitor=world.worker1)} == {
        world.alone, world.family}
    assert [r.household_id for r in ledger.visits.schedule(today=TODAY, status="never_visited")] == [world.other]


def test_due_dates_across_month_end_and_leap_day(world):
    _visit(world, world.alone, "2024-02-26")
    assert _row(world, world.alone, _dt.date(2024, 3, 1)).due_date == "2024-03-04"
    _visit(world, world.family, "2024-02-29")
    assert _row(world, world.family).due_date == "2025-02-28"     # 365 days after a leap day
    _visit(world, world.alone, "2026-02-26")
    row = _row(world, world.alone, _dt.date(2026, 3, 6))
    assert row.due_date == "2026-03-05" and row.days_overdue == 1


def test_planned_next_visit_brings_the_due_date_forward(world):
    _visit(world, world.family, "2026-03-02", next_visit_date="2026-03-09")
    row = _row(world, world.family)
    assert row.due_date == "2026-03-09" and row.status == "overdue" and row.days_overdue == 2


def test_rules_change_the_schedule(world):
    ledger = world.ledger
    _visit(world, world.family, "2026-02-01")
    assert _row(world, world.family).status == "ok"
    rule = next(r for r in ledger.visits.rules() if r.group_key == "all")
    ledger.visits.update_rule(rule.id, interval_days=30)
    assert _row(world, world.family).status == "overdue" and _row(world, world.family).days_overdue == 8
    ledger.visits.update_rule(rule.id, active=False)
    assert {r.household_id for r in ledger.visits.schedule(today=TODAY)} == {world.alone}
    # a manual flag is a group a rule can use
    ledger.visits.add_rule(group_key="flag:重点关注", interval_days=14, label="重点关注", tier="重点")
    ledger.visits.set_flag(world.other, "重点关注")
    row = _row(world, world.other)
    assert row.interval_days == 14 and row.groups == "重点关注" and row.tier == "重点"
    assert ("flag:重点关注", "重点关注") in ledger.visits.group_choices()
    ledger.visits.clear_flag(world.other, "重点关注")
    assert all(r.household_id != world.other for r in ledger.visits.schedule(today=TODAY))
    with pytest.raises(ValidationError):
        ledger.visits.add_rule(group_key="no_such_group", interval_days=7)
    with pytest.raises(ValidationError):
        ledger.visits.add_rule(group_key="all", interval_days=0)
    # hardship groups may be named before that module registers them; they are skipped until then
    ledger.visits.add_rule(group_key="hardship:低保", interval_days=30, label="低保", tier="重点")
    assert {r.household_id for r in ledger.visits.schedule(today=TODAY)} == {world.alone}


def test_removed_residents_and_households_drop_out(world):
    ledger = world.ledger
    assert _row(world, world.alone).interval_days == 7
    ledger.residents.delete(world.alone_member)
    assert _row(world, world.alone).interval_days == 365   # no longer an old person living alone
    ledger.households.update(world.family, status="注销")
    assert all(r.household_id != world.family for r in ledger.visits.schedule(today=TODAY))


def test_update_and_delete_visit(world):
    ledger = world.ledger
    op = _visit(world, world.family, "2026-03-02", needs=[dict(what="修灯"), dict(what="办卡")])
    visit = ledger.visits.get(next(iter(op.ids("visits"))))
    keep = visit.needs[0]
    ledger.visits.update(visit.id, visit_date="2026-03-03", residents_met=world.family_members,
                         needs=[dict(id=keep.id, what="修楼道灯", status="处理中")])
    visit = ledger.visits.get(visit.id)
    assert visit.visit_date == "2026-03-03" and len(visit.resident_names) == 2
    assert [(n.what, n.status) for n in visit.needs] == [("修楼道灯", "处理中")]
    assert _row(world, world.family).last_visit_date == "2026-03-03"
    ledger.visits.delete(visit.id)
    assert ledger.visits.history(world.family) == []
    assert _row(world, world.family).status == "never_visited"
    assert _count(ledger, "visit_needs") == 0


def test_need_status_and_counts(world):
    ledger = world.ledger
    _visit(world, world.family, "2026-02-10", needs=[dict(what="修灯"), dict(what="办卡")])
    _visit(world, world.alone, "2026-03-02", needs=[dict(what="送餐")])
    first, second = ledger.visits.needs(household_id=world.family)
    with pytest.raises(ValidationError, match="办理结果"):
        ledger.visits.set_need_status(first.id, "已办结")
    ledger.visits.set_need_status(first.id, "已办结", result="已修好", on="2026-03-03")
    ledger.visits.set_need_status(second.id, "处理中")
    resolved = next(n for n in ledger.visits.needs() if n.id == first.id)
    assert resolved.status == "已办结" and resolved.resolved_at == "2026-03-03"
    ledger.visits.set_need_status(first.id, "处理中")
    assert next(n for n in ledger.visits.needs() if n.id == first.id).resolved_at is None
    ledger.visits.set_need_status(first.id, "已办结", result="已修好", on="2026-03-04")
    march = ledger.visits.counts(date_from="2026-03-01", date_to="2026-04-01")
    assert (march.needs_raised, march.needs_resolved, march.needs_open) == (1, 1, 2)
    february = ledger.visits.counts(date_from="2026-02-01", date_to="2026-03-01")
    assert (february.needs_raised, february.needs_resolved) == (2, 0)
    assert len(ledger.visits.needs(open_only=True)) == 2


def test_counts_per_grid_and_visitor(world):
    ledger = world.ledger
    ledger.visits.today = lambda: _dt.date(2026, 4, 30)
    _visit(world, world.alone, "2026-02-20")      # before the period
    _visit(world, world.alone, "2026-03-02")
    _visit(world, world.alone, "2026-03-09")
    _visit(world, world.family, "2026-03-05", nobody_home=True)
    _visit(world, world.other, "2026-03-06", visitors=[dict(name="王建国", role="网格员"),
                                                       dict(name="赵志愿", role="志愿者")])
    _visit(world, world.other, "2026-04-01")      # after the period
    counts = ledger.visits.counts(date_from="2026-03-01", date_to="2026-04-01")
    grids = {g.grid_name: g for g in counts.by_grid}
    # grid 1: alone (due 02-27) and family (never visited) are due; only alone was visited
    assert (grids["第一网格"].due, grids["第一网格"].due_done) == (2, 1)
    assert (grids["第一网格"].visits, grids["第一网格"].attempts, grids["第一网格"].households_visited) == (2, 1, 1)
    assert (grids["第二网格"].due, grids["第二网格"].due_done, grids["第二网格"].visits) == (1, 1, 1)
    assert (counts.due, counts.due_done, counts.visits) == (3, 2, 3)
    people = {v.visitor: v for v in counts.by_visitor}
    assert (people["李娜"].visits, people["李娜"].attempts, people["李娜"].due, people["李娜"].due_done) == (2, 1, 2, 1)
    assert (people["王建国"].visits, people["王建国"].due) == (1, 1)
    assert (people["赵志愿"].visits, people["赵志愿"].due) == (1, 0)
    only2 = ledger.visits.counts(date_from="2026-03-01", date_to="2026-04-01", grid_id=world.g2)
    assert [g.grid_name for g in only2.by_grid] == ["第二网格"]
    with pytest.raises(ValidationError):
        ledger.visits.counts(date_from="2026-04-01", date_to="2026-03-01")


def test_suggested_next_date_follows_the_rule(world):
    assert world.ledger.visits.suggested_next_date(world.alone, "2026-03-11") == "2026-03-18"
    assert world.ledger.visits.suggested_next_date(world.family, "2026-03-11") == "2027-03-11"


def test_schedule_is_one_pass_for_many_households(world):
    """20k households: the plan is built in one statement, read back in one (no per-household
    queries); speed itself is measured by benchmarks/visits_bench.py."""
    ledger = world.ledger
    statements = []
    b = ledger.buildings.add(grid_id=world.g1, name="大楼").id
    rows = [(f"h{i:05d}", b, str(i)) for i in range(20_000)]
    with ledger.db.atomic():
        ledger.conn.executemany(
            "INSERT INTO households (id, building_id, unit, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')", rows)
        ledger.conn.executemany(
            "INSERT INTO visits (id, household_id, grid_id, visit_date, visit_type, created_at, updated_at)"
            " VALUES (?, ?, ?, '2026-01-05', '日常走访', 'x', 'x')",
            [(f"v{i}", h, world.g1) for i, (h, _b, _u) in enumerate(rows[::2])])
    ledger.conn.set_trace_callback(statements.append)
    schedule = ledger.visits.schedule(today=TODAY)
    ledger.conn.set_trace_callback(None)
    assert len(schedule) == 20_003
    assert sum(1 for r in schedule if r.status == "never_visited") == 10_003
    assert len([s for s in statements if "households" in s]) <= 2


def test_pages_of_the_schedule_add_up_to_the_whole(world):
    ledger = world.ledger
    b = ledger.buildings.add(grid_id=world.g2, name="9栋").id
    homes = [ledger.households.add(building_id=b, unit=f"{i + 1}01").id for i in range(7)]
    for i, home in enumerate(homes[:5]):        # 2025-03-0x + 365: overdue by different days
        _visit(world, home, f"2025-03-0{i + 1}", visitors=[dict(name="王建国", role="网格员")])
    _visit(world, world.alone, "2026-03-06")    # due 03-13: this week
    whole = ledger.visits.schedule(today=TODAY)
    assert [r.status for r in whole].count("overdue") == 5
    for size in (1, 2, 3, 4, 100):
        pages, offset = [], 0
        while True:
            page = ledger.visits.schedule_page(today=TODAY, offset=offset, limit=size)
            if not page.rows:
                break
            pages.extend(page.rows)
            offset += size
        assert pages == whole, size
    page = ledger.visits.schedule_page(today=TODAY, status=("never_visited", "due_this_week"), offset=1, limit=3)
    todo = [r for r in whole if r.status in ("never_visited", "due_this_week")]
    assert list(page.rows) == todo[1:4] and page.total == len(todo)
    assert page.counts == {"overdue": 5, "never_visited": len(todo) - 1, "due_this_week": 1, "ok": 0,
                           "all": len(whole)}
    assert ledger.visits.status_counts(today=TODAY) == page.counts
    by_worker = ledger.visits.schedule_page(today=TODAY, visitor="王建国", limit=3)
    assert by_worker.total == 1 + 7 and all(r.grid_id == world.g2 for r in by_worker.rows)


def test_plan_follows_visits_and_registry_changes(world):
    ledger = world.ledger
    assert _row(world, world.family).status == "never_visited"
    built_for = ledger.conn.execute("SELECT built_for FROM visit_plan_state").fetchone()[0]
    _visit(world, world.family, "2026-03-10")           # by trigger, no rebuild
    assert ledger.conn.execute("SELECT stale FROM visit_plan_state").fetchone()[0] == 0
    row = _row(world, world.family)
    assert (row.status, row.due_date) == ("ok", "2027-03-10")
    assert ledger.conn.execute("SELECT built_for FROM visit_plan_state").fetchone()[0] == built_for
    # a new member: that household is recomputed on the next read, the others are left alone
    ledger.residents.add(household_id=world.alone, name="王小明", sex="男", birth_date="2000-01-01",
                         relation="孙子女")
    assert [r[0] for r in ledger.conn.execute("SELECT household_id FROM visit_plan_dirty")] == [world.alone]
    assert ledger.conn.execute("SELECT stale FROM visit_plan_state").fetchone()[0] == 0
    from neighbourhood import visit_schedule
    from db.queries import visits as q
    assert visit_schedule.ensure_plan(ledger.conn, q.visit_rules(ledger.conn, active_only=True), TODAY,
                                      atomic=ledger.db.atomic) == "refreshed"
    assert _row(world, world.alone).interval_days == 7             # still 80+: 高龄老人
    assert "独居老人" not in _row(world, world.alone).groups
    assert ledger.conn.execute("SELECT count(*) FROM visit_plan_dirty").fetchone()[0] == 0
    # a flag and an enrolment-free household moving out: refreshed the same way
    ledger.visits.add_rule(group_key="flag:重点关注", interval_days=14, label="重点关注")
    _row(world, world.other)
    ledger.visits.set_flag(world.other, "重点关注")
    assert _row(world, world.other).interval_days == 14
    ledger.households.update(world.other, status="注销")
    assert all(r.household_id != world.other for r in ledger.visits.schedule(today=TODAY))
    # a building moving to another grid: the whole plan is rebuilt
    building = ledger.households.summary(world.family)["building_id"]
    ledger.buildings.update(building, grid_id=world.g2)
    assert ledger.conn.execute("SELECT stale FROM visit_plan_state").fetchone()[0] == 1
    assert _row(world, world.family).grid_id == world.g2
    # another day rebuilds too (ages move); an undo of the visit reaches the plan
    assert _row(world, world.family, _dt.date(2027, 3, 11)).status == "overdue"
    ledger.undo_last()                                              # the new member
    ledger.visits.delete(ledger.visits.history(world.family)[0].id)
    assert _row(world, world.family).status == "never_visited"


def test_old_database_upgrades_to_visits(tmp_path):
    from db import migrations
    from db.connection import connect
    from neighbourhood.ledger import Ledger

    path = tmp_path / "old.db"
    conn = connect(path)
    assert migrations.migrate(conn, upto=3) == 3
    conn.close()
    with Ledger.open(path) as ledger:
        assert migrations.version(ledger.conn) >= 4
        assert len(ledger.visits.rules()) == 3 and len(ledger.visits.types()) == 6
        assert ledger.visits.schedule() == []


def test_status_counts_by_grid_add_up_to_the_schedule(world):
    ledger = world.ledger
    _visit(world, world.other, "2025-01-05")    # + 365 days: overdue in grid 2
    _visit(world, world.alone, "2026-03-06")    # 独居老人 every 7 days: due this week in grid 1
    by_grid = ledger.visits.status_counts_by_grid(today=TODAY)
    for grid in (world.g1, world.g2):
        expected = {s: 0 for s in ("overdue", "never_visited", "due_this_week", "ok")}
        for row in ledger.visits.schedule(today=TODAY, grid_id=grid):
            expected[row.status] += 1
        assert by_grid[grid] == expected
    assert by_grid[world.g2]["overdue"] == 1 and by_grid[world.g1]["due_this_week"] == 1


def test_a_failing_plan_update_after_a_save_does_not_fail_the_save(world, monkeypatch):
    from neighbourhood import visit_schedule

    def full_disk(*_a, **_k):
        raise OSError("database or disk is full")
    monkeypatch.setattr(visit_schedule, "ensure_plan", full_disk)
    assert world.ledger.visits.update_plan(after_save=True) is None
    with pytest.raises(OSError):
        world.ledger.visits.update_plan()
