"""The Qt models: model tester, lazy loading of the tree and the residents table, masking."""
from __future__ import annotations

import re

import pytest

from ui.registry.tree_model import BUILDING, GRID, HOUSEHOLD, ID_ROLE, KIND_ROLE, RegistryTreeModel
from ui.residents.household_view import HouseholdMembersModel
from ui.residents.table_model import COLUMNS, PAGE_SIZE, RESIDENT_ID_ROLE, ResidentTableModel

MASKED_ID = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")


def _column(key: str) -> int:
    return [k for k, _ in COLUMNS].index(key)


def test_tree_model_passes_model_tester_while_loading(qtmodeltester, demo_ledger):
    model = RegistryTreeModel(demo_ledger)
    grid = model.index(0, 0)
    assert model.canFetchMore(grid)
    model.fetchMore(grid)
    building = model.index(0, 0, grid)
    assert model.canFetchMore(building)
    # The tester fetches every level itself, so it also checks the insertions of fetchMore.
    qtmodeltester.check(model)
    assert not model.canFetchMore(building)
    assert model.index(0, 0, building).data(KIND_ROLE) == HOUSEHOLD


def test_tree_shows_grids_and_loads_children_lazily(demo_ledger, monkeypatch):
    calls: list[str] = []
    original = demo_ledger.households.list
    monkeypatch.setattr(demo_ledger.households, "list", lambda b: calls.append(b) or original(b))
    model = RegistryTreeModel(demo_ledger)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["第一网格", "第二网格", "第三网格"]
    assert model.index(0, 0).data(KIND_ROLE) == GRID
    assert model.rowCount(model.index(0, 0)) == 0 and model.hasChildren(model.index(0, 0))
    model.fetchMore(model.index(0, 0))
    building = model.index(0, 0, model.index(0, 0))
    assert building.data(KIND_ROLE) == BUILDING
    assert calls == []  # no household was read before a building was opened
    model.fetchMore(building)
    assert calls == [building.data(ID_ROLE)]
    label = model.index(0, 0, building).data()
    # '1单元101室 张伟（2人）' in Chinese; without a translator the English pattern.
    assert re.match(r"^1单元101室 \S+ \(\d+ people\)$", label), label


def test_tree_refresh_updates_member_count(demo_ledger, first_household):
    model = RegistryTreeModel(demo_ledger)
    model.fetchMore(model.index(0, 0))
    building = model.index(0, 0, model.index(0, 0))
    model.fetchMore(building)
    before = model.index(0, 0, building).data()
    demo_ledger.residents.add(household_id=first_household, name="新生儿", relation="子女")
    model.refresh_households()
    after = model.index(0, 0, building).data()
    assert before != after
    count = lambda text: int(re.search(r"\((\d+) people\)", text).group(1))  # noqa: E731
    assert count(after) == count(before) + 1


def test_table_model_passes_model_tester(qtmodeltester, demo_ledger):
    model = ResidentTableModel(demo_ledger)
    model.set_filter()
    qtmodeltester.check(model)


def test_table_model_is_lazy(demo_ledger, monkeypatch):
    requested: list[int] = []
    original = demo_ledger.listing.rows
    monkeypatch.setattr(demo_ledger.listing, "rows", lambda ids: requested.append(len(ids)) or original(ids))
    model = ResidentTableModel(demo_ledger)
    model.set_filter()
    model.load_all()  # the ids arrive in chunks (tests/ui/test_table_chunks.py); rows are the subject here
    total = len(demo_ledger.listing.rowids())
    assert total > PAGE_SIZE  # otherwise the test proves nothing
    assert model.rowCount() == total
    assert requested == []  # counting rows reads no row
    assert model.index(0, _column("name")).data()
    assert requested == [PAGE_SIZE]  # one page, not every row
    model.index(PAGE_SIZE - 1, _column("name")).data()
    model.index(5, _column("id_number")).data()
    assert requested == [PAGE_SIZE]  # the same page comes from the cache
    model.index(total - 1, _column("name")).data()
    assert len(requested) == 2 and requested[1] == total - (total - 1) // PAGE_SIZE * PAGE_SIZE


def test_table_masks_id_numbers_and_phones_by_default(demo_ledger):
    model = ResidentTableModel(demo_ledger)
    model.set_filter()
    ids = [model.index(r, _column("id_number")).data() for r in range(50)]
    assert ids and all(MASKED_ID.match(i) for i in ids), ids[:3]
    phones = [p for p in (model.index(r, _column("phone")).data() for r in range(50)) if p]
    assert phones and all(re.match(r"^1\d\d\*{4}\d{4}$", p) for p in phones)


