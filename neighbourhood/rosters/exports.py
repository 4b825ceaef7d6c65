"""Running a template: export to .xlsx or .pdf (by the file's extension), audited.

:func:`export_template` is a long job (``progress``/``abort``): it writes a
temporary file beside the target and renames it only when complete, so a
cancelled or failed run leaves nothing at the target path.  Every export is
recorded in the audit trail with the template, row count and whether ID
numbers and phones were exported in full (which needs ``can_view_full``).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
import pathlib
from typing import TYPE_CHECKING, Sequence

from neighbourhood.errors import PermissionDenied, ValidationError
from neighbourhood.jobs import Abort, Cancelled, Progress, never, no_progress
from neighbourhood.rosters.query import compile_template
from neighbourhood.rosters.template import Template, describe_filters

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

FORMATS = (".xlsx", ".pdf")


@dataclasses.dataclass(frozen=True)
class RosterExport:
    path: pathlib.Path
    template: str
    rows: int
    full: bool
    format: str


def export_template(ledger: "Ledger", template: Template, *, out: str | os.PathLike[str], full: bool = False,
                    grid_ids: Sequence[str] | None = None, progress: Progress = no_progress,
                    abort: Abort = never, today: _dt.date | None = None) -> RosterExport:
    """Write ``template``'s roster to ``out`` (.xlsx or .pdf); returns what was written.

    Raises :class:`PermissionDenied` for ``full`` without the right,
    :class:`ValidationError` for a bad target, :class:`Cancelled` when
    ``abort()`` turns true.  Reads only, apart from the audit entry.
    """
    out = pathlib.Path(out)
    fmt = out.suffix.lower()
    if fmt not in FORMATS:
        raise ValidationError("导出文件请以 .xlsx（Excel）或 .pdf 结尾", field="out")
    if not out.parent.is_dir():
        raise ValidationError(f"文件夹“{out.parent}”不存在", field="out")
    if full and not ledger.access.can_view_full:
        raise PermissionDenied("您的角色不能导出完整的身份证号和电话号码，请选择脱敏导出。")
    today = today or _dt.date.today()
    plan = compile_template(template, today=today, grid_ids=grid_ids)
    total = plan.count(ledger)
    community = ledger.community.name or ""
    title = template.display_title()
    scope = describe_filters(template)
    masked = "身份证号、电话为完整号码，注意保密" if full else "身份证号、电话已脱敏"
    subtitle = "　　".join(x for x in (f"填报单位：{community}" if community else "", scope,
                                      f"共 {total} {plan.unit}", masked) if x)
    tmp = out.with_name(f".~{out.stem}.{os.getpid()}.tmp{fmt}")
    try:
        rows = plan.rows(ledger)
        if fmt == ".xlsx":
            from neighbourhood.rosters.render_xlsx import write_xlsx
            n = write_xlsx(str(tmp), plan, rows, title=title, subtitle=subtitle, full=full, total=total,
                           today=today, author=ledger.access.display_name, company=community,
                           progress=progress, abort=abort)
        else:
            from neighbourhood.rosters.render_pdf import write_pdf
            n = write_pdf(str(tmp), plan, rows, title=title, subtitle=subtitle, full=full, total=total,
                          today=today, community=community, progress=progress, abort=abort)
        if abort():
            raise Cancelled("已取消导出")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    _audit(ledger, template, out, n, full)
    progress(total, total, "完成")
    return RosterExport(out, template.name, n, full, fmt[1:])


def _audit(ledger: "Ledger", template: Template, out: pathlib.Path, rows: int, full: bool) -> None:
    from db import audit
    from db.writes import utc_now

    with ledger.db.atomic():
        audit.append(ledger.conn, at=utc_now(), actor=ledger._actor(), action="export",
                     table_name=None, record_id=None,
                     changes={"kind": f"template:{template.entity}", "template": template.name,
                              "title": template.display_title(), "rows": rows, "full": bool(full),
                              "masked": not full, "file": out.name,
                              "columns": len(template.columns)})
