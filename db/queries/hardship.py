"""Read queries of the hardship lists: categories, enrolments, events, assistance, counts.

Plain functions over a connection, run on the thread that owns the ledger.
Dates are ISO strings (text comparison); periods are half-open
``date_from <= d < date_to``.  Every list is one query (no per-row queries):
a community of 20k residents has a few thousand enrolments at most.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

LIVE = "deleted_at IS NULL"
OPEN_STATUSES = ("申请", "审核公示", "在册")


from db.queries import dicts as _dicts


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


# --- categories -----------------------------------------------------------------------

def categories(conn, *, include_inactive: bool = False) -> list[dict[str, Any]]:
    active = "" if include_inactive else " AND active = 1"
    return _dicts(conn.execute(
        f"SELECT * FROM hardship_categories WHERE {LIVE}{active} ORDER BY sort_no, code"))


def category(conn, key: str) -> dict[str, Any] | None:
    """A live category by id or code."""
    rows = _dicts(conn.execute(
        f"SELECT * FROM hardship_categories WHERE (id = ? OR code = ?) AND {LIVE}", (key, key)))
    return rows[0] if rows else None


def max_sort_no(conn) -> int:
    return conn.execute("SELECT coalesce(max(sort_no), 0) FROM hardship_categories").fetchone()[0]


def enrolled_counts(conn) -> dict[str, int]:
    """Current 在册 enrolments per category id (derived categories not included)."""
    return dict(conn.execute(
        f"""SELECT category_id, count(*) FROM hardship_enrolments
            WHERE {LIVE} AND status = '在册' GROUP BY category_id""").fetchall())


def derived_count(conn, born_on_or_before: str) -> int:
    return conn.execute(
        f"""SELECT count(*) FROM residents WHERE {LIVE} AND status = '在册'
            AND birth_date IS NOT NULL AND birth_date <= ?""", (born_on_or_before,)).fetchone()[0]


# --- enrolments -----------------------------------------------------------------------

# The subject's household is the enrolment's own (household lists) or the person's current one.
_HOUSEHOLD_OF = "coalesce(e.household_id, r.household_id)"

ENROLMENT_SELECT = f"""
SELECT e.*, c.code AS category_code, c.name AS category_name, c.applies_to, c.sort_no AS category_sort,
       {_HOUSEHOLD_OF} AS subject_household_id,
       CASE WHEN c.applies_to = 'household' THEN coalesce(hr.name, r.name) ELSE r.name END AS subject_name,
       CASE WHEN c.applies_to = 'household' THEN coalesce(hr.id_number, r.id_number)
            ELSE r.id_number END AS id_number,
       CASE WHEN c.applies_to = 'household' THEN coalesce(h.phone, hr.phone, r.phone)
            ELSE coalesce(r.phone, h.phone) END AS phone,
       r.sex AS sex, r.birth_date AS birth_date, r.status AS resident_status,
       b.name AS building_name, h.entrance AS entrance, h.unit AS unit,
       g.id AS grid_id, g.name AS grid_name,
       (SELECT count(*) FROM residents m WHERE m.household_id = h.id AND m.deleted_at IS NULL
          AND m.status = '在册') AS member_count
FROM hardship_enrolments e
JOIN hardship_categories c ON c.id = e.category_id
LEFT JOIN residents r ON r.id = e.resident_id
JOIN households h ON h.id = {_HOUSEHOLD_OF}
JOIN buildings b ON b.id = h.building_id
JOIN grids g ON g.id = b.grid_id
LEFT JOIN residents hr ON hr.id = h.head_resident_id
WHERE e.deleted_at IS NULL"""

_ORDER = " ORDER BY c.sort_no, g.sort_no, g.name, b.sort_no, b.name, h.entrance, length(h.unit), h.unit, e.applied_on"


def enrolment(conn, enrolment_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(ENROLMENT_SELECT + " AND e.id = ?", (enrolment_id,)))
    return rows[0] if rows else None


def enrolments(conn, *, category_id: str | None = None, grid_id: str | None = None,
               status: str | Sequence[str] | None = None, review_before: str | None = None,
               review_from: str | None = None, household_id: str | None = None,
               resident_id: str | None = None, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Enrolment rows with subject, address and grid, filtered; one query.

    ``review_before``/``review_from`` keep 在册 rows whose next review date is in
    ``[review_from, review_before)``.  ``household_id`` matches household lists of
    that household and person lists of its current members.
    """
    where: list[str] = []
    params: list[Any] = []
    if category_id:
        where.append("e.category_id = ?")
        params.append(category_id)
    if grid_id:
        where.append("g.id = ?")
        params.append(grid_id)
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        where.append(f"e.status IN ({_marks(statuses)})")
        params += statuses
    if review_before or review_from:
        where.append("e.status = '在册' AND e.next_review_date IS NOT NULL")
        if review_before:
            where.append("e.next_review_date < ?")
            params.append(review_before)
        if review_from:
            where.append("e.next_review_date >= ?")
            params.append(review_from)
    if household_id:
        where.append(f"{_HOUSEHOLD_OF} = ?")
        params.append(household_id)
    if resident_id:
        where.append("e.resident_id = ?")
        params.append(resident_id)
    if ids is not None:
        id_list = list(ids)
        if not id_list:
            return []
        where.append(f"e.id IN ({_marks(id_list)})")
        params += id_list
    sql = ENROLMENT_SELECT + "".join(f" AND {w}" for w in where) + _ORDER
    return _dicts(conn.execute(sql, params))


