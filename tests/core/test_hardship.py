"""Hardship lists (core, no Qt): categories, lifecycle, reviews, assistance, groups, counts."""
from __future__ import annotations

import datetime as _dt
import sys

import pytest

from neighbourhood.access import GRID_WORKER, STAFF, Access
from neighbourhood.errors import PermissionDenied, ValidationError

TODAY = _dt.date(2026, 3, 15)


@pytest.fixture
def place(ledger):
    """Two grids; households A (2 members) and B in grid 1, C in grid 2."""
    g1 = ledger.grids.add(name="第一网格")
    g2 = ledger.grids.add(name="第二网格")
    b1 = ledger.buildings.add(grid_id=g1.id, name="3栋")
    b2 = ledger.buildings.add(grid_id=g2.id, name="9栋")
    ha = ledger.households.add(building_id=b1.id, unit="101")
    hb = ledger.households.add(building_id=b1.id, unit="102")
    hc = ledger.households.add(building_id=b2.id, unit="201")
    wang = ledger.residents.add(household_id=ha.id, name="王建国", relation="户主", birth_date="1960-04-02",
                                id_number="110105196004020018", phone="13800000001")
    li = ledger.residents.add(household_id=ha.id, name="李秀英", relation="配偶", birth_date="1946-03-20")
    zhao = ledger.residents.add(household_id=hb.id, name="赵大妈", relation="户主", birth_date="1946-03-15")
    chen = ledger.residents.add(household_id=hc.id, name="陈明", relation="户主", birth_date="1990-01-01")
    ledger.hardship.today = lambda: TODAY
    return dict(g1=g1.id, g2=g2.id, ha=ha.id, hb=hb.id, hc=hc.id, wang=wang.id, li=li.id, zhao=zhao.id,
                chen=chen.id)


def _dibao(h, household_id, *, applied="2025-01-05", enrolled="2025-02-01", **details):
    e = h.apply(category="低保", household_id=household_id, on=applied, **details)
    e = h.transition(e.id, "审核公示", on=applied)
    return h.transition(e.id, "在册", on=enrolled)


def test_core_does_not_import_qt():
    import pathlib
    import subprocess
    root = pathlib.Path(__file__).resolve().parents[2]
    code = "import sys; sys.modules['PySide6'] = None; import neighbourhood.hardship, neighbourhood.assistance"
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_default_categories_are_seeded(ledger):
    cats = {c.code: c for c in ledger.hardship.categories()}
    assert list(cats) == ["低保", "特困供养", "低保边缘", "残疾", "重病/大病", "独居老人", "空巢老人",
                          "高龄老人", "失业", "优抚对象", "留守儿童"]
    assert cats["低保"].applies_to == "household" and cats["残疾"].applies_to == "person"
    assert cats["高龄老人"].derived and cats["高龄老人"].min_age == 80
    disability = {f.key: f for f in cats["残疾"].fields}
    assert disability["disability_type"].choices == ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
    assert (disability["grade"].min, disability["grade"].max) == (1, 4)
    tekun = {f.key: f.choices for f in cats["特困供养"].fields}
    assert tekun == {"self_care": ("完全自理", "半失能", "完全失能"), "support_setting": ("集中", "分散")}
    assert all(c.review_months == 12 for c in cats.values())


def test_categories_without_counts_are_the_same_list(ledger, monkeypatch):
    # A filter list needs the categories only; the 高龄老人 count scans every resident.
    from db.queries import hardship as q

    monkeypatch.setattr(q, "derived_count", lambda *a: pytest.fail("counted"))
    plain = ledger.hardship.categories(counted=False)
    assert [c.code for c in plain][:2] == ["低保", "特困供养"] and len(plain) == 11
    assert all(c.enrolled == 0 for c in plain)


