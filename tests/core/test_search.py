"""Search: terms of every kind, ranking, filters, masking and index maintenance."""
from __future__ import annotations

import datetime as dt

import pytest

from neighbourhood.access import Access
from neighbourhood.pinyin import name_pinyin
from neighbourhood.search import SearchFilters, term_match


@pytest.fixture
def town(ledger):
    g1 = ledger.grids.add(name="第一网格")
    g2 = ledger.grids.add(name="第二网格")
    b12 = ledger.buildings.add(grid_id=g1.id, name="12栋")
    b3 = ledger.buildings.add(grid_id=g2.id, name="3栋")
    h1 = ledger.households.add(building_id=b12.id, entrance="2", unit="301")
    h2 = ledger.households.add(building_id=b3.id, entrance="1", unit="101")
    people = {
        "zw": ledger.residents.add(household_id=h1.id, name="张伟", relation="户主",
                                   id_number="11010519491231002X", phone="13812345678",
                                   political_status="中共党员"),
        "zwm": ledger.residents.add(household_id=h1.id, name="张伟明", relation="子女",
                                    birth_date="2010-05-01", sex="男"),
        "zeng": ledger.residents.add(household_id=h2.id, name="曾小红", relation="户主",
                                     id_number="370102198503151248", residence_status="流动"),
        "oy": ledger.residents.add(household_id=h2.id, name="欧阳明月", relation="配偶"),
    }
    return dict(ledger=ledger, g1=g1, g2=g2, b12=b12, b3=b3, h1=h1, h2=h2, **people)


def names(hits):
    return [h.title for h in hits if h.kind == "resident"]


def test_name_fragments_one_two_and_three_chars(town):
    find = town["ledger"].search.find
    assert names(find("张")) == ["张伟", "张伟明"]
    assert names(find("张伟")) == ["张伟", "张伟明"]       # exact first, then prefix
    assert names(find("张伟明")) == ["张伟明"]
    assert names(find("明月")) == ["欧阳明月"]              # two chars, not a prefix
    assert names(find("伟明")) == ["张伟明"]


def test_pinyin_full_and_initials_with_polyphonic_surnames(town):
    find = town["ledger"].search.find
    assert names(find("zw")) == ["张伟", "张伟明"]
    assert names(find("zhangw")) == ["张伟", "张伟明"]
    assert names(find("zxh")) == ["曾小红"]                 # 曾 as a surname is zeng
    assert names(find("zengx")) == ["曾小红"]
    assert names(find("cengx")) == []
    assert names(find("oymy")) == ["欧阳明月"]


@pytest.mark.parametrize("name, full, initials", [
    ("曾国藩", "zengguofan", "zgf"), ("单雄信", "shanxiongxin", "sxx"), ("解缙", "xiejin", "xj"),
    ("查良镛", "zhaliangyong", "zly"), ("仇英", "qiuying", "qy"), ("区志强", "ouzhiqiang", "ozq"),
    ("朴正", "piaozheng", "pz"), ("覃敏", "qinmin", "qm"), ("尉迟恭", "yuchigong", "ycg"),
    ("长孙无忌", "zhangsunwuji", "zswj"), ("张伟", "zhangwei", "zw"),
])
def test_surname_table(name, full, initials):
    assert name_pinyin(name) == (full, initials)


def test_id_tail_phone_fragment_and_address(town):
    find = town["ledger"].search.find
    assert names(find("002X")) == ["张伟"]
    assert names(find("002x")) == ["张伟"]
    assert names(find("151248")) == ["曾小红"]
    assert names(find("123456")) == ["张伟"]                # phone fragment in the middle
    hits = find("12栋2单元")
    assert set(names(hits)) == {"张伟", "张伟明"}
    assert any(h.kind == "household" and h.title == "12栋2单元301室" for h in hits)


def test_terms_are_combined_and_filters_apply(town):
    ledger = town["ledger"]
    find = ledger.search.find
    assert names(find("12栋 zw")) == ["张伟", "张伟明"]
    assert names(find("3栋 zw")) == []
    assert names(find("zw", filters=SearchFilters(grid_id=town["g2"].id))) == []
    assert names(find("张", filters=SearchFilters(party_member=True))) == ["张伟"]
    assert names(find("张", filters=SearchFilters(age_max=17), today=dt.date(2026, 11, 23))) == ["张伟明"]
    assert names(find("张", filters=SearchFilters(age_min=60), today=dt.date(2026, 11, 23))) == ["张伟"]
    assert names(find("曾", filters=SearchFilters(residence_status="流动"))) == ["曾小红"]
    assert names(find("曾", filters=SearchFilters(residence_status="户籍"))) == []


def test_results_are_masked_unless_allowed(town):
    ledger = town["ledger"]
    hit = ledger.search.find("张伟")[0]
    assert hit.id_number == "110105********002X" and hit.phone == "138****5678"
    ledger.access = Access(can_view_full=True)
    ledger.listing.set_show_full(True)
    hit = ledger.search.find("张伟")[0]
    assert hit.id_number == "11010519491231002X"


