"""CLI: ``checkout --grid … --out FILE``, ``sync-open FILE --out DB`` (laptop),
``sync-export --out FILE`` (laptop), ``sync-apply FILE``, ``sync-conflicts``.

The passphrase comes from ``NL_SYNC_PASSPHRASE`` or a prompt.
"""
from __future__ import annotations

import argparse
import pathlib
import sys


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=pathlib.Path, nargs="?", help="数据库文件（默认 --db 或用户数据目录）")


def add_arguments(sub) -> None:
    co = sub.add_parser("checkout", help="为外出笔记本检出指定网格的数据（加密文件）")
    co.add_argument("--grid", action="append", required=True, help="网格名称或编号（可重复）")
    co.add_argument("--out", type=pathlib.Path, required=True, help="检出文件路径（如 U 盘上的 网格一.nlsync）")
    co.add_argument("--device", help="笔记本名称（默认：网格名称 + 笔记本）")
    co.add_argument("--worker", help="携带笔记本的网格员登录名")
    _db_arg(co)

    op = sub.add_parser("sync-open", help="在笔记本上打开检出文件，生成工作数据库")
    op.add_argument("file", type=pathlib.Path)
    op.add_argument("--out", type=pathlib.Path, required=True, help="笔记本工作数据库路径")

    ex = sub.add_parser("sync-export", help="在笔记本上导出尚未交回的修改（同步文件）")
    ex.add_argument("--out", type=pathlib.Path, required=True)
    _db_arg(ex)

    ap = sub.add_parser("sync-apply", help="在办公室导入笔记本交回的同步文件（冲突进入核对队列）")
    ap.add_argument("file", type=pathlib.Path)
    _db_arg(ap)

    cf = sub.add_parser("sync-conflicts", help="列出待核对的同步冲突")
    _db_arg(cf)


def _passphrase(prompt: str = "同步口令：") -> str:
    import getpass
    import os

    return os.environ.get("NL_SYNC_PASSPHRASE") or getpass.getpass(prompt)


def _grid_ids(ledger, names: list[str]) -> list[str]:
    grids = ledger.grids.list()
    out = []
    for name in names:
        match = next((g for g in grids if name in (g.name, g.code, g.id)), None)
        if match is None:
            from neighbourhood.errors import ValidationError
            raise ValidationError(f"找不到网格“{name}”；现有网格：{'、'.join(g.name for g in grids)}")
        out.append(match.id)
    return out


def cmd_checkout(args, open_ledger) -> int:
    with open_ledger(args) as ledger:
        grid_ids = _grid_ids(ledger, args.grid)
        device = args.device or f"{args.grid[0]}笔记本"
        result = ledger.sync.checkout(grid_ids=grid_ids, out=args.out, passphrase=_passphrase(),
                                      device_name=device, username=args.worker)
    counts = result.counts
    print(f"已检出到 {result.path}（笔记本：{result.device_name}；{counts.get('households', 0)} 户，"
          f"{counts.get('residents', 0)} 人，{counts.get('needs', 0)} 条未办结诉求）")
    return 0


def cmd_open(args, _open_ledger) -> int:
    from neighbourhood.sync.checkout import open_checkout

    password = None
    if args.user:
        import os
        import getpass
        password = os.environ.get("NL_PASSWORD") or getpass.getpass(f"{args.user} 的密码：")
    path = open_checkout(args.file, _passphrase(), args.out, username=args.user, password=password)
    print(f"笔记本工作数据库已生成：{path}" + ("（已加密）" if args.user else ""))
    return 0


def cmd_export(args, open_ledger) -> int:
    with open_ledger(args) as ledger:
        result = ledger.sync.export(out=args.out, passphrase=_passphrase())
    print(f"已导出第 {result.seq} 号同步文件：{result.path}（{result.changes} 处修改）。"
          "请交回办公室导入；办公室导入前请保留本机数据。")
    return 0


def cmd_apply(args, open_ledger) -> int:
    with open_ledger(args) as ledger:
        result = ledger.sync.apply_file(args.file, _passphrase())
        waiting = ledger.sync.conflicts.open_count()
    print(result.summary)
    if waiting:
        print(f"共有 {waiting} 处冲突待核对：请在“外出笔记本 → 冲突核对”中逐条选择。")
    return 0


def cmd_conflicts(args, open_ledger) -> int:
    from neighbourhood.masking import mask_row

    with open_ledger(args) as ledger:
        service = ledger.sync.conflicts
        rows = service.rows(service.ids())
        full = ledger.access.can_view_full
        names = service.record_names(rows.values())
        for c in rows.values():
            values = [c.base_value, c.laptop_value, c.office_value]
            if c.field in ("id_number", "phone") and not full:
                values = [mask_row({c.field: v}, full=False)[c.field] if isinstance(v, str) else v for v in values]
            print(f"{c.id[:8]}  {c.kind_label}  {c.where}  {names[c.id]}："
                  f"检出时 {values[0]!r} / 笔记本 {values[1]!r} / 办公室 {values[2]!r}")
    print(f"共 {len(rows)} 处待核对。", file=sys.stderr)
    return 0


COMMANDS = {"checkout": cmd_checkout, "sync-open": cmd_open, "sync-export": cmd_export,
            "sync-apply": cmd_apply, "sync-conflicts": cmd_conflicts}
