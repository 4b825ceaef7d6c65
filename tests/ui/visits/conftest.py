"""The visits screens' test world: two grids, five households, a grid worker signed in."""
from __future__ import annotations

import datetime as _dt

import pytest

from neighbourhood.access import GRID_WORKER, Access

TODAY = _dt.date(2026, 3, 11)


@pytest.fixture
def world(ledger):
    """Two grids; grid 1 has four households (one visited recently), grid 2 one."""
    ledger.visits.today = lambda: TODAY
    g1 = ledger.grids.add(name="第一网格", worker_name="李娜").id
    g2 = ledger.grids.add(name="第二网格", worker_name="王建国").id
    b1 = ledger.buildings.add(grid_id=g1, name="1栋").id
    b2 = ledger.buildings.add(grid_id=g2, name="2栋").id
    homes = []
    for unit, name, born in (("101", "张伟", "1980-01-01"), ("102", "王秀英", "1940-01-01"),
                             ("103", "刘芳", "1985-05-05"), ("104", "陈强", "1990-03-03")):
        hid = ledger.households.add(building_id=b1, unit=unit).id
        ledger.residents.add(household_id=hid, name=name, sex="男", birth_date=born, relation="户主")
        homes.append(hid)
    far = ledger.households.add(building_id=b2, unit="201").id
    ledger.residents.add(household_id=far, name="赵磊", sex="男", birth_date="1970-01-01", relation="户主")
    worker = ledger.users.add(username="grid1", display_name="李娜", password="demo1234", role=GRID_WORKER,
                              grid_ids=[g1]).id
    ledger.visits.record(household_id=homes[3], visit_date="2026-03-10",
                         visitors=[dict(name="李娜", role="网格员")], needs=[dict(what="修灯")])
    ledger.visits.record(household_id=homes[3], visit_date="2026-03-05", nobody_home=True,
                         visitors=[dict(name="李娜", role="网格员")])
    ledger.visits.record(household_id=homes[0], visit_date="2025-03-01",
                         visitors=[dict(name="李娜", role="网格员")])
    ledger.access = Access(role=GRID_WORKER, user_id=worker, username="grid1", display_name="李娜",
                           grid_ids=frozenset({g1}))
    return dict(ledger=ledger, g1=g1, g2=g2, homes=homes, far=far)
