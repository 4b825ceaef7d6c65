"""The ``report`` CLI subcommand: ``report --month 2026-10 [--grid NAME|ID] --out FILE``.

Wiring (neighbourhood/cli.py): ``add_arguments(subparsers)`` then dispatch ``args.func(args)``
or call :func:`cmd_report` with ``args.ledger`` (the open Ledger) set by the CLI.
"""
from __future__ import annotations

import argparse
from typing import Any


def add_arguments(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("report", help="生成月报 PDF")
    p.add_argument("--month", help="统计月份，如 2026-10")
    p.add_argument("--from", dest="date_from", help="开始日期（含），代替 --month")
    p.add_argument("--to", dest="date_to", help="结束日期（不含）")
    p.add_argument("--grid", help="网格名称或编号（缺省为全社区）")
    p.add_argument("--out", required=True, help="输出 PDF 文件")
    p.set_defaults(func=cmd_report)
    return p


def cmd_report(args: argparse.Namespace, ledger: Any = None) -> int:
    from neighbourhood.errors import ValidationError
    from neighbourhood.pdf.report import render_monthly_report

    ledger = ledger or args.ledger
    grid_id = None
    if args.grid:
        match = [g for g in ledger.grids.list() if args.grid in (g.id, g.name, getattr(g, "code", None))]
        if not match:
            raise ValidationError(f"找不到网格“{args.grid}”", field="grid")
        grid_id = match[0].id
    out = render_monthly_report(ledger, args.out, month=args.month, date_from=args.date_from,
                                date_to=args.date_to, grid_id=grid_id)
    print(f"已生成月报：{out}")
    return 0