def test_table_shows_full_numbers_for_a_director_who_asks(demo_ledger):
    from neighbourhood.demo import DEMO_PASSWORD

    demo_ledger.users.sign_in("admin", DEMO_PASSWORD)
    model = ResidentTableModel(demo_ledger)
    model.set_filter()
    demo_ledger.listing.set_show_full(True)
    model.refresh_rows()
    value = model.index(0, _column("id_number")).data()
    assert "*" not in value and len(value) == 18


def test_table_filters_by_building_and_household(demo_ledger, first_household):
    building = demo_ledger.buildings.list()[0]
    model = ResidentTableModel(demo_ledger)
    model.set_filter()
    everyone = model.rowCount()
    model.set_filter(building_id=building.id)
    in_building = model.rowCount()
    assert 0 < in_building < everyone
    addresses = {model.index(r, _column("address")).data() for r in range(in_building)}
    assert all(a.startswith(building.name) for a in addresses)
    model.set_filter(household_id=first_household)
    members = demo_ledger.households.members(first_household)
    assert model.rowCount() == len(members)
    assert {model.index(r, 0).data(RESIDENT_ID_ROLE) for r in range(model.rowCount())} == {m.id for m in members}


def test_table_age_column(demo_ledger):
    from ui.common import age_of

    model = ResidentTableModel(demo_ledger)
    model.set_filter()
    born = model.index(0, _column("birth_date")).data()
    assert model.index(0, _column("age")).data() == age_of(born)


def test_members_model(qtmodeltester, demo_ledger, first_household):
    model = HouseholdMembersModel(demo_ledger)
    model.set_household(first_household)
    qtmodeltester.check(model)
    members = demo_ledger.households.members(first_household)
    assert model.rowCount() == len(members)
    assert model.index(0, 1).data() == "户主"
    assert MASKED_ID.match(model.index(0, 5).data())


@pytest.mark.parametrize("status", ["迁出"])
def test_members_model_keeps_former_members_last(demo_ledger, first_household, status):
    members = demo_ledger.households.members(first_household)
    demo_ledger.residents.mark_left(members[0].id)
    model = HouseholdMembersModel(demo_ledger)
    model.set_household(first_household)
    assert model.rowCount() == len(members)
    assert model.index(model.rowCount() - 1, 8).data() == status
    assert model.member_id(model.rowCount() - 1) == members[0].id


def test_tree_refresh_inserts_and_removes_households(qtmodeltester, demo_ledger):
    model = RegistryTreeModel(demo_ledger)
    qtmodeltester.check(model)  # keeps watching the signals of the changes below
    grid = model.index(0, 0)
    building = model.index(0, 0, grid)
    before = model.rowCount(building)
    new = demo_ledger.households.add(building_id=building.data(ID_ROLE), entrance="1", unit="9901")
    model.refresh_households()
    assert model.rowCount(building) == before + 1
    assert model.find(HOUSEHOLD, new.id).isValid()
    demo_ledger.undo_last()
    model.refresh_households()
    assert model.rowCount(building) == before
    assert not model.find(HOUSEHOLD, new.id).isValid()


class _BigListing:
    """500k residents without a database: ids at once, rows on request (counted)."""

    def __init__(self, n: int) -> None:
        from array import array

        self.ids = array("q", range(1, n + 1))
        self.requested = 0
        self.show_full = False

    def rowids(self, **_filter):
        return self.ids

    def rows(self, rowids):
        self.requested += len(rowids)
        return {i: {"id": f"r{i}", "name": f"居民{i}", "sex": "男", "birth_date": "1980-01-01",
                    "id_number": "370102********1234", "address": "1栋1单元101室", "status": "在册"}
                for i in rowids}


def test_table_stays_lazy_at_500k_rows(qtbot):
    import time
    import types

    from PySide6.QtWidgets import QHeaderView, QTableView

    listing = _BigListing(500_000)
    model = ResidentTableModel(types.SimpleNamespace(listing=listing))
    started = time.perf_counter()
    model.set_filter()
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setModel(model)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.wait(50)
    assert time.perf_counter() - started < 3
    assert model.rowCount() == 500_000
    assert model.index(499_999, 0).data() == "居民500000"
    assert listing.requested <= 4 * PAGE_SIZE  # only the visible pages were read