def test_custom_category_and_update(ledger):
    h = ledger.hardship
    cat = h.add_category(code="困境儿童", applies_to="person", review_months=6,
                         fields=[dict(key="situation", label="困境类型", type="choice",
                                      choices=["重病", "重残", "父母服刑"])])
    assert cat.group_key == "hardship:困境儿童" and cat.review_months == 6
    with pytest.raises(ValidationError) as err:
        h.add_category(code="困境儿童", applies_to="person")
    assert err.value.field == "code"
    with pytest.raises(ValidationError) as err:
        h.add_category(code="新类别", applies_to="family")
    assert err.value.field == "applies_to" and "适用对象" in err.value.message
    assert h.update_category("困境儿童", name="困境儿童（含留守）", review_months=3).review_months == 3
    with pytest.raises(ValidationError):
        h.update_category("困境儿童", code="改名")
    ledger.access = Access(role=GRID_WORKER, grid_ids=frozenset())
    with pytest.raises(PermissionDenied):
        h.add_category(code="其他困难", applies_to="household")


def test_full_lifecycle_with_dated_attributed_history(ledger, place):
    h = ledger.hardship
    ledger.access = Access(role=STAFF, username="liu", display_name="刘晓红")
    e = h.apply(category="低保", household_id=place["ha"], on="2025-01-05", covered_count=2,
                monthly_amount_fen=68050, certificate_no="DB2025-001", support_mode="差额",
                documents="身份证、户口簿、收入证明")
    assert (e.status, e.applied_on, e.subject_name) == ("申请", "2025-01-05", "王建国")
    e = h.transition(e.id, "审核公示", on="2025-01-12")
    e = h.transition(e.id, "在册", on="2025-02-01")
    assert (e.status, e.enrolled_on, e.start_month, e.next_review_date) == ("在册", "2025-02-01", "2025-02",
                                                                          "2026-02-01")
    e = h.transition(e.id, "退出", on="2025-09-30", reason="家庭收入超过低保标准")
    assert (e.status, e.exited_on, e.exit_reason) == ("退出", "2025-09-30", "家庭收入超过低保标准")
    steps = [(ev.event_date, ev.from_status, ev.to_status, ev.handled_by) for ev in h.timeline(e.id)]
    assert steps == [("2025-01-05", None, "申请", "刘晓红"), ("2025-01-12", "申请", "审核公示", "刘晓红"),
                     ("2025-02-01", "审核公示", "在册", "刘晓红"), ("2025-09-30", "在册", "退出", "刘晓红")]
    assert ledger.undoable is not None and ledger.undoable.label.endswith("在册→退出")


@pytest.mark.parametrize("path,to", [
    ((), "在册"), ((), "退出"), (("审核公示",), "申请"), (("审核公示", "在册"), "审核公示"),
    (("审核公示", "在册"), "不予通过"), (("审核公示", "在册"), "申请"), (("不予通过",), "在册"),
    (("不予通过",), "审核公示"), (("审核公示", "在册"), "注销"),
])
def test_illegal_transitions_are_refused(ledger, place, path, to):
    h = ledger.hardship
    e = h.apply(category="低保", household_id=place["ha"], on="2025-01-05")
    for step in path:
        e = h.transition(e.id, step, on="2025-02-01", reason="理由")
    before = e.status
    with pytest.raises(ValidationError) as err:
        h.transition(e.id, to, on="2025-03-01", reason="理由")
    assert err.value.field == "status"
    assert h.get(e.id).status == before
    if to != "注销":
        assert f"“{before}”不能直接变为“{to}”" in err.value.message


def test_exit_and_refusal_need_a_reason(ledger, place):
    h = ledger.hardship
    e = _dibao(h, place["ha"])
    with pytest.raises(ValidationError) as err:
        h.transition(e.id, "退出", on="2025-06-01", reason="  ")
    assert (err.value.field, err.value.message) == ("reason", "请填写退出原因")
    assert h.get(e.id).status == "在册"
    other = h.apply(category="低保边缘", household_id=place["hb"], on="2025-01-05")
    with pytest.raises(ValidationError) as err:
        h.transition(other.id, "不予通过", on="2025-01-06")
    assert err.value.field == "reason"
    assert h.transition(other.id, "不予通过", on="2025-01-06", reason="收入超标").status == "不予通过"


