"""The command line (``python main.py demo|check|verify-audit``), run as a user would."""
from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(*args: str, home: pathlib.Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    env.pop("NL_PASSWORD", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=home, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``demo PATH --households 30`` once for the module: (path, completed process)."""
    home = tmp_path_factory.mktemp("cli")
    path = home / "demo.db"
    result = run("demo", str(path), "--households", "30", home=home)
    return path, result, home


def test_demo_creates_a_database(built):
    path, result, _home = built
    assert result.returncode == 0, result.stderr
    assert path.exists() and path.stat().st_size > 0
    assert re.search(r"演示数据库已生成.*3 个网格.*30 户", result.stdout), result.stdout
    from neighbourhood.ledger import Ledger
    with Ledger.open(path) as ledger:
        counts = ledger.counts()
        assert counts["grids"] == 3 and counts["households"] == 30
        assert counts["residents"] >= 30
        assert ledger.community.name == "阳光社区"


def test_demo_refuses_to_overwrite_without_force(built, tmp_path):
    path, _result, home = built
    before = path.read_bytes()
    again = run("demo", str(path), "--households", "30", home=home)
    assert again.returncode == 2
    assert "已存在" in again.stderr and "--force" in again.stderr
    assert path.read_bytes() == before

    copy = tmp_path / "copy.db"
    copy.write_bytes(before)
    forced = run("demo", str(copy), "--households", "5", "--force", home=tmp_path)
    assert forced.returncode == 0, forced.stderr
    from neighbourhood.ledger import Ledger
    with Ledger.open(copy) as ledger:
        assert ledger.counts()["households"] == 5


def test_check_prints_counts_and_integrity(built):
    path, _result, home = built
    from neighbourhood.ledger import Ledger
    with Ledger.open(path) as ledger:
        counts = ledger.counts()
    result = run("check", str(path), home=home)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "完整性检查：ok" in out
    from db.migrations import HEAD
    assert f"结构版本：{HEAD}" in out
    assert "网格：3" in out and "在册户数：30" in out
    assert f"在册人数：{counts['residents']}" in out
    assert f"流动人口：{counts['migrants']}" in out
    assert "审计链问题" not in out


def test_check_missing_file_exits_2(tmp_path):
    result = run("check", str(tmp_path / "nope.db"), home=tmp_path)
    assert result.returncode == 2
    assert "找不到数据库" in result.stderr
    assert not (tmp_path / "nope.db").exists()  # check never creates a database


def test_check_and_verify_audit_report_tampering(built, tmp_path):
    path, _result, _home = built
    copy = tmp_path / "tampered.db"
    copy.write_bytes(path.read_bytes())
    ok = run("verify-audit", str(copy), home=tmp_path)
    assert ok.returncode == 0 and "审计链完整" in ok.stdout

    from db.connection import connect
    conn = connect(copy)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE seq = 3")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    bad = run("check", str(copy), home=tmp_path)
    assert bad.returncode == 1
    assert "完整性检查：ok" in bad.stdout and "审计链问题" in bad.stdout and "第 3–3 条" in bad.stdout
    failed = run("verify-audit", str(copy), home=tmp_path)
    assert failed.returncode == 1 and "审计链校验失败" in failed.stdout
