"""Writing a roster (花名册) to a print-ready .xlsx.

:func:`export_roster` is a long job (``progress``/``abort``, see
:mod:`neighbourhood.jobs`): it runs on a worker, streams rows from SQLite
into xlsxwriter's constant-memory mode, and writes to a temporary file in the
target folder that is renamed over the target only when complete, so a
cancelled or failed export leaves nothing at the target path.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import pathlib
from itertools import islice
from typing import TYPE_CHECKING, Any, Mapping

from neighbourhood.errors import PermissionDenied, ValidationError
from neighbourhood.excel.kinds import (DATE, NUMBER, PERIOD_FILTERS, ROSTER_KINDS, RosterKind, describe_filters,
                                      has_period, period_of)
from neighbourhood.excel.rowxml import RowWriter
from neighbourhood.excel.safety import display_width
from neighbourhood.excel.sheet import (BLOCK, FAST_MASKERS, MAX_WIDTH, formats, merge_group, new_serials,
                                       new_workbook, prepare_column, print_setup, table_borders)
from neighbourhood.jobs import Abort, Cancelled, Progress, never, no_progress

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

_TITLE_ROWS = 2                                # title, subtitle; the header is the next row


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: pathlib.Path
    kind: str
    rows: int
    full: bool


def export_roster(ledger: "Ledger", kind: str | RosterKind, *, out: str | os.PathLike[str],
                  filters: Mapping[str, Any] | None = None, full: bool = False,
                  progress: Progress = no_progress, abort: Abort = never,
                  today: _dt.date | None = None) -> ExportResult:
    """Write roster ``kind`` for ``filters`` to ``out`` (.xlsx); returns what was written.

    ID numbers and phones are masked unless ``full`` — which needs
    ``ledger.access.can_view_full`` (else :class:`PermissionDenied`).  Every
    export is recorded in the audit trail with its kind, row count and
    whether it was full.  Raises :class:`Cancelled` when ``abort()`` turns
    true; the target is then untouched.  Reads only: runs on a worker thread
    while the GUI waits (one thread uses the ledger at a time).
    """
    roster = ROSTER_KINDS[kind] if isinstance(kind, str) else kind
    filters = dict(filters or {})
    if has_period(roster):
        # The period actually exported goes into the subtitle and the audit record.
        filters.update(zip(PERIOD_FILTERS, period_of(filters, today)))
        if filters["date_from"] > filters["date_to"]:
            raise ValidationError("起始日期晚于结束日期，请重新选择", field="date_from")
    if full and not ledger.access.can_view_full:
        raise PermissionDenied("您的角色不能导出完整的身份证号和电话号码，请选择脱敏导出。")
    out = pathlib.Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("导出文件请以 .xlsx 结尾", field="out")
    if not out.parent.is_dir():
        raise ValidationError(f"文件夹“{out.parent}”不存在", field="out")
    today = today or _dt.date.today()
    total = roster.count(ledger, filters)
    tmp = out.with_name(f".~{out.stem}.{os.getpid()}.tmp.xlsx")
    wb = new_workbook(tmp, title=roster.title, author=ledger.access.display_name,
                      company=ledger.community.name, comments="社区台账导出")
    closed = False
    try:
        ws = wb.add_worksheet(roster.title[:31])
        rows = _write_sheet(wb, ws, ledger, roster, filters, full=full, total=total, today=today,
                            progress=progress, abort=abort)
        wb.close()
        closed = True
        if abort():
            raise Cancelled("已取消导出")
        os.replace(tmp, out)
    except BaseException:
        if not closed:
            try:
                wb.close()          # removes xlsxwriter's own temporary files
            except Exception:
                pass
        tmp.unlink(missing_ok=True)
        raise
    _audit(ledger, roster, filters, out, rows, full)
    progress(total, total, "完成")
    return ExportResult(out, roster.key, rows, full)


def _audit(ledger: "Ledger", roster: RosterKind, filters: Mapping[str, Any], out: pathlib.Path,
           rows: int, full: bool) -> None:
    from db import audit
    from db.writes import utc_now

    with ledger.db.atomic():
        audit.append(ledger.conn, at=utc_now(), actor=ledger._actor(), action="export",
                     table_name=None, record_id=None,
                     changes={"kind": roster.key, "title": roster.title, "rows": rows,
                              "full": bool(full), "masked": not full, "file": out.name,
                              "filters": {k: v for k, v in filters.items() if v}})


def _write_sheet(wb, ws, ledger: "Ledger", roster: RosterKind, filters: Mapping[str, Any], *,
                 full: bool, total: int, today: _dt.date, progress: Progress, abort: Abort) -> int:
    fmt = formats(wb)
    columns = roster.columns
    ncol = len(columns)
    header_row = _TITLE_ROWS
    widths = [max(c.width, display_width(c.header) + 2) for c in columns]

    print_setup(ws, header_row)

    community = ledger.community.name
    title = f"{community}{roster.title}" if community else roster.title
    scope = describe_filters(ledger, filters, roster)
    masked_note = "身份证号、电话为完整号码，注意保密" if full else "身份证号、电话已脱敏"
    subtitle = f"{scope}　共 {total} {roster.unit}　{masked_note}　导出日期：{today.isoformat()}"
    ws.set_row(0, 30)
    if ncol > 1:
        ws.merge_range(0, 0, 0, ncol - 1, title, fmt["title"])
        ws.merge_range(1, 0, 1, ncol - 1, subtitle, fmt["subtitle"])
    else:
        ws.write_string(0, 0, title, fmt["title"])
        ws.write_string(1, 0, subtitle, fmt["subtitle"])
    ws.set_row(header_row, 28)
    for c, column in enumerate(columns):
        ws.write_string(header_row, c, column.header, fmt["header"])

    # A data cell is written without a format of its own and an empty cell is not written at
    # all (the rows' XML comes from neighbourhood.excel.rowxml): plain text and numbers take
    # the default style (the sheet's font); dates, ID numbers and phones (text "@", so a
    # number typed in later stays text) and merged group cells take their column's format;
    # the table's borders come from one conditional format over its range (below).
    col_fmts = []
    for c, column in enumerate(columns):
        if column.type == DATE:
            col_fmts.append(fmt["date"])
        elif column.group:
            col_fmts.append(fmt["group_number" if column.type == NUMBER else "group"])
        elif column.mask:
            col_fmts.append(fmt["text"])
        else:
            col_fmts.append(None)
        ws.set_column(c, c, widths[c], col_fmts[-1])
    # (kind, masker) per column for prepare_column
    preparers = [(column.type, None if full else FAST_MASKERS.get(column.mask or "")) for column in columns]
    group_cols = [c for c, column in enumerate(columns) if column.group]
    group_of = roster.group_of if group_cols else None

    writer = RowWriter(ws, col_fmts)
    serials = new_serials()
    r = header_row
    group_key, group_start = object(), header_row + 1
    source = roster.rows(ledger, filters)
    while True:
        # A block of rows at a time, prepared column by column (mostly C-level passes).
        block = list(islice(source, BLOCK))
        if not block:
            break
        if group_of is not None:
            block = [list(row) for row in block]
            for k, row in enumerate(block, r + 1):
                key = group_of(row)
                if key != group_key:
                    if k - 1 > group_start:
                        merge_group(ws, group_start, k - 1, group_cols)
                    group_key, group_start = key, k
                else:
                    for c in group_cols:
                        row[c] = None       # under the merged group cell
        cols = [prepare_column(col, c, widths, kind, serials, masker)
                for c, (col, (kind, masker)) in enumerate(zip(zip(*block), preparers))]
        r = writer.write(r + 1, cols)
        if abort():
            raise Cancelled("已取消导出")
        progress(r - header_row, total, "正在写入…")
    if group_of is not None and r > group_start:
        merge_group(ws, group_start, r, group_cols)
    last = max(r, header_row + 1) if r > header_row else header_row
    ws.autofilter(header_row, 0, last, ncol - 1)
    table_borders(ws, header_row + 1, r, ncol, fmt)
    for c, w in enumerate(widths):
        ws.set_column(c, c, min(w, MAX_WIDTH), col_fmts[c])
    return r - header_row