def test_index_follows_every_write(town):
    ledger = town["ledger"]
    find = ledger.search.find
    ledger.residents.update(town["zw"].id, name="李伟")
    assert names(find("张伟")) == ["张伟明"]
    assert names(find("lw")) == ["李伟"]
    ledger.residents.move(town["zwm"].id, to_household_id=town["h2"].id)
    assert names(find("3栋 张")) == ["张伟明"]
    ledger.buildings.update(town["b3"].id, name="33栋")
    assert names(find("33栋1单元")) == ["曾小红", "张伟明", "欧阳明月"] or \
        set(names(find("33栋1单元"))) == {"曾小红", "张伟明", "欧阳明月"}
    ledger.residents.delete(town["oy"].id)
    assert names(find("欧阳")) == []
    ledger.residents.mark_left(town["zeng"].id)
    assert names(find("曾小红")) == []
    assert names(find("曾小红", filters=SearchFilters(include_left=True))) == ["曾小红"]
    ledger.undo_last()
    assert names(find("曾小红")) == ["曾小红"]


def test_rollback_leaves_index_consistent(town):
    ledger = town["ledger"]
    with pytest.raises(RuntimeError):
        with ledger.operation("失败的操作"):
            ledger.residents.update(town["zw"].id, name="王五")
            raise RuntimeError("boom")
    assert names(ledger.search.find("张伟")) == ["张伟", "张伟明"]
    assert names(ledger.search.find("王五")) == []


def test_unsearchable_and_empty_terms():
    assert term_match("") is None
    assert term_match("!") is None
    assert term_match("张")[0][0] == "search_uni"
    assert term_match("张伟明")[0][0] == "search_tri"


def test_mixed_pinyin_full_and_initials(town):
    find = town["ledger"].search.find
    assert names(find("zhangwm")) == ["张伟明"]
    assert names(find("zwming")) == ["张伟明"]
    assert names(find("ouyangmy")) == ["欧阳明月"]
    assert names(find("zhangwx")) == []


def test_full_width_digits_and_spaces(town):
    find = town["ledger"].search.find
    assert names(find("００２Ｘ")) == ["张伟"]
    assert names(find("１２栋\u3000zw")) == ["张伟", "张伟明"]


def test_edit_is_findable_immediately(town):
    ledger = town["ledger"]
    household = town["h1"]
    ledger.residents.add(household_id=household.id, name="司马光", phone="13900001111")
    assert names(ledger.search.find("smg")) == ["司马光"]
    assert names(ledger.search.find("1111")) == ["司马光"]


def test_hardship_list_filter(town):
    ledger = town["ledger"]
    ledger.hardship.enrol(category="低保", household_id=town["h1"].id, status="在册", covered_count=2)
    assert names(ledger.search.find("张", filters=SearchFilters(hardship_category="低保"))) == ["张伟", "张伟明"]
    assert names(ledger.search.find("曾", filters=SearchFilters(hardship_category="低保"))) == []


def test_pinyin_households_come_from_the_heads_name(town):
    # A one-word pinyin query finds households by their head's pinyin or initials from b-tree
    # ranges; the answer must be the one the FTS prefix query gives.
    from db.queries import search as sq
    from neighbourhood.search import _merge

    ledger = town["ledger"]
    for term in ("zw", "zhangw", "zeng", "oy", "q"):
        by_head = {h.id for h in ledger.search.find(term) if h.kind == "household"}
        docids = [d for (d,) in sq.match_docids(ledger.conn, _merge(term_match(term)))]
        by_fts = {row["id"] for row in sq.households_by_rowid(
            ledger.conn, [d // 2 for d in docids if d % 2 == 1], where=[], params=[], limit=100)}
        assert by_head == by_fts, term
    assert {h.id for h in ledger.search.find("zw") if h.kind == "household"} == {town["h1"].id}


def test_mixed_pinyin_respects_filters_and_limit(town):
    ledger = town["ledger"]
    find = ledger.search.find
    assert names(find("zhangwm", filters=SearchFilters(grid_id=town["g1"].id))) == ["张伟明"]
    assert names(find("zhangwm", filters=SearchFilters(grid_id=town["g2"].id))) == []
    household = town["h1"]
    for name in ("张伟民", "张伟敏", "张卫明"):
        ledger.residents.add(household_id=household.id, name=name)
    assert set(names(find("zhangwm"))) == {"张伟明", "张伟民", "张伟敏", "张卫明"}
    assert len(names(find("zhangwm", limit=2))) == 2
    assert len([h for h in find("12栋", limit=1) if h.kind == "household"]) == 1


def test_two_character_and_address_terms_find_residents_and_households_in_one_pass(town):
    ledger = town["ledger"]
    hits = ledger.search.find("2单元")
    assert set(names(hits)) == {"张伟", "张伟明"}
    assert [h.title for h in hits if h.kind == "household"] == ["12栋2单元301室"]
    assert names(ledger.search.find("伟明", filters=SearchFilters(age_max=17), today=dt.date(2026, 11, 23))) \
        == ["张伟明"]