def test_dates_must_not_go_back_or_into_the_future(ledger, place):
    h = ledger.hardship
    e = h.apply(category="低保", household_id=place["ha"], on="2025-01-05")
    with pytest.raises(ValidationError) as err:
        h.transition(e.id, "审核公示", on="2025-01-01")
    assert err.value.field == "on" and "2025-01-05" in err.value.message
    with pytest.raises(ValidationError) as err:
        h.transition(e.id, "审核公示", on=TODAY + _dt.timedelta(days=1))
    assert "不能晚于今天" in err.value.message


def test_reentry_keeps_both_periods(ledger, place):
    h = ledger.hardship
    first = _dibao(h, place["ha"], covered_count=2, monthly_amount_fen=60000, certificate_no="DB-1")
    h.transition(first.id, "退出", on="2025-06-30", reason="就业")
    again = h.transition(first.id, "申请", on="2025-11-02", reason="再次失业")
    assert again.id != first.id and again.previous_id == first.id
    assert (again.status, again.covered_count, again.certificate_no) == ("申请", 2, "DB-1")
    h.transition(again.id, "审核公示", on="2025-11-10")
    again = h.transition(again.id, "在册", on="2025-12-01", monthly_amount_fen=70000)
    old = h.get(first.id)
    assert (old.status, old.enrolled_on, old.exited_on, old.monthly_amount_fen) == (
        "退出", "2025-02-01", "2025-06-30", 60000)
    assert (again.enrolled_on, again.monthly_amount_fen) == ("2025-12-01", 70000)
    assert [p.id for p in h.periods(again.id)] == [first.id, again.id]
    kinds = [(ev.enrolment_id, ev.to_status) for ev in h.timeline(again.id)]
    assert kinds[3] == (first.id, "退出") and kinds[4] == (again.id, "申请") and len(kinds) == 7
    rows = h.list(category="低保", household_id=place["ha"])
    assert sorted(r.status for r in rows) == sorted(["退出", "在册"])
    # nothing was hard-deleted
    assert ledger.conn.execute("SELECT count(*) FROM hardship_enrolments").fetchone()[0] == 2


def test_no_duplicate_open_enrolment_and_derived_not_enrollable(ledger, place):
    h = ledger.hardship
    h.apply(category="低保", household_id=place["ha"], on="2025-01-05")
    with pytest.raises(ValidationError) as err:
        h.apply(category="低保", household_id=place["ha"])
    assert "不能重复登记" in err.value.message
    with pytest.raises(ValidationError) as err:
        h.apply(category="高龄老人", resident_id=place["li"])
    assert err.value.field == "category" and "自动认定" in err.value.message
    with pytest.raises(ValidationError) as err:
        h.apply(category="残疾", household_id=place["ha"])
    assert err.value.field == "resident_id"


def test_validation_names_the_field(ledger, place):
    h = ledger.hardship
    cases = [
        (dict(covered_count=0), "covered_count", "保障人数"),
        (dict(monthly_amount_fen="很多"), "monthly_amount_fen", "月保障金额"),
        (dict(start_month="2025-13"), "start_month", "起始年月"),
        (dict(support_mode="全额"), "support_mode", "保障方式"),
    ]
    for details, field, label in cases:
        with pytest.raises(ValidationError) as err:
            h.apply(category="低保", household_id=place["ha"], **details)
        assert err.value.field == field and label in err.value.message
    with pytest.raises(ValidationError) as err:
        h.apply(category="残疾", resident_id=place["wang"], extra=dict(disability_type="肢体", grade=5))
    assert err.value.field == "extra.grade" and "残疾等级应在 1–4 之间" == err.value.message
    with pytest.raises(ValidationError) as err:
        h.apply(category="残疾", resident_id=place["wang"], extra=dict(disability_type="外伤", grade=2))
    assert err.value.field == "extra.disability_type"
    with pytest.raises(ValidationError) as err:
        h.apply(category="特困供养", resident_id=place["zhao"], extra=dict(self_care="半失能"))
    assert err.value.message == "请填写供养方式"
    ok = h.apply(category="残疾", resident_id=place["wang"],
                 extra=dict(cert_no="11010519600402001844", disability_type="肢体", grade="2"))
    assert ok.extra == {"cert_no": "11010519600402001844", "disability_type": "肢体", "grade": 2}


