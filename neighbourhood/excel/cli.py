"""CLI subcommands ``export-roster`` and ``import-roster`` (wired by neighbourhood/cli.py).

Wiring: call :func:`add_arguments(sub)` in ``build_parser`` and add
``COMMANDS.update(excel_cli.COMMANDS)``.  Both commands open the ledger with
``neighbourhood.cli._open`` (so ``--db``/``--user``/``--recovery-key`` apply)
and print Chinese messages; they return a process exit code.
"""
from __future__ import annotations

import argparse
import pathlib
import sys


def add_arguments(subparsers) -> None:
    from neighbourhood.excel.kinds import ROSTER_KINDS

    kinds = ", ".join(f"{k}（{kind.title}）" for k, kind in ROSTER_KINDS.items())
    exp = subparsers.add_parser("export-roster", help="导出花名册为 Excel（.xlsx）")
    which = exp.add_mutually_exclusive_group(required=True)
    which.add_argument("--kind", help=f"花名册种类：{kinds}")
    which.add_argument("--template", help="花名册模板名称（见 roster-templates list）；输出 .xlsx 或 .pdf")
    exp.add_argument("--out", required=True, type=pathlib.Path, help="输出文件（.xlsx；模板也可 .pdf）")
    exp.add_argument("--grid", help="只导出此网格（网格名称）")
    exp.add_argument("--building", help="只导出此楼栋（楼栋名称，可与 --grid 同用）")
    exp.add_argument("--from", dest="date_from", help="期间起始日期（含），如 2024-01-01；用于走访记录等按期间的台账")
    exp.add_argument("--to", dest="date_to", help="期间结束日期（含），如 2024-01-31；默认今天")
    exp.add_argument("--full", action="store_true",
                     help="导出完整身份证号和电话（需要有权限的 --user；会记入审计记录）")
    exp.add_argument("path", type=pathlib.Path, nargs="?", help="数据库文件（默认 --db 或用户数据目录）")

    imp = subparsers.add_parser("import-roster", help="从 Excel/CSV 导入居民花名册（先检查每一行）")
    imp.add_argument("file", type=pathlib.Path, help=".xlsx / .xls / .csv 文件")
    imp.add_argument("--kind", default="residents", choices=["residents"], help="目前支持 residents")
    imp.add_argument("--sheet", default="0", help="工作表名称或序号（默认第一个）")
    imp.add_argument("--mapping", help="列对应：'表头=字段,…' 或 JSON，如 '证件号=id_number'")
    imp.add_argument("--grid", help="新楼栋所属网格（名称）")
    imp.add_argument("--on-duplicate", choices=["skip", "update"], default="skip",
                     help="身份证号已在系统中时：跳过（默认）或更新")
    imp.add_argument("--dry-run", action="store_true", help="只检查并打印报告，不写入")
    imp.add_argument("--skip-errors", action="store_true", help="有错误行时仍导入其余各行")
    imp.add_argument("--errors-out", type=pathlib.Path, help="把错误行写到此 .xlsx，改正后可再导入")
    imp.add_argument("--db-path", dest="path", type=pathlib.Path, help="数据库文件（默认 --db）")


def _open(args: argparse.Namespace):
    from neighbourhood import cli

    return cli._open(args, cli._db_path(args, getattr(args, "path", None)))


def _grid_id(ledger, name: str | None) -> str | None:
    from neighbourhood.errors import NotFound

    if not name:
        return None
    for grid in ledger.grids.list():
        if grid.name == name:
            return grid.id
    raise NotFound(f"没有名为“{name}”的网格")


def _building_id(ledger, name: str, grid_id: str | None) -> str:
    from neighbourhood.errors import NotFound, ValidationError

    found = [b for b in ledger.buildings.list(grid_id) if b.name == name]
    if not found:
        raise NotFound(f"没有名为“{name}”的楼栋")
    if len(found) > 1:
        raise ValidationError(f"有多个“{name}”，请同时用 --grid 指定网格")
    return found[0].id


