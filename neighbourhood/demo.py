"""A realistic demo community (阳光社区): 3 grids, ~60 buildings, ~2,000 households,
~5,000 residents with valid ID numbers.  Deterministic for a given seed.

Goes through the services (validation, audit) in one transaction, so the demo
exercises the same path as real work.
"""
from __future__ import annotations

import datetime as _dt
import pathlib
import random
from typing import Callable

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃单")
MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林国建志文博海东峰成亮"
FEMALE = "芳娜敏静丽艳娟霞秀英华慧巧美娅雪琳玲颖倩婷佳欣怡悦晶琴云莉萍红梅兰凤洁琳璐"
AREA_CODES = ("370102", "370103", "370104", "370105", "370112", "370181", "371302", "410105", "320106")
DEMO_PASSWORD = "demo1234"
DEMO_VERSION = 4  # bump when the generated content changes (the cached copy is rebuilt)
STREETS = ("和平路", "文化东路", "解放路", "历山路", "山大路")
HUKOU_ELSEWHERE = ("济南市历下区", "济南市槐荫区", "济南市天桥区")


def _id_number(rng: random.Random, born: _dt.date, male: bool) -> str:
    from neighbourhood.idnumbers import check_char

    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    body = f"{rng.choice(AREA_CODES)}{born:%Y%m%d}{seq:03d}"
    return body + check_char(body)


def _name(rng: random.Random, male: bool) -> str:
    given = MALE if male else FEMALE
    return rng.choice(SURNAMES) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2))))


def _birth(rng: random.Random, age_from: int, age_to: int, today: _dt.date) -> _dt.date:
    days = rng.randrange(age_from * 365, age_to * 365 + 1)
    return today - _dt.timedelta(days=days)


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randrange(0, 10**9):09d}"