def test_money_helpers():
    from neighbourhood.hardship import fen_to_yuan, yuan_to_fen
    assert yuan_to_fen("680.5") == 68050 and yuan_to_fen("￥1,200元") == 120000 and yuan_to_fen("") is None
    assert fen_to_yuan(68050) == "680.50" and fen_to_yuan(5) == "0.05" and fen_to_yuan(None) == ""
    with pytest.raises(ValidationError):
        yuan_to_fen("1.005")
    with pytest.raises(ValidationError):
        yuan_to_fen("-3")


def test_review_sets_next_date_and_due_lists(ledger, place):
    h = ledger.hardship
    a = _dibao(h, place["ha"], enrolled="2025-03-01")       # next 2026-03-01: overdue on 03-15
    b = _dibao(h, place["hb"], enrolled="2025-04-10")       # next 2026-04-10: due within 30 days
    c = _dibao(h, place["hc"], enrolled="2025-05-20")       # next 2026-05-20: not yet
    assert [e.id for e in h.overdue_reviews()] == [a.id]
    assert [e.id for e in h.reviews_due(within_days=30)] == [b.id]
    assert {e.id for e in h.list(category="低保", review="due")} == {a.id, b.id}
    assert h.get(a.id).review_state(TODAY) == "overdue" and h.get(c.id).review_state(TODAY) is None
    reviewed = h.review(a.id, on="2026-03-10", result="调整待遇", monthly_amount_fen=72000, notes="入户核查")
    assert (reviewed.last_review_date, reviewed.next_review_date, reviewed.monthly_amount_fen) == (
        "2026-03-10", "2027-03-10", 72000)
    assert h.overdue_reviews() == []
    last = h.timeline(a.id)[-1]
    assert (last.kind, last.result, last.next_review_date, last.reason) == ("年审", "调整待遇", "2027-03-10", "入户核查")
    assert [e.id for e in h.reviews_due(today=_dt.date(2026, 5, 1), within_days=30)] == [c.id]
    with pytest.raises(ValidationError):
        h.review(a.id, on="2026-03-11", next_review_date="2026-03-01")
    pending = h.apply(category="低保边缘", household_id=place["hc"], on="2026-03-01")
    with pytest.raises(ValidationError) as err:
        h.review(pending.id, on="2026-03-02")
    assert err.value.field == "status"


def test_category_review_cycle_is_used(ledger, place):
    h = ledger.hardship
    h.update_category("低保边缘", review_months=6)
    e = h.enrol(category="低保边缘", household_id=place["hb"], status="在册", on="2025-08-31")
    assert e.next_review_date == "2026-02-28"  # clamped to the month end


def test_derived_elderly_across_birthdays(ledger, place):
    h = ledger.hardship
    # 李秀英 born 1946-03-20, 赵大妈 born 1946-03-15
    names = lambda day: sorted(e.subject_name for e in h.list(category="高龄老人", today=day))  # noqa: E731
    assert names(_dt.date(2026, 3, 14)) == []
    assert names(_dt.date(2026, 3, 15)) == ["赵大妈"]
    assert names(_dt.date(2026, 3, 20)) == ["李秀英", "赵大妈"]
    rows = h.list(category="高龄老人", today=_dt.date(2026, 3, 20), grid_id=place["g1"])
    assert {r.enrolled_on for r in rows} == {"2026-03-15", "2026-03-20"} and all(r.derived for r in rows)
    from neighbourhood import groups
    assert groups.households_in(ledger.conn, "hardship:高龄老人", today=_dt.date(2026, 3, 16)) == {place["hb"]}
    assert groups.households_in(ledger.conn, "hardship:高龄老人", today=_dt.date(2026, 3, 20)) == {
        place["ha"], place["hb"]}
    counts = h.counts(date_from="2026-03-01", date_to="2026-04-01")["高龄老人"]
    assert (counts.enrolled, counts.new, counts.enrolled_households) == (2, 2, 2)
    assert h.counts(date_from="2026-02-01", date_to="2026-03-01")["高龄老人"].enrolled == 0


