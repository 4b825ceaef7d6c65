"""Saved roster templates (``ledger.rosters``): list, save, delete, import/export files, run.

Templates are records in ``roster_templates`` written through
``ledger.writer`` (stamped, audited, one transaction each), so they survive a
restart and sync like any record.  The shipped templates (:mod:`builtin`) are
listed too; a saved template of the same name replaces the shipped one.
"""
from __future__ import annotations

import copy
import dataclasses
import os
import pathlib
from typing import TYPE_CHECKING, Sequence

from db.queries import roster_builder as q
from neighbourhood.errors import NotFound
from neighbourhood.jobs import Abort, Progress, never, no_progress
from neighbourhood.rosters import template as tpl
from neighbourhood.rosters.builtin import builtin_templates
from neighbourhood.rosters.template import Template, TemplateError

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger


@dataclasses.dataclass(frozen=True)
class TemplateInfo:
    name: str
    entity: str
    title: str
    builtin: bool                  # shipped (not saved in this ledger)
    saved_id: str | None
    updated_at: str | None = None
    problem: str | None = None     # a saved body that no longer validates


class RosterTemplates:
    """The roster builder's service.  Not thread-safe (one thread uses a ledger at a time)."""

    def __init__(self, ledger: "Ledger") -> None:
        self.ledger = ledger

    # --- listing ----------------------------------------------------------------------
    def list(self) -> list[TemplateInfo]:
        """Saved templates and the shipped ones not overridden, by name."""
        out: dict[str, TemplateInfo] = {}
        for t in builtin_templates():
            out[t.name] = TemplateInfo(t.name, t.entity, t.display_title(), True, None)
        for row in q.templates(self.ledger.conn):
            problem = title = None
            try:
                title = tpl.loads(row["body"], source="已保存的模板").display_title()
            except TemplateError as exc:
                problem = exc.message
            out[row["name"]] = TemplateInfo(row["name"], row["entity"], title or row["name"], False, row["id"],
                                            row["updated_at"], problem)
        return sorted(out.values(), key=lambda i: (i.builtin, i.name))

    def names(self) -> list[str]:
        return [i.name for i in self.list()]

    def get(self, name: str) -> Template:
        """The template called ``name`` (saved first, then shipped); NotFound otherwise."""
        body = q.template_body(self.ledger.conn, name)
        if body is not None:
            return tpl.loads(body, source="已保存的模板")
        for t in builtin_templates():
            if t.name == name:
                return copy.deepcopy(t)
        raise NotFound(f"没有名为“{name}”的花名册模板。可用的模板：{'、'.join(self.names())}")

    # --- writes -----------------------------------------------------------------------
    def save(self, template: Template, *, replace: bool = True) -> str:
        """Save (insert or replace by name); returns the record id.  Audited, one transaction."""
        self.ledger.access.require_write()
        tpl.validate(template)
        body = tpl.dumps(template)
        existing = q.template_id_by_name(self.ledger.conn, template.name)
        with self.ledger.writer.operation(f"保存花名册模板：{template.name}"):
            if existing:
                if not replace:
                    raise TemplateError(f"已有名为“{template.name}”的模板，请换一个名称")
                self.ledger.writer.update("roster_templates", existing,
                                          {"entity": template.entity, "body": body})
                return existing
            return self.ledger.writer.insert("roster_templates", {
                "name": template.name, "entity": template.entity, "body": body})

    def delete(self, name: str) -> None:
        """Delete a saved template (a shipped one of the same name shows again)."""
        self.ledger.access.require_write()
        saved = q.template_id_by_name(self.ledger.conn, name)
        if not saved:
            raise NotFound(f"“{name}”不是已保存的模板（内置模板不能删除）")
        with self.ledger.writer.operation(f"删除花名册模板：{name}"):
            self.ledger.writer.soft_delete("roster_templates", saved)

    # --- files ------------------------------------------------------------------------
    def export_file(self, name: str, path: str | os.PathLike[str]) -> pathlib.Path:
        """Write the template as a small JSON file another committee can import."""
        path = pathlib.Path(path)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + tpl.FILE_SUFFIX)
        text = tpl.dumps(self.get(name))
        tmp = path.with_name(f".~{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return path

    @staticmethod
    def read_file(path: str | os.PathLike[str]) -> Template:
        """Read and validate a template file; TemplateError (Chinese) when it is not one."""
        path = pathlib.Path(path)
        source = f"文件“{path.name}”"
        try:
            size = path.stat().st_size
            if size > tpl.MAX_FILE_BYTES:
                raise TemplateError(f"{source}太大（{size // 1024} KB），不是花名册模板文件")
            data = path.read_bytes()
        except FileNotFoundError:
            raise TemplateError(f"找不到{source}") from None
        except IsADirectoryError:
            raise TemplateError(f"“{path.name}”是文件夹，请选择模板文件") from None
        return tpl.loads(data, source=source)

    def import_file(self, path: str | os.PathLike[str], *, name: str | None = None,
                    replace: bool = False) -> Template:
        """Validate and save a template file (under ``name`` if given); returns it."""
        template = self.read_file(path)
        if name:
            template.name = name
        self.save(template, replace=replace)
        return template

    # --- running ----------------------------------------------------------------------
    def export(self, template: Template | str, *, out: str | os.PathLike[str], full: bool = False,
               grid_ids: Sequence[str] | None = None, progress: Progress = no_progress,
               abort: Abort = never):
        """Run a template (by name or object) to .xlsx/.pdf; see :func:`exports.export_template`.

        A grid worker's export is limited to their own grids."""
        from neighbourhood.access import GRID_WORKER
        from neighbourhood.rosters.exports import export_template

        if isinstance(template, str):
            template = self.get(template)
        access = self.ledger.access
        if access.role == GRID_WORKER:
            mine = set(access.grid_ids)
            grid_ids = sorted(mine if grid_ids is None else mine & set(grid_ids))
        return export_template(self.ledger, template, out=out, full=full, grid_ids=grid_ids,
                               progress=progress, abort=abort)

    def preview(self, template: Template, *, limit: int = 50) -> tuple[list[str], list[list[str]]]:
        """Headers and the first ``limit`` rows as displayed text (masked unless full view)."""
        from neighbourhood.rosters.preview import preview_rows
        return preview_rows(self.ledger, template, limit=limit)
