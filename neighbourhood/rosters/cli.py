"""CLI for the roster builder: ``export-roster --template NAME --out FILE`` (run through the
Excel CLI's ``export-roster``) and ``roster-templates list|import|export|delete``.

Wiring: ``add_arguments(sub)`` in ``neighbourhood.cli.build_parser``; ``COMMANDS`` merged into
the command table.  Messages are Chinese; functions return a process exit code.
"""
from __future__ import annotations

import argparse
import pathlib
import sys


def add_arguments(subparsers) -> None:
    p = subparsers.add_parser("roster-templates", help="花名册模板：列出、导入、导出、删除")
    p.add_argument("action", choices=["list", "import", "export", "delete"],
                   help="list 列出；import 导入模板文件；export 导出为模板文件；delete 删除已保存的模板")
    p.add_argument("name", nargs="?", help="模板名称（export/delete）或模板文件（import）")
    p.add_argument("--out", type=pathlib.Path, help="export：输出的模板文件（.nltemplate.json）")
    p.add_argument("--as", dest="as_name", help="import：以此名称保存")
    p.add_argument("--replace", action="store_true", help="import：同名模板已存在时覆盖")
    p.add_argument("--db-path", dest="path", type=pathlib.Path, help="数据库文件（默认 --db）")


def _open(args: argparse.Namespace):
    from neighbourhood import cli
    return cli._open(args, cli._db_path(args, getattr(args, "path", None)))


def run_template_export(args: argparse.Namespace) -> int:
    """``export-roster --template NAME --out FILE`` (called by the Excel CLI)."""
    from neighbourhood.excel.cli import _console_progress, _grid_id, report_export

    with _open(args) as ledger:
        grid = _grid_id(ledger, args.grid)
        result = ledger.rosters.export(args.template, out=args.out, full=args.full,
                                       grid_ids=[grid] if grid else None, progress=_console_progress)
    report_export(f"“{result.template}”", result)
    return 0


def cmd_roster_templates(args: argparse.Namespace) -> int:
    if args.action != "list" and not args.name:
        print("错误：请给出模板名称（import 时给出模板文件）", file=sys.stderr)
        return 2
    with _open(args) as ledger:
        rosters = ledger.rosters
        if args.action == "list":
            from neighbourhood.rosters.fields import ENTITIES
            for info in rosters.list():
                kind = "内置" if info.builtin else "已保存"
                entity = ENTITIES[info.entity].label if info.entity in ENTITIES else info.entity
                line = f"{info.name}\t{kind}\t{entity}\t{info.title}"
                print(line + (f"\t（有问题：{info.problem}）" if info.problem else ""))
        elif args.action == "import":
            template = rosters.import_file(args.name, name=args.as_name, replace=args.replace)
            print(f"已导入模板“{template.name}”（{len(template.columns)} 列）")
        elif args.action == "export":
            out = args.out or pathlib.Path(f"{args.name}.nltemplate.json")
            path = rosters.export_file(args.name, out)
            print(f"已把模板“{args.name}”导出到 {path}")
        else:
            rosters.delete(args.name)
            print(f"已删除模板“{args.name}”")
    return 0


COMMANDS = {"roster-templates": cmd_roster_templates}