def test_category_groups_feed_visit_rules(ledger, place):
    from neighbourhood import groups
    import neighbourhood.hardship  # noqa: F401  (registers the provider)
    h = ledger.hardship
    a = _dibao(h, place["ha"])
    h.apply(category="低保", household_id=place["hb"], on="2025-01-05")       # only applied
    tekun = h.enrol(category="特困供养", resident_id=place["chen"], status="在册", on="2025-06-01",
                    extra=dict(self_care="完全自理", support_setting="分散"))
    keys = {g.key for g in groups.all_groups(ledger.conn)}
    assert {"hardship:低保", "hardship:特困供养", "hardship:残疾", "hardship:高龄老人"} <= keys
    assert groups.households_in(ledger.conn, "hardship:低保", today=TODAY) == {place["ha"]}
    assert groups.households_in(ledger.conn, "hardship:特困供养", today=TODAY) == {place["hc"]}
    assert groups.households_in(ledger.conn, "hardship:低保", today=_dt.date(2025, 1, 31)) == set()
    h.transition(a.id, "退出", on="2026-03-01", reason="收入增加")
    assert groups.households_in(ledger.conn, "hardship:低保", today=TODAY) == set()
    ledger.residents.mark_deceased(place["chen"], on=_dt.date(2026, 3, 2))
    assert groups.households_in(ledger.conn, "hardship:特困供养", today=TODAY) == set()
    assert h.get(tekun.id).resident_status == "死亡"


def test_grid_worker_cannot_enrol_in_another_grid(ledger, place):
    h = ledger.hardship
    other = _dibao(h, place["hc"])
    ledger.access = Access(role=GRID_WORKER, username="zhang", display_name="张网格",
                           grid_ids=frozenset({place["g1"]}))
    assert h.apply(category="低保", household_id=place["ha"]).status == "申请"
    with pytest.raises(PermissionDenied):
        h.apply(category="低保", household_id=place["hc"])
    with pytest.raises(PermissionDenied):
        h.apply(category="残疾", resident_id=place["chen"], extra=dict(disability_type="听力", grade=3))
    with pytest.raises(PermissionDenied):
        h.transition(other.id, "退出", reason="迁走")
    with pytest.raises(PermissionDenied):
        h.assistance.record(enrolment_id=other.id, kind="现金", source="民政", amount_fen=100)
    assert h.get(other.id).status == "在册"


def test_household_and_person_on_several_lists(ledger, place):
    h = ledger.hardship
    _dibao(h, place["ha"])
    h.apply(category="残疾", resident_id=place["wang"], extra=dict(disability_type="肢体", grade=2))
    h.enrol(category="独居老人", resident_id=place["li"], status="在册", on="2025-01-01")
    h.enrol(category="重病/大病", resident_id=place["wang"], status="在册", on="2025-01-01")
    rows = h.household_enrolments(place["ha"], today=_dt.date(2026, 3, 20))
    assert [(r.category_code, r.subject_name) for r in rows] == [
        ("低保", "王建国"), ("残疾", "王建国"), ("重病/大病", "王建国"), ("独居老人", "李秀英"),
        ("高龄老人", "李秀英")]
    assert [r.category_code for r in h.list(resident_id=place["wang"])] == ["残疾", "重病/大病"]
    # masked unless the user may and chose to see full values
    assert rows[0].id_number == "110105********0018" and rows[0].phone == "138****0001"


