"""Read queries for the monthly report (月报): population and its changes in a period.

Plain functions over a connection (the ledger's thread).  Dates are ISO
strings; periods are half-open, ``date_from <= d < date_to``.  ``grid_id``
scopes by the grid of the resident's (current) household.
"""
from __future__ import annotations

from typing import Any

LIVE = "deleted_at IS NULL"

_SCOPE = """JOIN households h ON h.id = r.household_id
            JOIN buildings b ON b.id = h.building_id"""

# Kinds that bring a person into the community: when dated on/after the period end the
# person was not yet here then.  (登记 is the first entry of someone already living here.)
ARRIVALS = ("迁入", "出生")


def population(conn, *, date_to: str, grid_id: str | None = None) -> dict[str, Any]:
    """Residents at the end of the period (before ``date_to``) by residence status, and
    households now 在册 in scope.

    A resident counts when not arrived (迁入/出生) on or after ``date_to`` and not
    迁出/死亡 before ``date_to``.
    """
    grid_sql = " AND b.grid_id = ?" if grid_id else ""
    grid_args: tuple[Any, ...] = (grid_id,) if grid_id else ()
    # Late arrivals are few: found from the events of the period's end onwards (date index),
    # then excluded as one set, instead of a correlated lookup per resident.
    rows = conn.execute(f"""
        WITH late AS (
            SELECT e.resident_id FROM resident_events e
            WHERE e.{LIVE} AND e.kind IN ('迁入', '出生') AND e.event_date >= ?
              AND NOT EXISTS (SELECT 1 FROM resident_events p
                              WHERE p.resident_id = e.resident_id AND p.{LIVE} AND p.event_date < ?))
        SELECT r.residence_status, count(*) FROM residents r {_SCOPE}
        WHERE r.{LIVE}{grid_sql}
          AND (r.status = '在册' OR r.status_date IS NULL OR r.status_date >= ?)
          AND r.id NOT IN (SELECT resident_id FROM late)
        GROUP BY r.residence_status""", (date_to, date_to, *grid_args, date_to)).fetchall()
    by_status = {status or "户籍": n for status, n in rows}
    households = conn.execute(f"""
        SELECT count(*) FROM households h JOIN buildings b ON b.id = h.building_id
        WHERE h.{LIVE} AND h.status = '在册'{grid_sql}""", grid_args).fetchone()[0]
    return {"households": households, "by_status": by_status}


def event_counts(conn, *, date_from: str, date_to: str, grid_id: str | None = None) -> dict[str, int]:
    """Resident events (登记/迁入/出生/迁出/死亡/户间迁移/分户…) per kind in the period."""
    grid_sql = " AND b.grid_id = ?" if grid_id else ""
    rows = conn.execute(f"""
        SELECT e.kind, count(*) FROM resident_events e
        JOIN residents r ON r.id = e.resident_id {_SCOPE}
        WHERE e.{LIVE} AND r.{LIVE} AND e.event_date >= ? AND e.event_date < ?{grid_sql}
        GROUP BY e.kind""", (date_from, date_to, *((grid_id,) if grid_id else ()))).fetchall()
    return {kind: n for kind, n in rows}


def visits_per_month(conn, *, date_from: str, date_to: str) -> dict[str, int]:
    """Real visits (not 未遇 attempts) per month 'YYYY-MM' in the period."""
    rows = conn.execute(f"""
        SELECT substr(visit_date, 1, 7), count(*) FROM visits
        WHERE {LIVE} AND nobody_home = 0 AND visit_date >= ? AND visit_date < ?
        GROUP BY 1""", (date_from, date_to)).fetchall()
    return {month: n for month, n in rows}