def open_enrolment(conn, category_id: str, *, household_id: str | None,
                   resident_id: str | None) -> dict[str, Any] | None:
    """The subject's enrolment in the category that is still open (申请/审核公示/在册)."""
    if resident_id and not household_id:
        subject, value = "resident_id = ?", resident_id
    else:
        subject, value = "household_id = ?", household_id
    rows = _dicts(conn.execute(
        f"""SELECT * FROM hardship_enrolments WHERE category_id = ? AND {subject} AND {LIVE}
            AND status IN ({_marks(OPEN_STATUSES)})""", (category_id, value, *OPEN_STATUSES)))
    return rows[0] if rows else None


def subject_enrolment_ids(conn, category_id: str, *, household_id: str | None,
                          resident_id: str | None) -> list[str]:
    """Every period (enrolment) of one subject on one list, oldest first."""
    if household_id:
        subject, value = "household_id = ?", household_id
    else:
        subject, value = "resident_id = ? AND household_id IS NULL", resident_id
    return [r[0] for r in conn.execute(
        f"""SELECT id FROM hardship_enrolments WHERE category_id = ? AND {subject} AND {LIVE}
            ORDER BY applied_on, created_at""", (category_id, value))]


def derived_rows(conn, *, born_on_or_before: str, grid_id: str | None = None,
                 household_id: str | None = None) -> list[dict[str, Any]]:
    """Live residents born on or before the date (高龄老人), with address and grid."""
    where, params = ["r.deleted_at IS NULL", "r.status = '在册'", "r.birth_date IS NOT NULL",
                     "r.birth_date <= ?"], [born_on_or_before]
    if grid_id:
        where.append("g.id = ?")
        params.append(grid_id)
    if household_id:
        where.append("r.household_id = ?")
        params.append(household_id)
    return _dicts(conn.execute(
        f"""SELECT r.id AS resident_id, r.household_id AS subject_household_id, r.name AS subject_name,
                   r.id_number, coalesce(r.phone, h.phone) AS phone, r.sex, r.birth_date,
                   r.status AS resident_status, b.name AS building_name, h.entrance, h.unit,
                   g.id AS grid_id, g.name AS grid_name
            FROM residents r JOIN households h ON h.id = r.household_id
            JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
            WHERE {' AND '.join(where)}
            ORDER BY g.sort_no, g.name, b.sort_no, b.name, h.entrance, length(h.unit), h.unit, r.birth_date""",
        params))