def test_assistance_and_totals(ledger, place):
    h = ledger.hardship
    a = _dibao(h, place["ha"])
    t = h.enrol(category="特困供养", resident_id=place["chen"], status="在册", on="2025-06-01",
                extra=dict(self_care="半失能", support_setting="分散"))
    book = h.assistance
    book.record(enrolment_id=a.id, given_on="2026-01-20", kind="现金", source="民政", amount_fen=50000,
                occasion="春节慰问")
    book.record(enrolment_id=a.id, given_on="2026-02-03", kind="实物", source="社会捐赠", items="米、油",
                amount_fen=12000)
    book.record(enrolment_id=t.id, given_on="2026-02-10", kind="现金", source="民政", amount_fen=30000)
    book.record(household_id=place["hb"], given_on="2026-02-11", kind="服务", source="街道", items="助浴")
    with pytest.raises(ValidationError) as err:
        book.record(household_id=place["hb"], kind="现金", source="民政")
    assert err.value.field == "amount_fen"
    with pytest.raises(ValidationError) as err:
        book.record(household_id=place["hb"], kind="红包", source="民政", amount_fen=1)
    assert err.value.field == "kind"
    feb = dict(date_from="2026-02-01", date_to="2026-03-01")
    assert {r["key"]: r["amount_fen"] for r in book.totals(by="category", **feb)} == {
        "": 0, "低保": 12000, "特困供养": 30000}
    assert {r["key"]: (r["count"], r["amount_fen"]) for r in book.totals(by="source", **feb)} == {
        "民政": (1, 30000), "社会捐赠": (1, 12000), "街道": (1, 0)}
    assert {r["key"]: r["amount_fen"] for r in book.totals(by="month")} == {"2026-01": 50000, "2026-02": 42000}
    assert book.totals(by="all", grid_id=place["g1"])[0]["amount_fen"] == 62000
    assert [x.given_on for x in book.list(enrolment_id=a.id)] == ["2026-02-03", "2026-01-20"]
    counts = h.counts(**feb)
    assert (counts.assistance_count, counts.assistance_fen, counts.assistance_households) == (3, 42000, 3)
    assert counts.assistance_by_source["民政"] == 30000 and counts["低保"].assistance_fen == 12000
    first = book.list(enrolment_id=a.id)[0]
    book.delete(first.id)
    assert book.totals(by="all", **feb)[0]["amount_fen"] == 30000


def test_counts_for_a_period(ledger, place):
    h = ledger.hardship
    a = _dibao(h, place["ha"], enrolled="2025-11-01", covered_count=2)          # enrolled before
    b = _dibao(h, place["hb"], applied="2026-02-02", enrolled="2026-02-20")     # new in Feb (1 member)
    c = _dibao(h, place["hc"], enrolled="2025-12-01", covered_count=3)
    h.transition(c.id, "退出", on="2026-02-10", reason="收入超标")                 # exited in Feb
    h.review(a.id, on="2026-02-15")
    h.enrol(category="特困供养", resident_id=place["zhao"], status="在册", on="2026-01-05",
            extra=dict(self_care="完全失能", support_setting="集中"))
    refused = h.apply(category="低保边缘", household_id=place["hc"], on="2026-02-03")
    h.transition(refused.id, "不予通过", on="2026-02-25", reason="不符合条件")
    feb = h.counts(date_from=_dt.date(2026, 2, 1), date_to=_dt.date(2026, 3, 1))
    d = feb.dibao
    assert (d.enrolled_households, d.enrolled_persons) == (2, 3)
    assert (d.new_households, d.new_persons, d.exited_households, d.exited_persons) == (1, 1, 1, 3)
    assert (d.applied, d.reviews_done) == (1, 1)
    assert feb.tekun_persons == 1 and feb["特困供养"].new == 0
    assert (feb["低保边缘"].applied, feb["低保边缘"].refused, feb["低保边缘"].enrolled) == (1, 1, 0)
    jan = h.counts(date_from="2026-01-01", date_to="2026-02-01")
    assert (jan.dibao.enrolled_households, jan.dibao.enrolled_persons, jan.dibao.new) == (2, 5, 0)
    assert jan["特困供养"].new == 1
    # due: a's next review was 2026-11-01, c exited; b's is 2027-02-20 → none due by March
    assert feb.dibao.reviews_due == 0
    late = h.counts(date_from="2026-11-01", date_to="2026-12-01")
    assert late.dibao.reviews_due == 0  # a was reviewed in Feb: next is 2027-02-15
    grid1 = h.counts(date_from="2026-02-01", date_to="2026-03-01", grid_id=place["g1"])
    assert (grid1.dibao.enrolled_households, grid1.dibao.exited) == (2, 0)
    with pytest.raises(ValidationError):
        h.counts(date_from="2026-03-01", date_to="2026-02-01")
    assert b.status == "在册"


