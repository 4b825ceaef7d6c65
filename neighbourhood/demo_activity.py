"""Work a committee would have on record in the demo: visits, hardship lists,
meetings with action items, needs and suggestions.  Deterministic per seed.

Everything goes through the services, inside the demo's one operation.
"""
from __future__ import annotations

import datetime as _dt
import random
from typing import Any

SITUATIONS = ("家中整洁，身体状况良好", "老人行动不便，子女每周探望", "家中有病人，需要长期照护",
              "独自居住，精神状态良好", "房屋老旧，楼道照明不足")
REQUESTS = ("希望协调助餐服务", "反映楼道灯不亮", "咨询低保申请条件", "希望安排上门理发", None, None)


def _review(rng: random.Random, today: _dt.date) -> str:
    """Most reviews are ahead; a few are due this month or a little late, as in real lists."""
    return (today + _dt.timedelta(days=rng.choice((-12, -3, 9, 20)) if rng.random() < 0.12
                                  else rng.randrange(31, 330))).isoformat()


def add_activity(ledger, rng: random.Random, today: _dt.date) -> dict[str, int]:
    made = {"visits": 0, "enrolments": 0, "meetings": 0, "needs": 0}
    conn = ledger.conn
    households = [r for r in conn.execute(
        "SELECT h.id, b.grid_id, (SELECT count(*) FROM residents m WHERE m.household_id = h.id) "
        "FROM households h JOIN buildings b ON b.id = h.building_id ORDER BY h.rowid")]
    workers = {grid_id: (user_id, name) for user_id, name, grid_id in conn.execute(
        "SELECT u.id, u.display_name, ug.grid_id FROM users u JOIN user_grids ug ON ug.user_id = u.id")}

    # Hardship lists: ~4% 低保, ~1% 特困, ~1.5% residents with a disability certificate.
    for household_id, _grid, members in households:
        roll = rng.random()
        if roll < 0.04:
            enrolled = today - _dt.timedelta(days=rng.randrange(60, 900))
            ledger.hardship.enrol(category="低保", household_id=household_id, status="在册", on=enrolled,
                                  covered_count=members, monthly_amount_fen=rng.choice((56000, 68000, 85000)) * members // 2,
                                  start_month=enrolled.strftime("%Y-%m"), support_mode="差额",
                                  certificate_no=f"DB{rng.randrange(10**6):06d}",
                                  next_review_date=_review(rng, today))
            made["enrolments"] += 1
        elif roll < 0.05:
            enrolled = today - _dt.timedelta(days=rng.randrange(60, 900))
            head = conn.execute("SELECT head_resident_id FROM households WHERE id = ?",
                                (household_id,)).fetchone()[0]
            if head is None:
                continue
            ledger.hardship.enrol(category="特困供养", resident_id=head, status="在册", on=enrolled,
                                  covered_count=1, monthly_amount_fen=112000,
                                  start_month=enrolled.strftime("%Y-%m"), next_review_date=_review(rng, today),
                                  extra={"self_care": "半失能", "support_setting": "分散"})
            made["enrolments"] += 1
    for (resident_id,) in conn.execute(
            "SELECT id FROM residents WHERE status = '在册' ORDER BY rowid").fetchall():
        if rng.random() < 0.015:
            ledger.hardship.enrol(category="残疾", resident_id=resident_id, status="在册",
                                  on=today - _dt.timedelta(days=rng.randrange(30, 1500)),
                                  next_review_date=_review(rng, today),
                                  extra={"cert_no": f"CJ{rng.randrange(10**8):08d}",
                                         "disability_type": rng.choice(("肢体", "视力", "听力", "智力")),
                                         "grade": rng.randint(1, 4)})
            made["enrolments"] += 1

    # Visits by each grid's worker over the last four months.
    for household_id, grid_id, _members in households:
        if grid_id not in workers or rng.random() > 0.45:
            continue
        user_id, name = workers[grid_id]
        for _ in range(rng.choice((1, 1, 2, 3))):
            day = today - _dt.timedelta(days=rng.randrange(0, 120))
            nobody = rng.random() < 0.08
            request = None if nobody else rng.choice(REQUESTS)
            ledger.visits.record(
                household_id=household_id, visitors=[{"name": name, "role": "网格员", "user_id": user_id}],
                visit_date=day, visit_type=rng.choice(("日常走访", "日常走访", "独居老人探访", "政策宣传")),
                nobody_home=nobody, situation=None if nobody else rng.choice(SITUATIONS),
                requests=request)
            made["visits"] += 1
            if request and rng.random() < 0.5:
                need = ledger.needs.add(kind="困难需求", content=request, channel="走访",
                                        household_id=household_id, received_date=day, handler=name)
                made["needs"] += 1
                if rng.random() < 0.6:
                    ledger.needs.advance(need.id, step="办结", on=min(today, day + _dt.timedelta(days=7)),
                                         content="已协调解决", handler=name)

    # Meetings: a staff meeting each month, a residents' council, a joint party-building meeting.
    plans = [("居委会例会", "十一月居委会例会", 10), ("居民议事会", "关于加装电梯的居民议事会", 25),
             ("党建联席会议", "第四季度党建联席会议", 40), ("居委会例会", "十月居委会例会", 45)]
    for kind, title, days_ago in plans:
        day = today - _dt.timedelta(days=days_ago)
        ledger.meetings.add(
            type=kind, title=title, meeting_date=day, start_time="09:00", end_time="10:30",
            place="社区党群服务中心二楼会议室", host="王书记", recorder="张敏",
            attendees=[{"name": "王书记"}, {"name": "张敏"}, {"name": "李娜"},
                       {"name": "赵敏", "status": "缺席", "absence_reason": "入户走访"}],
            agenda=[{"title": "本月走访情况通报", "discussion": "各网格汇报走访完成情况。",
                     "decision": "未走访的独居老人本周内全部走访到位。",
                     "action_items": [{"what": "完成独居老人走访", "owner": "李娜",
                                       "due_date": (day + _dt.timedelta(days=7)).isoformat()}]},
                    {"title": "楼道照明维修", "discussion": "居民反映多处楼道灯不亮。",
                     "decision": "联系物业一周内修复。",
                     "action_items": [{"what": "联系物业维修楼道灯", "owner": "张敏",
                                       "due_date": (day + _dt.timedelta(days=14)).isoformat()}]}])
        made["meetings"] += 1
    ledger.needs.add(kind="建言献策", content="建议在小区增设电动车充电桩", channel="议事会", anonymous=True,
                     received_date=today - _dt.timedelta(days=25))
    made["needs"] += 1
    return made