def events(conn, enrolment_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not enrolment_ids:
        return []
    return _dicts(conn.execute(
        f"""SELECT * FROM hardship_events WHERE enrolment_id IN ({_marks(enrolment_ids)}) AND {LIVE}
            ORDER BY event_date, created_at""", list(enrolment_ids)))


# --- assistance ------------------------------------------------------------------------

ASSISTANCE_FROM = """
FROM hardship_assistance a
LEFT JOIN hardship_enrolments e ON e.id = a.enrolment_id
LEFT JOIN hardship_categories c ON c.id = e.category_id
JOIN households h ON h.id = a.household_id
JOIN buildings b ON b.id = h.building_id
JOIN grids g ON g.id = b.grid_id
LEFT JOIN residents r ON r.id = a.resident_id
LEFT JOIN residents hr ON hr.id = h.head_resident_id
WHERE a.deleted_at IS NULL"""

ASSISTANCE_SELECT = """
SELECT a.*, c.code AS category_code, coalesce(r.name, hr.name) AS recipient_name,
       b.name AS building_name, h.entrance AS entrance, h.unit AS unit, g.id AS grid_id, g.name AS grid_name
""" + ASSISTANCE_FROM


def _assistance_where(*, date_from: str | None, date_to: str | None, category_id: str | None = None,
                      source: str | None = None, kind: str | None = None, grid_id: str | None = None,
                      household_id: str | None = None, enrolment_ids: Sequence[str] | None = None
                      ) -> tuple[str, list[Any]]:
    where, params = [], []
    for clause, value in (("a.given_on >= ?", date_from), ("a.given_on < ?", date_to),
                          ("e.category_id = ?", category_id), ("a.source = ?", source),
                          ("a.kind = ?", kind), ("g.id = ?", grid_id), ("a.household_id = ?", household_id)):
        if value:
            where.append(clause)
            params.append(value)
    if enrolment_ids is not None:
        where.append(f"a.enrolment_id IN ({_marks(enrolment_ids) or 'NULL'})")
        params += list(enrolment_ids)
    return "".join(f" AND {w}" for w in where), params


def assistance(conn, *, date_from: str | None = None, date_to: str | None = None,
               category_id: str | None = None, source: str | None = None, kind: str | None = None,
               grid_id: str | None = None, household_id: str | None = None,
               enrolment_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    where, params = _assistance_where(date_from=date_from, date_to=date_to, category_id=category_id,
                                      source=source, kind=kind, grid_id=grid_id,
                                      household_id=household_id, enrolment_ids=enrolment_ids)
    return _dicts(conn.execute(ASSISTANCE_SELECT + where + " ORDER BY a.given_on DESC, a.created_at DESC",
                               params))


def assistance_one(conn, assistance_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(ASSISTANCE_SELECT + " AND a.id = ?", (assistance_id,)))
    return rows[0] if rows else None


_TOTAL_KEYS = {"category": "coalesce(c.code, '')", "source": "a.source", "kind": "a.kind",
               "month": "substr(a.given_on, 1, 7)", "all": "''"}


def assistance_totals(conn, *, by: str, date_from: str | None = None, date_to: str | None = None,
                      category_id: str | None = None, source: str | None = None,
                      grid_id: str | None = None) -> list[dict[str, Any]]:
    """Rows ``{key, count, households, amount_fen}`` grouped by category/source/kind/month/all."""
    key = _TOTAL_KEYS[by]
    where, params = _assistance_where(date_from=date_from, date_to=date_to, category_id=category_id,
                                      source=source, grid_id=grid_id)
    return _dicts(conn.execute(
        f"""SELECT {key} AS key, count(*) AS count, count(DISTINCT a.household_id) AS households,
                   coalesce(sum(a.amount_fen), 0) AS amount_fen
            {ASSISTANCE_FROM}{where}
            GROUP BY {key} ORDER BY {key}""", params))


# --- counts for the monthly report ---------------------------------------------------------

def period_counts(conn, *, date_from: str, date_to: str, grid_id: str | None = None) -> list[dict[str, Any]]:
    """Per non-derived category, for ``[date_from, date_to)``:

    ``enrolled``/``enrolled_persons``/``enrolled_households`` at period end, ``new``/``new_persons``
    (became 在册), ``exited``/``exited_persons`` (退出), ``applied``, ``refused``, ``reviews_done``
    (年审 events), ``reviews_due`` (在册 at end, next review before the period end).
    Persons of a household list are its 保障人数 (else its live members).
    """
    grid = " AND g.id = :grid" if grid_id else ""
    sql = f"""
    WITH en AS (
        SELECT e.*, c.applies_to, {_HOUSEHOLD_OF} AS hh,
               CASE WHEN c.applies_to = 'person' THEN 1
                    ELSE coalesce(e.covered_count,
                                  (SELECT count(*) FROM residents m WHERE m.household_id = e.household_id
                                     AND m.deleted_at IS NULL AND m.status = '在册')) END AS persons,
               (e.enrolled_on IS NOT NULL AND e.enrolled_on < :to
                  AND (e.exited_on IS NULL OR e.exited_on >= :to)) AS at_end,
               (e.enrolled_on >= :from AND e.enrolled_on < :to) AS is_new,
               (e.status = '退出' AND e.exited_on >= :from AND e.exited_on < :to) AS is_exit
        FROM hardship_enrolments e JOIN hardship_categories c ON c.id = e.category_id
        LEFT JOIN residents r ON r.id = e.resident_id
        JOIN households h ON h.id = {_HOUSEHOLD_OF}
        JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id
        WHERE e.deleted_at IS NULL{grid}
    )
    SELECT c.id AS category_id, c.code, c.name, c.applies_to,
           coalesce(sum(e.at_end), 0) AS enrolled,
           coalesce(sum(CASE WHEN e.at_end THEN e.persons END), 0) AS enrolled_persons,
           count(DISTINCT CASE WHEN e.at_end THEN e.hh END) AS enrolled_households,
           coalesce(sum(e.is_new), 0) AS new,
           coalesce(sum(CASE WHEN e.is_new THEN e.persons END), 0) AS new_persons,
           count(DISTINCT CASE WHEN e.is_new THEN e.hh END) AS new_households,
           coalesce(sum(e.is_exit), 0) AS exited,
           coalesce(sum(CASE WHEN e.is_exit THEN e.persons END), 0) AS exited_persons,
           count(DISTINCT CASE WHEN e.is_exit THEN e.hh END) AS exited_households,
           coalesce(sum(e.applied_on >= :from AND e.applied_on < :to), 0) AS applied,
           coalesce(sum(e.status = '不予通过' AND e.exited_on >= :from AND e.exited_on < :to), 0) AS refused,
           coalesce(sum(e.at_end AND e.status = '在册' AND e.next_review_date < :to), 0) AS reviews_due,
           (SELECT count(*) FROM hardship_events v JOIN en AS ee ON ee.id = v.enrolment_id
              WHERE ee.category_id = c.id AND v.kind = '年审' AND v.deleted_at IS NULL
                AND v.event_date >= :from AND v.event_date < :to) AS reviews_done
    FROM hardship_categories c LEFT JOIN en AS e ON e.category_id = c.id
    WHERE c.deleted_at IS NULL AND c.derived = 0
    GROUP BY c.id ORDER BY c.sort_no, c.code"""
    params: dict[str, Any] = {"from": date_from, "to": date_to}
    if grid_id:
        params["grid"] = grid_id
    return _dicts(conn.execute(sql, params))


def derived_period_counts(conn, *, born_before_end: str, born_from_start: str,
                          date_from: str, date_to: str, grid_id: str | None = None) -> dict[str, int]:
    """Residents of a derived (age) list: at period end, turned the age in the period, left/died in it.

    ``born_before_end``: birth dates before it reach the age by the period end;
    ``born_from_start``: and from it, they reached it within the period.
    """
    grid = " AND b.grid_id = :grid" if grid_id else ""
    row = conn.execute(
        f"""SELECT
              coalesce(sum(r.birth_date < :end AND (r.status = '在册' OR r.status_date >= :to)), 0),
              count(DISTINCT CASE WHEN r.birth_date < :end AND (r.status = '在册' OR r.status_date >= :to)
                                  THEN r.household_id END),
              coalesce(sum(r.birth_date < :end AND r.birth_date >= :start
                           AND (r.status = '在册' OR r.status_date >= :to)), 0),
              coalesce(sum(r.birth_date < :end AND r.status <> '在册'
                           AND r.status_date >= :from AND r.status_date < :to), 0)
            FROM residents r JOIN households h ON h.id = r.household_id
            JOIN buildings b ON b.id = h.building_id
            WHERE r.deleted_at IS NULL AND r.birth_date IS NOT NULL{grid}""",
        {"end": born_before_end, "start": born_from_start, "from": date_from, "to": date_to,
         **({"grid": grid_id} if grid_id else {})}).fetchone()
    return {"enrolled": row[0], "enrolled_persons": row[0], "enrolled_households": row[1],
            "new": row[2], "new_persons": row[2], "exited": row[3], "exited_persons": row[3]}


# --- groups (visit rules) ------------------------------------------------------------------

GROUP_ENROLLED_SQL = f"""
SELECT DISTINCT h.id FROM hardship_enrolments e
LEFT JOIN residents r ON r.id = e.resident_id
JOIN households h ON h.id = {_HOUSEHOLD_OF}
WHERE e.category_id = ? AND e.deleted_at IS NULL AND e.status = '在册' AND e.enrolled_on <= ?
  AND h.deleted_at IS NULL AND h.status = '在册'
  AND (e.household_id IS NOT NULL OR (r.deleted_at IS NULL AND r.status = '在册'))"""

GROUP_DERIVED_SQL = """
SELECT DISTINCT m.household_id FROM residents m JOIN households h ON h.id = m.household_id
WHERE m.deleted_at IS NULL AND m.status = '在册' AND m.birth_date IS NOT NULL AND m.birth_date <= ?
  AND h.deleted_at IS NULL AND h.status = '在册'"""


def group_categories(conn) -> list[tuple[str, str, str, int, int | None]]:
    """(id, code, name, derived, min_age) of live categories; [] before the migration."""
    try:
        return [tuple(r) for r in conn.execute(
            f"SELECT id, code, name, derived, min_age FROM hardship_categories WHERE {LIVE} ORDER BY sort_no")]
    except Exception:  # a connection to a database without the table (older file, other tests)
        return []
