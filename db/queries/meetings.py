"""Read queries of meetings, action items, needs/suggestions and service items.

Plain functions over a connection; callers run them on the thread that owns
the ledger.  Dates are ISO strings, so comparisons are text comparisons.
Periods are half-open: ``date_from <= d < date_to``.
"""
from __future__ import annotations

from typing import Any

LIVE = "deleted_at IS NULL"
DONE = "已完成"


from db.queries import dicts as _dicts


def _period(column: str, date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    where, params = [], []
    if date_from:
        where.append(f"{column} >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"{column} < ?")
        params.append(date_to)
    return (" AND " + " AND ".join(where)) if where else "", params


# --- meetings ------------------------------------------------------------------------

_MEETING_SELECT = f"""SELECT m.*,
       (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id AND a.{LIVE}
          AND coalesce(a.decision, '') <> '') AS decision_count,
       (SELECT count(*) FROM action_items t WHERE t.meeting_id = m.id AND t.{LIVE}
          AND t.status <> '{DONE}') AS open_action_count
    FROM meetings m WHERE m.{LIVE}"""


def meeting(conn, meeting_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(f"{_MEETING_SELECT} AND m.id = ?", (meeting_id,)))
    return rows[0] if rows else None


def meetings(conn, *, type: str | None = None, date_from: str | None = None,
             date_to: str | None = None, text: str | None = None) -> list[dict[str, Any]]:
    """Meetings newest first, with counts of decisions and open action items."""
    where, params = _period("m.meeting_date", date_from, date_to)
    if type:
        where += " AND m.type = ?"
        params.append(type)
    if text:
        where += " AND (m.title LIKE ? OR m.place LIKE ? OR m.host LIKE ?)"
        params += [f"%{text}%"] * 3
    return _dicts(conn.execute(
        f"""{_MEETING_SELECT}{where}
            ORDER BY m.meeting_date DESC, m.start_time DESC, m.created_at DESC""", params))


def attendees(conn, meeting_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM meeting_attendees WHERE meeting_id = ? AND {LIVE} ORDER BY sort_no, created_at",
        (meeting_id,)))


def agenda_items(conn, meeting_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM agenda_items WHERE meeting_id = ? AND {LIVE} ORDER BY sort_no, created_at",
        (meeting_id,)))


def child_ids(conn, table: str, meeting_id: str) -> set[str]:
    """Live ids of one meeting's attendees, agenda items or action items."""
    assert table in ("meeting_attendees", "agenda_items", "action_items")
    return {r[0] for r in conn.execute(
        f"SELECT id FROM [{table}] WHERE meeting_id = ? AND {LIVE}", (meeting_id,))}


# --- action items --------------------------------------------------------------------

_ACTION_SELECT = f"""SELECT t.*, m.title AS meeting_title, m.meeting_date AS meeting_date,
       m.type AS meeting_type, a.title AS agenda_title, a.decision AS decision,
       r.title AS reviewed_in_title, r.meeting_date AS reviewed_in_date
    FROM action_items t JOIN meetings m ON m.id = t.meeting_id AND m.{LIVE}
    LEFT JOIN agenda_items a ON a.id = t.agenda_item_id
    LEFT JOIN meetings r ON r.id = t.reviewed_in_meeting_id"""


def action_item(conn, action_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(f"{_ACTION_SELECT} WHERE t.id = ? AND t.{LIVE}", (action_id,)))
    return rows[0] if rows else None


def action_items(conn, *, meeting_id: str | None = None, open_only: bool = False,
                 overdue_before: str | None = None, owner: str | None = None) -> list[dict[str, Any]]:
    """Action items; ``overdue_before`` (today) keeps those not done and due before it."""
    where, params = f" WHERE t.{LIVE}", []
    if meeting_id:
        where += " AND t.meeting_id = ?"
        params.append(meeting_id)
    if open_only or overdue_before:
        where += f" AND t.status <> '{DONE}'"
    if overdue_before:
        where += " AND t.due_date IS NOT NULL AND t.due_date < ?"
        params.append(overdue_before)
    if owner:
        where += " AND t.owner = ?"
        params.append(owner)
    order = (" ORDER BY t.sort_no, t.created_at" if meeting_id else
             " ORDER BY t.due_date IS NULL, t.due_date, m.meeting_date, t.sort_no")
    return _dicts(conn.execute(_ACTION_SELECT + where + order, params))


def action_notes(conn, action_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM action_item_notes WHERE action_item_id = ? AND {LIVE} ORDER BY note_date, created_at",
        (action_id,)))


def actions_reviewed_in(conn, meeting_id: str) -> list[dict[str, Any]]:
    """Earlier action items followed up at ``meeting_id``."""
    return _dicts(conn.execute(
        f"{_ACTION_SELECT} WHERE t.reviewed_in_meeting_id = ? AND t.{LIVE} ORDER BY t.due_date",
        (meeting_id,)))


# --- needs and services --------------------------------------------------------------

_NEED_SELECT = f"""SELECT n.*, res.name AS resident_name, m.title AS meeting_title
    FROM needs n LEFT JOIN residents res ON res.id = n.resident_id
    LEFT JOIN meetings m ON m.id = n.meeting_id"""


