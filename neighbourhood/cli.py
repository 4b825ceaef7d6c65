"""Command line: ``python main.py [--db PATH] [--demo]`` opens the window; subcommands
run without Qt.  Later features add their subcommands in :func:`build_parser`."""
from __future__ import annotations

import argparse
import pathlib
import sys
import time


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neighbourhood", description="社区台账 Neighbourhood Ledger — 居委会台账管理")
    parser.add_argument("--db", type=pathlib.Path, help="数据库文件（默认在用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="打开一个临时的演示数据库（关闭即删除）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认中文）")
    parser.add_argument("--user", help="登录名（加密数据库或需要权限的命令）；密码从环境变量 NL_PASSWORD 读取或提示输入")
    parser.add_argument("--recovery-key", help="用恢复密钥打开加密数据库")
    parser.add_argument("--smoke-test", metavar="OUTDIR", type=pathlib.Path,
                        help="自检：在 OUTDIR 生成演示库、打开窗口（无显示）、导出花名册和月报，成功返回 0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="在指定路径生成演示数据库")
    demo.add_argument("path", type=pathlib.Path)
    demo.add_argument("--households", type=int, default=2000, help="户数（默认 2000）")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--force", action="store_true", help="覆盖已有文件")

    check = sub.add_parser("check", help="完整性检查并统计人数户数")
    check.add_argument("path", type=pathlib.Path, nargs="?", help="数据库文件（默认 --db 或用户数据目录）")

    verify = sub.add_parser("verify-audit", help="校验审计记录链是否完整、未被篡改")
    verify.add_argument("path", type=pathlib.Path, nargs="?")

    backup = sub.add_parser("backup", help="立即备份数据库（VACUUM INTO，加密库的备份仍加密）")
    backup.add_argument("path", type=pathlib.Path, nargs="?")

    backups = sub.add_parser("backups", help="列出已有备份")
    backups.add_argument("path", type=pathlib.Path, nargs="?")

    restore = sub.add_parser("restore", help="从备份恢复（先校验备份，并先备份当前数据库）")
    restore.add_argument("backup", type=pathlib.Path)
    restore.add_argument("path", type=pathlib.Path, nargs="?")

    from neighbourhood.excel import cli as excel_cli
    excel_cli.add_arguments(sub)
    from neighbourhood.rosters import cli as rosters_cli
    rosters_cli.add_arguments(sub)
    from neighbourhood.pdf import report_cli
    report_cli.add_arguments(sub).add_argument(
        "path", type=pathlib.Path, nargs="?", help="数据库文件（默认 --db 或用户数据目录）")

    from neighbourhood.sync import cli as sync_cli
    sync_cli.add_arguments(sub)

    encrypt = sub.add_parser("encrypt", help="加密数据库（需要管理员 --user），并打印一次恢复密钥")
    encrypt.add_argument("path", type=pathlib.Path, nargs="?")
    return parser


def _password(args: argparse.Namespace) -> str | None:
    import getpass
    import os

    if not args.user:
        return None
    if "NL_PASSWORD" in os.environ:
        return os.environ["NL_PASSWORD"]
    return getpass.getpass(f"{args.user} 的密码：")


def _open(args: argparse.Namespace, path: pathlib.Path):
    from neighbourhood.ledger import Ledger

    if not path.exists():
        raise FileNotFoundError(f"找不到数据库 {path}")
    return Ledger.unlock(path, username=args.user, password=_password(args),
                         recovery_key=args.recovery_key)


def _cmd_verify_audit(args: argparse.Namespace) -> int:
    from db import audit

    with _open(args, _db_path(args, args.path)) as ledger:
        problems = audit.verify(ledger.conn)
        total = ledger.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    if problems:
        print(f"审计链校验失败：发现 {len(problems)} 处问题")
        for problem in problems:
            print(f"  {problem.message}")
        return 1
    print(f"审计链完整：共 {total} 条记录，未发现篡改。")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from neighbourhood.backups import backup

    path = _db_path(args, args.path)
    with _open(args, path) as ledger:
        target = backup(ledger.conn, path, kind="manual")
    print(f"已备份到：{target}")
    return 0


def _cmd_backups(args: argparse.Namespace) -> int:
    from neighbourhood.backups import KIND_LABELS, list_backups

    for path, kind, stamp in list_backups(_db_path(args, args.path)):
        print(f"{stamp}  {KIND_LABELS[kind]}  {path}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from neighbourhood.backups import restore
    from neighbourhood.keyring import Keyring, is_encrypted

    path = _db_path(args, args.path)
    key = None
    if is_encrypted(path) or is_encrypted(args.backup):
        keyring = Keyring.load(path)
        key = (keyring.unlock_recovery(args.recovery_key) if args.recovery_key
               else keyring.unlock(args.user or "", _password(args) or ""))
    else:
        # Opening signs in when --user is given; only an administrator may restore then.
        with _open(args, path) as ledger:
            if args.user:
                ledger.access.require_admin()
    safety = restore(args.backup, path, key=key)
    print(f"已从 {args.backup} 恢复到 {path}" + (f"；恢复前的数据库已备份到 {safety}" if safety else ""))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from neighbourhood.pdf import report_cli

    with _open(args, _db_path(args, args.path)) as ledger:
        return report_cli.cmd_report(args, ledger)


def _cmd_encrypt(args: argparse.Namespace) -> int:
    from neighbourhood.ledger import encrypt_ledger

    if not args.user:
        print("错误：加密需要管理员账号，请加 --user", file=sys.stderr)
        return 2
    password = _password(args) or ""
    ledger = _open(args, _db_path(args, args.path))
    ledger, recovery = encrypt_ledger(ledger, password=password)
    ledger.close()
    print("数据库已加密。")
    print(f"恢复密钥（只显示这一次，请打印后交书记/主任保管）：{recovery}")
    return 0


def parse(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _db_path(args: argparse.Namespace, positional: pathlib.Path | None = None) -> pathlib.Path:
    from neighbourhood.paths import default_database

    return positional or args.db or default_database()


def _cmd_demo(args: argparse.Namespace) -> int:
    from neighbourhood.demo import build_demo

    if args.path.exists():
        if not args.force:
            print(f"错误：{args.path} 已存在；如要覆盖请加 --force", file=sys.stderr)
            return 2
        for suffix in ("", "-wal", "-shm"):
            pathlib.Path(f"{args.path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    counts = build_demo(args.path, households=args.households, seed=args.seed)
    print(f"演示数据库已生成：{args.path}（{counts['grids']} 个网格，{counts['buildings']} 栋楼，"
          f"{counts['households']} 户，{counts['residents']} 人，用时 {time.perf_counter() - started:.1f} 秒）")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    path = _db_path(args, args.path)
    if not path.exists():
        print(f"错误：找不到数据库 {path}", file=sys.stderr)
        return 2
    with _open(args, path) as ledger:
        report = ledger.check()
    labels = {"grids": "网格", "buildings": "楼栋", "households": "在册户数", "residents": "在册人数",
              "migrants": "流动人口", "separated": "人户分离户", "left": "已迁出", "deceased": "已死亡"}
    print(f"数据库：{path}")
    print(f"结构版本：{report.version}")
    print(f"完整性检查：{report.integrity}")
    for key, label in labels.items():
        print(f"{label}：{report.counts.get(key, 0)}")
    if report.audit_problems:
        print("审计链问题：")
        for problem in report.audit_problems:
            print(f"  {problem}")
    return 0 if report.ok else 1


COMMANDS = {"demo": _cmd_demo, "check": _cmd_check, "verify-audit": _cmd_verify_audit,
            "backup": _cmd_backup, "backups": _cmd_backups, "restore": _cmd_restore,
            "encrypt": _cmd_encrypt, "report": _cmd_report}


def _excel_commands() -> dict:
    from neighbourhood.excel import cli as excel_cli
    from neighbourhood.rosters import cli as rosters_cli
    return {**excel_cli.COMMANDS, **rosters_cli.COMMANDS}


def _sync_commands() -> dict:
    from neighbourhood.sync import cli as sync_cli
    return {name: (lambda args, fn=fn: fn(args, lambda a: _open(a, _db_path(a, getattr(a, "path", None)))))
            for name, fn in sync_cli.COMMANDS.items()}


def run(args: argparse.Namespace) -> int:
    from db.errors import DatabaseError
    from neighbourhood.errors import LedgerError

    try:
        return {**COMMANDS, **_excel_commands(), **_sync_commands()}[args.command](args)
    except (DatabaseError, LedgerError, FileNotFoundError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1


def main() -> int:  # console script
    import main as entry

    return entry.main()
