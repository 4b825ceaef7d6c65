"""The import's fast path gives exactly what check_fields gives, or steps aside."""
from __future__ import annotations

import datetime as _dt
import random

from neighbourhood.excel.fastcheck import quick_fields
from neighbourhood.idnumbers import check_char
from neighbourhood.residents import check_fields

TODAY = _dt.date(2026, 11, 23)


def _id(rng: random.Random) -> str:
    area = rng.choice(["110105", "370102", "990101", "440305"])
    born = rng.choice(["19491231", "19000101", "18991231", "20261124", "20260230", "19850615"])
    body = area + born + f"{rng.randrange(1000):03d}"
    tail = check_char(body) if rng.random() < 0.8 else rng.choice("0123456789X")
    number = body + tail
    return rng.choice([number, number, number.lower(), " " + number, number[:17], number + "1",
                       "１" + number[1:], f"'{number}", number[:15] + "000"])


def _row(rng: random.Random) -> dict:
    row = {"name": rng.choice(["王伟", " 李娜 ", "", None, "张" * 31, "欧阳娜娜"])}
    if rng.random() < 0.9:
        row["id_number"] = _id(rng) if rng.random() < 0.9 else rng.choice([None, "", 1.1e17])
    for field in ("sex", "relation", "ethnicity", "residence_status"):
        if rng.random() < 0.7:
            row[field] = rng.choice({"sex": ["男", "女", "", "M"], "relation": ["户主", "配偶", "妻子", None],
                                     "ethnicity": ["汉族", "汉", None],
                                     "residence_status": ["户籍", "流动", "暂住"]}[field])
    for field in ("birth_date", "permit_start", "permit_end"):
        if rng.random() < 0.5:
            row[field] = rng.choice(["1949-12-31", "1985-06-15", "2030-01-01", "2024-02-30", "2024/1/5",
                                     "2024-01", None, "", "2024-03-01", "2023-03-01"])
    if rng.random() < 0.8:
        row["phone"] = rng.choice(["13800138000", "12800138000", "138 0013 8000", "0531-88888888",
                                   "1380013800", "", None, 13800138000, "１３８００１３８０００"])
    if rng.random() < 0.3:
        row["notes"] = rng.choice(["  低保户 ", "", None])
    return row


def test_fast_path_matches_check_fields_or_steps_aside():
    rng = random.Random(11)
    taken = 0
    for _ in range(20_000):
        row = _row(rng)
        fast = quick_fields(row, TODAY.isoformat())
        clean, problems = check_fields(row, today=TODAY)
        if fast is not None:
            taken += 1
            assert not problems, (row, problems)
            assert fast == clean, row
    assert taken > 100            # valid rows among the messy ones do take the fast path


def test_clean_rows_take_the_fast_path():
    body = "11010519850615002"
    row = {"name": "王伟", "id_number": body + check_char(body), "phone": "13800138000",
           "relation": "户主", "birth_date": None}
    assert quick_fields(row, TODAY.isoformat()) == check_fields(row, today=TODAY)[0]
    assert quick_fields(row, TODAY.isoformat())["sex"] == "女"


def test_column_check_matches_the_row_check():
    from neighbourhood.excel.fastcheck import quick_columns

    rng = random.Random(5)
    fields = ["name", "id_number", "sex", "relation", "ethnicity", "residence_status", "birth_date",
              "permit_start", "permit_end", "phone", "notes"]
    taken = 0
    for _ in range(40):
        keys = ["name"] + rng.sample(fields[1:], rng.randrange(0, len(fields)))
        rows = [{k: _row(rng).get(k) for k in keys} for _ in range(300)]
        rows[0]["name"] = True if "name" in rows[0] else None       # equal to 1: still its own value
        columns = {k: [row[k] for row in rows] for k in keys}
        expected = [quick_fields(row, TODAY.isoformat()) for row in rows]
        got = quick_columns(columns, TODAY.isoformat())
        assert got == expected
        assert [list(g) if g else g for g in got] == [list(e) if e else e for e in expected]   # key order
        taken += sum(g is not None for g in got)
    assert taken > 100


def test_base_13_check_digit_matches_the_weights():
    from neighbourhood.excel.fastcheck import _id_parts

    rng = random.Random(2)
    for _ in range(3000):
        body = "110105" + f"{rng.randrange(1950, 2020)}0615" + "".join(rng.choice("0123456789") for _ in range(3))
        right = check_char(body)
        assert _id_parts(body + right, TODAY.isoformat(), {}) is not None
        wrong = rng.choice([c for c in "0123456789X" if c != right])
        assert _id_parts(body + wrong, TODAY.isoformat(), {}) is None