def need(conn, need_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(f"{_NEED_SELECT} WHERE n.id = ? AND n.{LIVE}", (need_id,)))
    return rows[0] if rows else None


def needs(conn, *, kind: str | None = None, status: str | None = None,
          date_from: str | None = None, date_to: str | None = None,
          visit_id: str | None = None, meeting_id: str | None = None) -> list[dict[str, Any]]:
    where, params = _period("n.received_date", date_from, date_to)
    for column, value in (("kind", kind), ("status", status), ("visit_id", visit_id),
                          ("meeting_id", meeting_id)):
        if value:
            where += f" AND n.{column} = ?"
            params.append(value)
    return _dicts(conn.execute(
        f"{_NEED_SELECT} WHERE n.{LIVE}{where} ORDER BY n.received_date DESC, n.created_at DESC", params))


def need_steps(conn, need_id: str) -> list[dict[str, Any]]:
    return _dicts(conn.execute(
        f"SELECT * FROM need_steps WHERE need_id = ? AND {LIVE} ORDER BY step_date, created_at",
        (need_id,)))


def service_items(conn) -> list[dict[str, Any]]:
    return _dicts(conn.execute(f"SELECT * FROM service_items WHERE {LIVE} ORDER BY sort_no, name"))


def service_item(conn, item_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute(f"SELECT * FROM service_items WHERE id = ? AND {LIVE}", (item_id,)))
    return rows[0] if rows else None


# --- counts for the monthly report ---------------------------------------------------

def meeting_counts(conn, date_from: str | None, date_to: str | None, today: str) -> dict[str, Any]:
    """Meetings held per type, decisions and action items of meetings held in the period,
    and action items open/overdue as of ``today`` (whatever meeting they came from)."""
    where, params = _period("meeting_date", date_from, date_to)
    by_type = dict(conn.execute(
        f"SELECT type, count(*) FROM meetings WHERE {LIVE}{where} GROUP BY type", params).fetchall())
    mwhere, mparams = _period("m.meeting_date", date_from, date_to)
    decisions = conn.execute(
        f"""SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id AND m.{LIVE}
            WHERE a.{LIVE} AND coalesce(a.decision, '') <> ''{mwhere}""", mparams).fetchone()[0]
    created, done_in_period = conn.execute(
        f"""SELECT count(*), coalesce(sum(t.status = '{DONE}'), 0) FROM action_items t
            JOIN meetings m ON m.id = t.meeting_id AND m.{LIVE} WHERE t.{LIVE}{mwhere}""",
        mparams).fetchone()
    open_now, overdue_now = conn.execute(
        f"""SELECT count(*), coalesce(sum(t.due_date IS NOT NULL AND t.due_date < ?), 0)
            FROM action_items t JOIN meetings m ON m.id = t.meeting_id AND m.{LIVE}
            WHERE t.{LIVE} AND t.status <> '{DONE}'""", (today,)).fetchone()
    dwhere, dparams = _period("t.done_date", date_from, date_to)
    completed = conn.execute(
        f"""SELECT count(*) FROM action_items t JOIN meetings m ON m.id = t.meeting_id AND m.{LIVE}
            WHERE t.{LIVE} AND t.status = '{DONE}'{dwhere}""", dparams).fetchone()[0]
    return dict(by_type=by_type, decisions=decisions, actions_created=created,
                actions_created_done=done_in_period, actions_completed=completed,
                actions_open=open_now, actions_overdue=overdue_now)


def need_counts(conn, date_from: str | None, date_to: str | None) -> dict[str, Any]:
    """Needs and suggestions received and resolved (办结 date) in the period, per kind."""
    rwhere, rparams = _period("received_date", date_from, date_to)
    received = dict(conn.execute(
        f"SELECT kind, count(*) FROM needs WHERE {LIVE}{rwhere} GROUP BY kind", rparams).fetchall())
    swhere, sparams = _period("resolved_date", date_from, date_to)
    resolved = dict(conn.execute(
        f"SELECT kind, count(*) FROM needs WHERE {LIVE} AND resolved_date IS NOT NULL{swhere} GROUP BY kind",
        sparams).fetchall())
    adopted = conn.execute(
        f"SELECT count(*) FROM needs WHERE {LIVE} AND kind = '建言献策' AND adopted = 1{rwhere}",
        rparams).fetchone()[0]
    by_status = {(k, s): c for k, s, c in conn.execute(
        f"SELECT kind, status, count(*) FROM needs WHERE {LIVE} GROUP BY kind, status")}
    by_category = dict(conn.execute(
        f"SELECT coalesce(category, ''), count(*) FROM needs WHERE {LIVE}{rwhere} GROUP BY category",
        rparams).fetchall())
    satisfaction = dict(conn.execute(
        f"""SELECT satisfaction, count(*) FROM needs WHERE {LIVE} AND satisfaction IS NOT NULL{swhere}
            GROUP BY satisfaction""", sparams).fetchall())
    return dict(received=received, resolved=resolved, adopted=adopted, by_status=by_status,
                by_category=by_category, satisfaction=satisfaction)
