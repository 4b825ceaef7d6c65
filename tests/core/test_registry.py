"""The registry services: grids, buildings, households, residents — validation, history,
household heads, splitting, undo, permissions, masking and the lazy listing."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from neighbourhood.access import ADMIN, AUDITOR, GRID_WORKER, STAFF, Access
from neighbourhood.errors import NotFound, PermissionDenied, ValidationError
from neighbourhood.idnumbers import check_char

HAN = re.compile(r"[\u4e00-\u9fff]")


def make_id(born: str, *, male: bool, area: str = "370102", seq: int = 12) -> str:
    """A valid 18-character ID number (odd sequence = male)."""
    seq = seq * 2 + (1 if male else 0)
    body = f"{area}{born.replace('-', '')}{seq:03d}"
    return body + check_char(body)


def counts(ledger) -> dict[str, int]:
    conn = ledger.conn
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("grids", "buildings", "households", "residents", "resident_events", "audit_log")}


def chinese(message: str) -> bool:
    return bool(HAN.search(message))


@dataclasses.dataclass
class Registry:
    ledger: object
    grid_a: object
    grid_b: object
    building_a: object
    building_b: object
    home: object          # a household in grid A
    other: object         # a household in grid B


@pytest.fixture
def reg(ledger) -> Registry:
    grid_a = ledger.grids.add(name="第一网格", worker_name="李娜", worker_phone="13905310001")
    grid_b = ledger.grids.add(name="第二网格")
    building_a = ledger.buildings.add(grid_id=grid_a.id, name="1栋")
    building_b = ledger.buildings.add(grid_id=grid_b.id, name="2栋")
    home = ledger.households.add(building_id=building_a.id, entrance="1", unit="101")
    other = ledger.households.add(building_id=building_b.id, entrance="1", unit="101")
    return Registry(ledger, grid_a, grid_b, building_a, building_b, home, other)


def add_person(reg: Registry, name: str, born: str, *, male: bool, household=None, seq: int = 12,
               **fields):
    household = household or reg.home
    return reg.ledger.residents.add(household_id=household.id, name=name,
                                    id_number=make_id(born, male=male, seq=seq), **fields)


def event_of(reg: Registry, resident_id: str, kind: str) -> dict:
    [event] = [e for e in reg.ledger.residents.events(resident_id) if e["kind"] == kind]
    return event


# --- grids and buildings -------------------------------------------------------------------

def test_grid_add_update_get(ledger):
    grid = ledger.grids.add(name="  第一网格 ", code="G01", worker_name="李娜", worker_phone="139 0531 0001")
    assert grid.name == "第一网格"  # trimmed
    assert grid.worker_phone == "13905310001"  # normalised
    assert ledger.grids.get(grid.id) == grid
    changed = ledger.grids.update(grid.id, worker_name="王建国", notes="新网格员")
    assert changed.worker_name == "王建国" and changed.notes == "新网格员"
    assert ledger.grids.get(grid.id).worker_name == "王建国"
    assert [g.name for g in ledger.grids.list()] == ["第一网格"]


@pytest.mark.parametrize("kwargs, field", [
    (dict(name=""), "name"),
    (dict(name="   "), "name"),
    (dict(name="第九网格", worker_phone="12345"), "worker_phone"),
])
def test_grid_validation(ledger, kwargs, field):
    before = counts(ledger)
    with pytest.raises(ValidationError) as err:
        ledger.grids.add(**kwargs)
    assert err.value.field == field
    assert chinese(str(err.value))
    assert counts(ledger) == before


def test_grid_duplicate_name_and_update_validation(reg):
    with pytest.raises(ValidationError, match="已有名为“第一网格”的网格") as err:
        reg.ledger.grids.add(name="第一网格")
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        reg.ledger.grids.update(reg.grid_a.id, name=" ")
    assert err.value.field == "name" and err.value.message == "请填写网格名称"
    with pytest.raises(NotFound, match="网格不存在"):
        reg.ledger.grids.get("no-such-grid")


def test_building_add_update_get(reg):
    ledger = reg.ledger
    building = ledger.buildings.add(grid_id=reg.grid_a.id, name="12栋", address="和平路100号",
                                    leader_name="张强", leader_phone="13800138000", floors=6)
    assert ledger.buildings.get(building.id) == building
    assert building.grid_id == reg.grid_a.id and building.floors == 6
    moved = ledger.buildings.update(building.id, grid_id=reg.grid_b.id, floors=7)
    assert moved.grid_id == reg.grid_b.id and moved.floors == 7
    assert {b.name for b in ledger.buildings.list(reg.grid_b.id)} == {"2栋", "12栋"}
    with pytest.raises(ValidationError) as err:
        ledger.buildings.add(grid_id=reg.grid_a.id, name="")
    assert err.value.field == "name" and "楼栋名称" in err.value.message
    with pytest.raises(ValidationError) as err:
        ledger.buildings.add(grid_id=reg.grid_a.id, name="1栋")
    assert err.value.field == "name" and "已有“1栋”" in err.value.message
    with pytest.raises(ValidationError) as err:
        ledger.buildings.update(building.id, leader_phone="1380013800")
    assert err.value.field == "leader_phone" and chinese(err.value.message)
    with pytest.raises(NotFound):
        ledger.buildings.add(grid_id="no-such-grid", name="3栋")


# --- households ----------------------------------------------------------------------------

def test_household_add_update_get(reg):
    ledger = reg.ledger
    household = ledger.households.add(building_id=reg.building_a.id, entrance="2", unit=" 301 ",
                                      housing_type="租赁", phone="0531-8888888")
    assert household.unit == "301" and household.entrance == "2" and household.status == "在册"
    assert ledger.households.get(household.id) == household
    assert ledger.households.address(household.id) == "1栋2单元301室"
    assert ledger.households.grid_of(household.id) == reg.grid_a.id
    changed = ledger.households.update(household.id, separated="人在户不在", notes="常年在外")
    assert changed.separated == "人在户不在" and changed.notes == "常年在外"
    with pytest.raises(ValidationError) as err:
        ledger.households.add(building_id=reg.building_a.id, unit="")
    assert err.value.field == "unit" and "室号" in err.value.message
    with pytest.raises(ValidationError) as err:
        ledger.households.update(household.id, housing_type="别墅")
    assert err.value.field == "housing_type" and chinese(err.value.message)
    with pytest.raises(ValidationError) as err:
        ledger.households.update(household.id, phone="12")
    assert err.value.field == "phone"


def test_household_address_already_taken_is_refused(reg):
    ledger = reg.ledger
    before = counts(ledger)
    with pytest.raises(ValidationError) as err:
        ledger.households.add(building_id=reg.building_a.id, entrance="1", unit="101")
    assert err.value.field == "unit"
    assert "1栋1单元101室 已有在册住户" in err.value.message
    assert counts(ledger) == before
    # Same unit number in another entrance or building is a different address.
    ledger.households.add(building_id=reg.building_a.id, entrance="2", unit="101")
    ledger.households.add(building_id=reg.building_b.id, entrance="2", unit="101")


# --- residents: validation and derivation ---------------------------------------------------

def test_resident_add_derives_sex_and_birth_date_from_id(reg):
    id_number = make_id("1985-03-07", male=False)
    resident = reg.ledger.residents.add(household_id=reg.home.id, name="张丽", id_number=id_number,
                                        phone="138 0013 8000", relation="户主")
    assert resident.sex == "女" and resident.birth_date == "1985-03-07"
    assert resident.id_number == id_number and resident.id_flag is None
    assert resident.phone == "13800138000"
    assert resident.residence_status == "户籍" and resident.status == "在册"
    row = reg.ledger.conn.execute("SELECT name_pinyin, name_initials FROM residents WHERE id = ?",
                                  (resident.id,)).fetchone()
    assert row == ("zhangli", "zl")
    male = add_person(reg, "王伟", "1990-01-01", male=True)
    assert male.sex == "男" and male.birth_date == "1990-01-01"
    # A lower-case x is stored upper-case.
    x_id = next(make_id("1970-06-15", male=True, seq=s) for s in range(1, 400)
                if make_id("1970-06-15", male=True, seq=s).endswith("X"))
    xr = reg.ledger.residents.add(household_id=reg.home.id, name="赵军", id_number=x_id.lower())
    assert xr.id_number == x_id


@pytest.mark.parametrize("fields, field, fragment", [
    (dict(name=""), "name", "请填写姓名"),
    (dict(name="   "), "name", "请填写姓名"),
    (dict(name="王伟", id_number="370102199001010010"), "id_number", "校验位"),
    (dict(name="王伟", phone="1380013800"), "phone", "11 位"),
    (dict(name="王伟", id_number=make_id("1990-01-01", male=True), birth_date="1990-01-02"),
     "birth_date", "与身份证号不符"),
    (dict(name="王伟", id_number=make_id("1990-01-01", male=True), sex="女"), "sex", "与身份证号不符"),
    (dict(name="王伟", birth_date="2990-01-01"), "birth_date", "不能晚于今天"),
    (dict(name="王伟", birth_date="1990-13-45"), "birth_date", "不是有效日期"),
    (dict(name="王伟", relation="表哥"), "relation", "不在可选范围内"),
    (dict(name="王伟", id_number="4.10105199001011e+17"), "id_number", "Excel"),
    (dict(name="王伟", id_number="410105199001011000"), "id_number", "Excel"),
])
def test_resident_validation_errors(reg, fields, field, fragment):
    before = counts(reg.ledger)
    with pytest.raises(ValidationError) as err:
        reg.ledger.residents.add(household_id=reg.home.id, **fields)
    assert err.value.field == field
    assert fragment in err.value.message
    assert chinese(err.value.message)
    assert counts(reg.ledger) == before


def test_resident_validation_reports_every_problem(reg):
    with pytest.raises(ValidationError) as err:
        reg.ledger.residents.add(household_id=reg.home.id, name="", phone="12",
                                 id_number="370102199001010010")
    assert set(err.value.problems) == {"name", "phone", "id_number"}
    assert all(chinese(m) for m in err.value.problems.values())


def test_excel_mangled_id_is_refused_not_repaired(reg):
    with pytest.raises(ValidationError) as err:
        reg.ledger.residents.add(household_id=reg.home.id, name="王伟", id_number="4.10105199001011e+17")
    assert err.value.field == "id_number"
    assert "Excel" in err.value.message and "不要自动补全" in err.value.message
    assert reg.ledger.conn.execute("SELECT count(*) FROM residents").fetchone()[0] == 0


def test_legacy_15_digit_id_is_accepted_and_flagged(reg):
    resident = reg.ledger.residents.add(household_id=reg.home.id, name="刘芳", id_number="110105491231002")
    assert resident.id_flag == "legacy15"
    assert resident.id_number == "110105491231002"
    assert resident.birth_date == "1949-12-31" and resident.sex == "女"


def test_duplicate_id_is_refused_naming_the_other_resident(reg):
    id_number = make_id("1980-05-05", male=True)
    first = reg.ledger.residents.add(household_id=reg.home.id, name="张伟", id_number=id_number)
    before = counts(reg.ledger)
    with pytest.raises(ValidationError) as err:
        reg.ledger.residents.add(household_id=reg.other.id, name="张三", id_number=id_number)
    assert err.value.field == "id_number"
    assert "张伟" in err.value.message and "1栋1单元101室" in err.value.message
    assert "迁移" in err.value.message
    assert id_number not in err.value.message  # the message masks the number
    # Changing another resident to that number is refused too.
    second = add_person(reg, "李四", "1981-01-01", male=True, household=reg.other)
    with pytest.raises(ValidationError, match="张伟"):
        reg.ledger.residents.update(second.id, id_number=id_number)
    # Saving the owner with its own number is fine.
    reg.ledger.residents.update(first.id, id_number=id_number, phone="13800000001")
    assert counts(reg.ledger)["residents"] == before["residents"] + 1


def test_duplicate_across_15_and_18_digit_forms(reg):
    legacy = reg.ledger.residents.add(household_id=reg.home.id, name="刘芳", id_number="110105491231002")
    with pytest.raises(ValidationError, match="刘芳"):
        reg.ledger.residents.add(household_id=reg.other.id, name="刘芳", id_number="11010519491231002X")
    assert reg.ledger.residents.get(legacy.id).id_flag == "legacy15"


def test_resident_update_checks_sex_against_stored_id(reg):
    resident = add_person(reg, "王伟", "1990-01-01", male=True)
    with pytest.raises(ValidationError) as err:
        reg.ledger.residents.update(resident.id, sex="女")
    assert err.value.field == "sex"
    with pytest.raises(ValidationError) as err:
        reg.ledger.residents.update(resident.id, birth_date="1991-01-01")
    assert err.value.field == "birth_date"
    renamed = reg.ledger.residents.update(resident.id, name="王小伟", political_status="中共党员")
    assert renamed.name == "王小伟" and renamed.political_status == "中共党员"
    row = reg.ledger.conn.execute("SELECT name_pinyin, name_initials FROM residents WHERE id = ?",
                                  (resident.id,)).fetchone()
    assert row == ("wangxiaowei", "wxw")
    with pytest.raises(TypeError):
        reg.ledger.residents.update(resident.id, status="死亡")  # status has its own actions


# --- household heads, moves, leaving -----------------------------------------------------

def test_first_head_becomes_household_head(reg):
    head = add_person(reg, "王伟", "1970-01-01", male=True, relation="户主")
    assert reg.ledger.households.get(reg.home.id).head_resident_id == head.id
    spouse = add_person(reg, "李娜", "1972-01-01", male=False, relation="配偶")
    second = add_person(reg, "王强", "1975-01-01", male=True, relation="户主", seq=40)
    assert reg.ledger.households.get(reg.home.id).head_resident_id == head.id
    # Only the first 户主 is the household's head (a second one does not take over).
    assert reg.ledger.households.get(reg.home.id).head_resident_id != second.id
    assert {m.id for m in reg.ledger.households.members(reg.home.id)} == {head.id, spouse.id, second.id}
    assert reg.ledger.households.summary(reg.home.id)["head_name"] == "王伟"
    # A household whose first member is not 户主 has no head yet.
    child = add_person(reg, "王小明", "2010-01-01", male=True, household=reg.other, relation="子女")
    assert reg.ledger.households.get(reg.other.id).head_resident_id is None
    reg.ledger.households.set_head(reg.other.id, child.id)
    assert reg.ledger.households.get(reg.other.id).head_resident_id == child.id
    assert reg.ledger.residents.get(child.id).relation == "户主"


def test_registration_writes_a_history_event(reg):
    resident = add_person(reg, "王伟", "1970-01-01", male=True, event="迁入", on=dt.date(2024, 3, 1))
    events = reg.ledger.residents.events(resident.id)
    assert [(e["kind"], e["event_date"], e["to_household_id"]) for e in events] == [
        ("迁入", "2024-03-01", reg.home.id)]


def test_move_keeps_history_and_drops_head(reg):
    head = add_person(reg, "王伟", "1970-01-01", male=True, relation="户主")
    moved = reg.ledger.residents.move(head.id, to_household_id=reg.other.id, on=dt.date(2024, 5, 1),
                                      reason="购房")
    assert moved.household_id == reg.other.id
    assert moved.relation == "其他"  # no longer 户主 in the new household
    assert reg.ledger.households.get(reg.home.id).head_resident_id is None
    events = reg.ledger.residents.events(head.id)
    # History is in date order: the 2024 move comes before today's registration.
    assert [(e["kind"], e["from_household_id"], e["to_household_id"], e["event_date"], e["reason"])
            for e in events] == [("户间迁移", reg.home.id, reg.other.id, "2024-05-01", "购房"),
                                 ("登记", None, reg.home.id, dt.date.today().isoformat(), None)]
    assert head.id not in {m.id for m in reg.ledger.households.members(reg.home.id)}
    assert head.id in {m.id for m in reg.ledger.households.members(reg.other.id)}
    with pytest.raises(ValidationError, match="相同"):
        reg.ledger.residents.move(head.id, to_household_id=reg.other.id)


@pytest.mark.parametrize("action, status", [("mark_left", "迁出"), ("mark_deceased", "死亡")])
def test_mark_left_and_deceased(reg, action, status):
    head = add_person(reg, "王伟", "1940-01-01", male=True, relation="户主")
    spouse = add_person(reg, "李娜", "1942-01-01", male=False, relation="配偶")
    ended = getattr(reg.ledger.residents, action)(head.id, on=dt.date(2024, 6, 30), reason="测试")
    assert ended.status == status and ended.status_date == "2024-06-30"
    assert reg.ledger.households.get(reg.home.id).head_resident_id is None
    last = event_of(reg, head.id, status)
    assert (last["kind"], last["event_date"], last["from_household_id"], last["reason"]) == (
        status, "2024-06-30", reg.home.id, "测试")
    # Kept on record but no longer a member or counted.
    assert [m.id for m in reg.ledger.households.members(reg.home.id)] == [spouse.id]
    assert head.id in {m.id for m in reg.ledger.households.members(reg.home.id, include_left=True)}
    counted = reg.ledger.counts()
    assert counted["residents"] == 1
    assert counted["left" if status == "迁出" else "deceased"] == 1
    with pytest.raises(ValidationError, match=f"已是“{status}”"):
        getattr(reg.ledger.residents, action)(head.id)
    with pytest.raises(ValidationError, match="不能迁移"):
        reg.ledger.residents.move(head.id, to_household_id=reg.other.id)

    back = reg.ledger.residents.reinstate(head.id, on=dt.date(2024, 7, 1), reason="登记错误")
    assert back.status == "在册" and back.status_date is None
    last = event_of(reg, head.id, "恢复在册")
    assert (last["kind"], last["to_household_id"], last["event_date"]) == ("恢复在册", reg.home.id, "2024-07-01")
    assert reg.ledger.counts()["residents"] == 2


# --- splitting a household -----------------------------------------------------------------

def _family(reg):
    head = add_person(reg, "王伟", "1960-01-01", male=True, relation="户主")
    spouse = add_person(reg, "李娜", "1962-01-01", male=False, relation="配偶")
    son = add_person(reg, "王强", "1985-01-01", male=True, relation="子女")
    daughter_in_law = add_person(reg, "赵敏", "1987-01-01", male=False, relation="儿媳")
    return head, spouse, son, daughter_in_law


def test_split_household(reg):
    head, spouse, son, dil = _family(reg)
    new = reg.ledger.households.split(reg.home.id, resident_ids=[son.id, dil.id], head_id=son.id,
                                      entrance="2", unit="502", on=dt.date(2024, 8, 1))
    assert new.id != reg.home.id
    assert (new.building_id, new.entrance, new.unit) == (reg.building_a.id, "2", "502")
    assert new.head_resident_id == son.id
    assert {m.id for m in reg.ledger.households.members(new.id)} == {son.id, dil.id}
    assert {m.id for m in reg.ledger.households.members(reg.home.id)} == {head.id, spouse.id}
    assert reg.ledger.households.get(reg.home.id).head_resident_id == head.id
    assert reg.ledger.residents.get(son.id).relation == "户主"
    for rid in (son.id, dil.id):
        last = event_of(reg, rid, "分户")
        assert (last["kind"], last["from_household_id"], last["to_household_id"], last["event_date"]) == (
            "分户", reg.home.id, new.id, "2024-08-01")
    # One user action: one undoable operation.
    assert reg.ledger.undoable.label == "分户"


def test_split_refusals_change_nothing(reg):
    head, spouse, son, dil = _family(reg)
    before = counts(reg.ledger)
    with pytest.raises(ValidationError, match="户主必须在分出的成员之中"):
        reg.ledger.households.split(reg.home.id, resident_ids=[son.id], head_id=dil.id, unit="502")
    with pytest.raises(ValidationError, match="不能把全部成员分出"):
        reg.ledger.households.split(reg.home.id, resident_ids=[head.id, spouse.id, son.id, dil.id],
                                    head_id=son.id, unit="502")
    # The new address is already taken: refused after the checks, inside the operation.
    with pytest.raises(ValidationError, match="已有在册住户"):
        reg.ledger.households.split(reg.home.id, resident_ids=[son.id], head_id=son.id,
                                    entrance="1", unit="101")
    assert counts(reg.ledger) == before


def test_split_failing_midway_rolls_back_everything(reg, monkeypatch):
    head, spouse, son, dil = _family(reg)
    before = counts(reg.ledger)
    last_op = reg.ledger.undoable
    moves = []
    real_move = reg.ledger.residents.move

    def move_then_fail(resident_id, **kwargs):
        moves.append(resident_id)
        real_move(resident_id, **kwargs)
        if len(moves) == 2:  # both members already moved, head not yet set
            raise RuntimeError("power cut")

    monkeypatch.setattr(reg.ledger.residents, "move", move_then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        reg.ledger.households.split(reg.home.id, resident_ids=[son.id, dil.id], head_id=son.id, unit="502")
    assert moves == [son.id, dil.id]
    assert counts(reg.ledger) == before
    assert not reg.ledger.conn.in_transaction
    assert {m.id for m in reg.ledger.households.members(reg.home.id)} == {head.id, spouse.id, son.id, dil.id}
    assert reg.ledger.conn.execute(
        "SELECT count(*) FROM households WHERE unit = '502'").fetchone()[0] == 0
    assert reg.ledger.residents.get(son.id).relation == "子女"
    assert reg.ledger.undoable is last_op  # the failed operation is not offered for undo
    assert reg.ledger.verify_audit() == []


# --- undo ----------------------------------------------------------------------------------

def _audit_rows(ledger, since: int):
    return ledger.conn.execute(
        "SELECT action, table_name, record_id, username FROM audit_log WHERE seq > ? ORDER BY seq",
        (since,)).fetchall()


def _max_seq(ledger) -> int:
    return ledger.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0]


def test_undo_insert_soft_deletes_and_is_audited(reg):
    ledger = reg.ledger
    resident = add_person(reg, "王伟", "1970-01-01", male=True, relation="户主")
    assert ledger.households.get(reg.home.id).head_resident_id == resident.id
    op = ledger.undoable
    assert op is not None and op.tables == {"residents", "resident_events", "households"}
    seq = _max_seq(ledger)
    undo = ledger.undo_last()
    assert undo.label.startswith("撤销：")
    with pytest.raises(NotFound):
        ledger.residents.get(resident.id)
    row = ledger.conn.execute("SELECT deleted_at FROM residents WHERE id = ?", (resident.id,)).fetchone()
    assert row[0] is not None  # soft-deleted, not removed
    assert ledger.households.get(reg.home.id).head_resident_id is None
    assert ledger.residents.events(resident.id) == []
    audited = _audit_rows(ledger, seq)
    assert ("delete", "residents", resident.id, "system") in audited
    assert ("update", "households", reg.home.id, "system") in audited
    assert any(a[0] == "delete" and a[1] == "resident_events" for a in audited)
    assert ledger.undoable is None and ledger.undo_last() is None  # undo does not undo itself
    # The number is free again after the undo.
    add_person(reg, "王伟", "1970-01-01", male=True)
    assert ledger.verify_audit() == []


def test_undo_update_restores_old_values(reg):
    ledger = reg.ledger
    resident = add_person(reg, "王伟", "1970-01-01", male=True, phone="13800000001")
    ledger.residents.update(resident.id, name="王大伟", phone="13900000002", notes="改过")
    seq = _max_seq(ledger)
    ledger.undo_last()
    back = ledger.residents.get(resident.id)
    assert (back.name, back.phone, back.notes) == ("王伟", "13800000001", None)
    row = ledger.conn.execute("SELECT name_pinyin, updated_by FROM residents WHERE id = ?",
                              (resident.id,)).fetchone()
    assert row == ("wangwei", "system")
    import json
    changes = json.loads(ledger.conn.execute(
        "SELECT changes FROM audit_log WHERE seq > ? AND table_name = 'residents'", (seq,)).fetchone()[0])
    assert changes["name"] == ["王大伟", "王伟"] and changes["phone"] == ["13900000002", "13800000001"]


def test_undo_needs_write_permission(reg):
    add_person(reg, "王伟", "1970-01-01", male=True)
    reg.ledger.access = Access(role=AUDITOR, username="audit1")
    with pytest.raises(PermissionDenied):
        reg.ledger.undo_last()
    assert reg.ledger.undoable is not None


# --- permissions ---------------------------------------------------------------------------

def test_grid_worker_edits_own_grid_only(reg):
    ledger = reg.ledger
    in_b = add_person(reg, "李四", "1980-01-01", male=True, household=reg.other)
    ledger.access = Access(role=GRID_WORKER, user_id=None, username="grid1",
                           grid_ids=frozenset({reg.grid_a.id}))
    # Own grid: households and residents.
    household = ledger.households.add(building_id=reg.building_a.id, unit="202")
    resident = add_person(reg, "王伟", "1970-01-01", male=True, household=household)
    ledger.residents.update(resident.id, phone="13800000003")
    assert ledger.conn.execute("SELECT updated_by FROM residents WHERE id = ?",
                               (resident.id,)).fetchone()[0] == "grid1"
    before = counts(ledger)
    with pytest.raises(PermissionDenied) as err:
        ledger.households.add(building_id=reg.building_b.id, unit="202")
    assert chinese(str(err.value))
    with pytest.raises(PermissionDenied):
        add_person(reg, "赵六", "1982-01-01", male=True, household=reg.other)
    with pytest.raises(PermissionDenied):
        ledger.residents.update(in_b.id, phone="13800000004")
    with pytest.raises(PermissionDenied):
        ledger.residents.mark_left(in_b.id)
    # Moving from own grid into another grid needs both.
    with pytest.raises(PermissionDenied):
        ledger.residents.move(resident.id, to_household_id=reg.other.id)
    # Structure is for staff.
    with pytest.raises(PermissionDenied, match="管理员和工作人员"):
        ledger.grids.add(name="第三网格")
    with pytest.raises(PermissionDenied):
        ledger.buildings.add(grid_id=reg.grid_a.id, name="9栋")
    assert counts(ledger) == before


def test_auditor_cannot_write(reg):
    ledger = reg.ledger
    resident = add_person(reg, "王伟", "1970-01-01", male=True)
    ledger.access = Access(role=AUDITOR, username="audit1", can_view_full=True)
    before = counts(ledger)
    for attempt in (
        lambda: ledger.grids.add(name="第三网格"),
        lambda: ledger.buildings.update(reg.building_a.id, floors=9),
        lambda: ledger.households.add(building_id=reg.building_a.id, unit="909"),
        lambda: add_person(reg, "赵六", "1982-01-01", male=True),
        lambda: ledger.residents.update(resident.id, phone="13800000004"),
        lambda: ledger.residents.mark_deceased(resident.id),
        lambda: ledger.residents.delete(resident.id),
    ):
        with pytest.raises(PermissionDenied, match="只能查看"):
            attempt()
    assert counts(ledger) == before
    # Reading still works.
    assert ledger.residents.get(resident.id).name == "王伟"
    assert len(ledger.listing.rowids()) == 1


def test_staff_may_edit_any_grid(reg):
    reg.ledger.access = Access(role=STAFF, username="zhangmin")
    add_person(reg, "李四", "1980-01-01", male=True, household=reg.other)
    add_person(reg, "王伟", "1970-01-01", male=True)
    reg.ledger.grids.add(name="第三网格")


def test_listing_at_least_counts_only_current_residents(reg):
    ledger = reg.ledger
    assert ledger.listing.at_least(0) and not ledger.listing.at_least(1)
    first = add_person(reg, "李四", "1980-01-01", male=True)
    add_person(reg, "王伟", "1970-01-01", male=True, seq=14)
    assert ledger.listing.at_least(2) and not ledger.listing.at_least(3)
    ledger.residents.mark_left(first.id)
    assert ledger.listing.at_least(1) and not ledger.listing.at_least(2)


# --- masking in the listing ----------------------------------------------------------------

def _view_full_entries(ledger) -> int:
    return ledger.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'view_full'").fetchone()[0]


def test_listing_masks_by_default_and_full_view_is_audited(reg):
    ledger = reg.ledger
    id_number = make_id("1985-03-07", male=False)
    resident = ledger.residents.add(household_id=reg.home.id, name="张丽", id_number=id_number,
                                    phone="13800138000")
    ids = ledger.listing.rowids()
    [row] = ledger.listing.rows(ids).values()
    assert row["id_number"] == id_number[:6] + "********" + id_number[-4:]
    assert row["phone"] == "138****8000"
    assert row["address"] == "1栋1单元101室" and row["grid_name"] == "第一网格" and row["id"] == resident.id

    # Allowed to see full values, but not switched on: still masked.
    ledger.access = Access(role=ADMIN, username="admin", can_view_full=True)
    [row] = ledger.listing.rows(ids).values()
    assert "*" in row["id_number"]
    assert _view_full_entries(ledger) == 0

    ledger.listing.set_show_full(True)
    [row] = ledger.listing.rows(ids).values()
    assert row["id_number"] == id_number and row["phone"] == "13800138000"
    entry = ledger.conn.execute(
        "SELECT username, table_name, changes FROM audit_log WHERE action = 'view_full'").fetchall()
    assert len(entry) == 1 and entry[0][0] == "admin" and entry[0][1] == "residents"
    assert ledger.verify_audit() == []

    # A user without the right (e.g. after switching users) sees masked rows even with show_full on.
    ledger.access = Access(role=STAFF, username="zhangmin")
    [row] = ledger.listing.rows(ids).values()
    assert "*" in row["id_number"] and "*" in row["phone"]
    ledger.access = Access(role=ADMIN, username="admin", can_view_full=True)
    ledger.listing.set_show_full(False)
    [row] = ledger.listing.rows(ids).values()
    assert "*" in row["id_number"]


def test_show_full_without_permission_is_refused(reg):
    add_person(reg, "王伟", "1970-01-01", male=True, phone="13800138000")
    reg.ledger.access = Access(role=STAFF, username="zhangmin", can_view_full=False)
    with pytest.raises(PermissionDenied) as err:
        reg.ledger.listing.set_show_full(True)
    assert chinese(str(err.value))
    assert reg.ledger.listing.show_full is False
    assert _view_full_entries(reg.ledger) == 0
    [row] = reg.ledger.listing.rows(reg.ledger.listing.rowids()).values()
    assert row["phone"] == "138****8000"


# --- the lazy listing ----------------------------------------------------------------------

def test_listing_rowids_filter_by_grid_building_household(reg):
    ledger = reg.ledger
    extra = ledger.households.add(building_id=reg.building_a.id, unit="102")
    a1 = add_person(reg, "艾一", "1970-01-01", male=True)
    a2 = add_person(reg, "白二", "1971-01-01", male=True, household=extra)
    b1 = add_person(reg, "陈三", "1972-01-01", male=True, household=reg.other)
    gone = add_person(reg, "丁四", "1973-01-01", male=True)
    ledger.residents.mark_left(gone.id)

    def ids(**kwargs):
        listed = ledger.listing.rowids(**kwargs)
        assert listed.typecode == "q"  # ids only travel, as a compact array
        return [r["id"] for r in (ledger.listing.rows(listed)[i] for i in listed)]

    # Ordered by pinyin (ai, bai, chen).
    assert ids() == [a1.id, a2.id, b1.id]
    assert ids(grid_id=reg.grid_a.id) == [a1.id, a2.id]
    assert ids(grid_id=reg.grid_b.id) == [b1.id]
    assert ids(building_id=reg.building_a.id) == [a1.id, a2.id]
    assert ids(household_id=extra.id) == [a2.id]
    assert ids(household_id=reg.home.id) == [a1.id]
    assert set(ids(household_id=reg.home.id, include_left=True)) == {a1.id, gone.id}
    ledger.residents.delete(a1.id)
    assert ids(grid_id=reg.grid_a.id) == [a2.id]
    assert ledger.listing.rows([]) == {}