def populate(ledger, *, households: int = 2000, seed: int = 7,
             progress: Callable[[int, int], None] | None = None, today: _dt.date | None = None) -> dict[str, int]:
    """Fill an open, empty ledger; returns counts.  One transaction."""
    rng = random.Random(seed)
    today = today or _dt.date.today()
    n_buildings = max(3, round(households / 33))
    per_building = households / n_buildings
    used_ids: set[str] = set()
    made = {"grids": 0, "buildings": 0, "households": 0, "residents": 0}
    with ledger.operation("生成演示数据"):
        ledger.community.set("community_name", "阳光社区")
        ledger.community.set("street_office", "城关街道")
        grids = []
        workers = (("李娜", "13905310001"), ("王建国", "13905310002"), ("赵敏", "13905310003"))
        for i, (worker, phone) in enumerate(workers):
            grids.append(ledger.grids.add(name=f"第{'一二三'[i]}网格", code=f"G{i + 1:02d}",
                                          worker_name=worker, worker_phone=phone, sort_no=i))
            made["grids"] += 1
        # Demo accounts (password DEMO_PASSWORD): director, staff, and a grid worker per grid.
        ledger.users.create_admin(username="admin", display_name="王书记", password=DEMO_PASSWORD)
        ledger.users.add(username="zhangmin", display_name="张敏", password=DEMO_PASSWORD, role="staff")
        for i, grid in enumerate(grids):
            ledger.users.add(username=f"grid{i + 1}", display_name=grid.worker_name or f"网格员{i + 1}",
                             password=DEMO_PASSWORD, role="grid_worker", grid_ids=[grid.id])
        households_done = 0
        for b in range(n_buildings):
            grid = grids[b * len(grids) // n_buildings]
            building = ledger.buildings.add(
                grid_id=grid.id, name=f"{b + 1}栋", sort_no=b,
                address=f"{rng.choice(STREETS)}{100 + b * 2}号",
                leader_name=_name(rng, rng.random() < 0.5), leader_phone=_phone(rng),
                floors=rng.choice((6, 6, 7, 11, 18)))
            made["buildings"] += 1
            target = round(per_building * (b + 1)) - households_done
            entrances = 2 if target <= 24 else 3
            for k in range(target):
                entrance = str(k % entrances + 1)
                floor = k // (entrances * 2) + 1
                unit = f"{floor}0{k // entrances % 2 + 1}"
                separated = rng.choices((None, "人在户不在", "户在人不在"), (94, 3, 3))[0]
                household = ledger.households.add(
                    building_id=building.id, entrance=entrance, unit=unit, separated=separated,
                    housing_type=rng.choices(("自有住房", "租赁", "公租房"), (80, 15, 5))[0])
                made["households"] += 1
                households_done += 1
                for resident in _family(rng, today):
                    if separated == "人在户不在" and resident.get("residence_status") is None:
                        # lives here, 户口 elsewhere in the city (not a migrant): 常住, not 户籍
                        resident.update(residence_status="常住",
                                        hukou_address=HUKOU_ELSEWHERE[households_done % len(HUKOU_ELSEWHERE)])
                    born = _dt.date.fromisoformat(resident["birth_date"])
                    while True:
                        resident["id_number"] = _id_number(rng, born, resident["sex"] == "男")
                        if resident["id_number"] not in used_ids:
                            break
                    used_ids.add(resident["id_number"])
                    ledger.residents.add(household_id=household.id, **resident)
                    made["residents"] += 1
                if progress:
                    progress(households_done, households)
        from neighbourhood.demo_activity import add_activity
        made.update(add_activity(ledger, rng, today))
    return made


def _family(rng: random.Random, today: _dt.date) -> list[dict]:
    """One household's members, head first."""
    kind = rng.choices(("single_old", "couple_old", "family", "young", "migrant"), (10, 18, 52, 12, 8))[0]
    members: list[dict] = []

    def person(relation: str, male: bool, age_from: int, age_to: int, **extra) -> dict:
        born = _birth(rng, age_from, age_to, today)
        entry = dict(name=_name(rng, male), sex="男" if male else "女", birth_date=born.isoformat(),
                     relation=relation, ethnicity=rng.choices(("汉族", "回族", "满族"), (95, 3, 2))[0],
                     political_status=rng.choices(("群众", "中共党员", "共青团员"), (84, 8, 8))[0]
                     if age_from >= 18 else None)
        if age_from >= 18:
            entry["phone"] = _phone(rng)
        entry.update(extra)
        return entry

    head_male = rng.random() < 0.6
    if kind == "single_old":
        members.append(person("户主", head_male, 70, 92, employment="退休"))
    elif kind == "couple_old":
        members.append(person("户主", head_male, 62, 88, employment="退休"))
        members.append(person("配偶", not head_male, 60, 85, employment="退休"))
    elif kind in ("family", "young"):
        members.append(person("户主", head_male, 28, 58, employment="在职"))
        if rng.random() < 0.85:
            members.append(person("配偶", not head_male, 26, 56, employment=rng.choice(("在职", "灵活就业"))))
        children = rng.choice((0, 1, 1, 2)) if kind == "family" else rng.choice((0, 1))
        for _ in range(children):
            members.append(person("子女", rng.random() < 0.5, 1, 17, employment="在校学生"))
        if kind == "family" and rng.random() < 0.25:
            members.append(person("父母", rng.random() < 0.5, 60, 90, employment="退休"))
    else:
        start = today - _dt.timedelta(days=rng.randrange(30, 700))
        extra = dict(residence_status="流动", permit_start=start.isoformat(),
                     permit_end=(start + _dt.timedelta(days=365)).isoformat(),
                     hukou_address=rng.choice(("河南省郑州市", "安徽省阜阳市", "河北省邯郸市")), employment="在职")
        members.append(person("户主", head_male, 22, 50, **extra))
        if rng.random() < 0.5:
            members.append(person("配偶", not head_male, 22, 48, **extra))
    return members


def build_demo(path: pathlib.Path, *, households: int = 2000, seed: int = 7,
               progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Create a demo database at ``path`` (must not exist)."""
    from neighbourhood.ledger import Ledger

    with Ledger.open(path) as ledger:
        return populate(ledger, households=households, seed=seed, progress=progress)


def cached_demo(path: pathlib.Path, *, households: int = 2000, seed: int = 7,
                progress: Callable[[int, int], None] | None = None) -> pathlib.Path:
    """Put a demo database at ``path``, copying today's cached build when there is one.

    Building 2,000 households through the audited services takes several
    seconds; ``--demo`` should open at once the second time.  The cache is
    keyed by schema version, size, seed and date (ages depend on the day).
    """
    import shutil

    from db.migrations import HEAD
    from neighbourhood.paths import cache_dir

    cache = cache_dir() / f"demo-v{HEAD}.{DEMO_VERSION}-{households}-{seed}-{_dt.date.today():%Y%m%d}.db"
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        for stale in cache.parent.glob("demo-v*.db"):
            stale.unlink(missing_ok=True)
        tmp = cache.with_suffix(".building")
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        build_demo(tmp, households=households, seed=seed, progress=progress)
        tmp.replace(cache)
    shutil.copyfile(cache, path)
    return path