def _console_progress(done: int, total: int, text: str = "") -> None:
    if total and sys.stderr.isatty():
        print(f"\r{text} {done}/{total}", end="", file=sys.stderr, flush=True)


def cmd_export_roster(args: argparse.Namespace) -> int:
    from neighbourhood.excel.export import export_roster
    from neighbourhood.excel.kinds import ROSTER_KINDS
    from neighbourhood.excel.values import date as parse_date

    if getattr(args, "template", None):
        from neighbourhood.rosters.cli import run_template_export
        return run_template_export(args)
    if args.kind not in ROSTER_KINDS:
        print(f"错误：未知花名册种类“{args.kind}”，可选：{', '.join(ROSTER_KINDS)}", file=sys.stderr)
        return 2
    with _open(args) as ledger:
        grid_id = _grid_id(ledger, args.grid)
        filters = {"grid_id": grid_id}
        if args.building:
            filters["building_id"] = _building_id(ledger, args.building, grid_id)
        for key in ("date_from", "date_to"):
            value = getattr(args, key, None)
            if value:
                day = parse_date(value)
                if not (isinstance(day, str) and len(day) == 10):
                    print(f"错误：无法识别日期“{value}”，请写成 2024-01-05 的形式", file=sys.stderr)
                    return 2
                filters[key] = day
        result = export_roster(ledger, args.kind, out=args.out, filters=filters, full=args.full,
                               progress=_console_progress)
    report_export(f" {ROSTER_KINDS[args.kind].title}", result)
    return 0


def report_export(what: str, result) -> None:
    """The closing line of an export: what (as it follows 已导出), how many rows, where, and
    whether numbers are masked."""
    if sys.stderr.isatty():
        print(file=sys.stderr)          # end the progress line
    print(f"已导出{what}：{result.rows} 行 → {result.path}"
          + ("（完整号码，已记入审计记录）" if result.full else "（身份证号、电话已脱敏）"))


def cmd_import_roster(args: argparse.Namespace) -> int:
    from neighbourhood.excel.errorfile import write_error_rows
    from neighbourhood.excel.importer import ImportOptions, apply_import, validate_import
    from neighbourhood.excel.mapping import FIELDS_BY_KEY, parse_mapping_option, propose_mapping, remembered
    from neighbourhood.excel.reader import read_table

    sheet: str | int = int(args.sheet) if str(args.sheet).isdigit() else args.sheet
    table = read_table(args.file, sheet=sheet)
    with _open(args) as ledger:
        if args.mapping:
            try:
                mapping = parse_mapping_option(args.mapping, table.headers)
            except ValueError as exc:
                print(f"错误：--mapping：{exc}", file=sys.stderr)
                return 2
        else:
            mapping = propose_mapping(table.headers, remembered(ledger))
        print(f"表头在第 {table.header_row} 行；列对应：")
        for col, header in enumerate(table.headers):
            field = mapping.get(col)
            print(f"  {header or '（空）'} → {FIELDS_BY_KEY[field].label if field else '不导入'}")
        options = ImportOptions(grid_id=_grid_id(ledger, args.grid), on_duplicate=args.on_duplicate)
        plan = validate_import(ledger, table, mapping, options=options, progress=_console_progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        for line in plan.report():
            print(line)
        if plan.errors and args.errors_out:
            n = write_error_rows(plan, args.errors_out)
            print(f"已把 {n} 行错误写到 {args.errors_out}，改正后可再导入")
        if args.dry_run:
            print("（只检查，未写入）")
            return 1 if plan.errors else 0
        if plan.errors and not args.skip_errors:
            print("有错误行，未导入任何数据。请改正后重试，或加 --skip-errors 只导入无误的行。")
            return 1
        result = apply_import(ledger, plan, progress=_console_progress)
    print(f"导入完成：新增 {result.added} 人、{result.households_added} 户、{result.buildings_added} 栋楼；"
          f"更新 {result.updated} 人；跳过 {result.skipped} 人；错误未导入 {result.errors} 行")
    return 0


COMMANDS = {"export-roster": cmd_export_roster, "import-roster": cmd_import_roster}