def test_undo_of_a_transition(ledger, place):
    h = ledger.hardship
    e = _dibao(h, place["ha"])
    h.transition(e.id, "退出", on="2026-01-01", reason="就业")
    ledger.undo_last()
    assert h.get(e.id).status == "在册"
    assert [ev.to_status for ev in h.timeline(e.id)] == ["申请", "审核公示", "在册"]


def test_list_is_fast_for_a_large_community(ledger):
    """20k residents, 2k enrolments: listing and counting use a handful of queries."""
    import time
    import uuid

    from db.writes import utc_now
    g = ledger.grids.add(name="大网格")
    b = ledger.buildings.add(grid_id=g.id, name="1栋")
    now = utc_now()
    cat = ledger.hardship.category("低保").id
    hh, rs, en = [], [], []
    for i in range(5000):
        hid = str(uuid.uuid4())
        hh.append((hid, b.id, str(i), now, now))
        for j in range(4):
            rs.append((str(uuid.uuid4()), hid, f"居民{i}-{j}", f"19{40 + j * 15}-01-01", now, now))
        if i % 3 == 0:
            en.append((str(uuid.uuid4()), cat, hid, "在册", "2025-01-01", "2025-01-01", "2025-01-01",
                       "2026-01-01", now, now))
    with ledger.db.atomic():
        ledger.conn.executemany("INSERT INTO households(id, building_id, unit, created_at, updated_at) "
                                "VALUES (?,?,?,?,?)", hh)
        ledger.conn.executemany("INSERT INTO residents(id, household_id, name, birth_date, created_at, "
                                "updated_at) VALUES (?,?,?,?,?,?)", rs)
        ledger.conn.executemany(
            "INSERT INTO hardship_enrolments(id, category_id, household_id, status, status_date, applied_on, "
            "enrolled_on, next_review_date, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", en)
    h = ledger.hardship
    start = time.perf_counter()
    rows = h.list(category="低保", grid_id=g.id, status="在册")
    due = h.overdue_reviews()
    counts = h.counts(date_from="2026-02-01", date_to="2026-03-01")
    elderly = h.list(category="高龄老人")
    elapsed = time.perf_counter() - start
    assert len(rows) == len(due) == 1667 and counts.dibao.enrolled_persons == 1667 * 4
    assert len(elderly) == 5000
    assert elapsed < 3.0, elapsed


def test_death_ends_person_lists_in_the_same_undo_step(ledger, place):
    h = ledger.hardship
    household = _dibao(h, place["hc"])
    disability = h.enrol(category="残疾", resident_id=place["chen"], status="在册", on="2025-06-01",
                         extra=dict(disability_type="听力", grade=3))
    applied = h.apply(category="特困供养", resident_id=place["chen"], on="2025-07-01",
                      extra=dict(self_care="完全自理", support_setting="分散"))
    ledger.residents.mark_deceased(place["chen"], on=_dt.date(2026, 3, 2))
    ended = h.get(disability.id)
    assert (ended.status, ended.status_date, ended.exit_reason) == ("退出", "2026-03-02", "本人死亡")
    assert h.get(applied.id).status == "不予通过"
    assert h.get(household.id).status == "在册"  # the household's own list is not the person's
    assert "死亡" in ledger.undo_last().label
    assert h.get(disability.id).status == "在册" and h.get(applied.id).status == "申请"
    assert ledger.residents.get(place["chen"]).status == "在册"


def test_moving_away_dated_before_the_last_change_exits_on_that_change(ledger, place):
    h = ledger.hardship
    disability = h.enrol(category="残疾", resident_id=place["wang"], status="在册", on="2026-02-01",
                         extra=dict(disability_type="肢体", grade=2))
    ledger.residents.mark_left(place["wang"], on=_dt.date(2026, 1, 15))
    ended = h.get(disability.id)
    assert (ended.status, ended.status_date, ended.exit_reason) == ("退出", "2026-02-01", "本人迁出")
