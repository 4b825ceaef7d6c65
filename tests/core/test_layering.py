"""The core (``neighbourhood/``, ``db/``) runs without Qt: every module imports, and the
command line works, with PySide6 made unimportable.  Each check runs in a fresh
interpreter so modules already imported by other tests (or by pytest-qt) cannot hide
an import of Qt.
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import textwrap

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Installed first in the child: any import of PySide6 or shiboken6 (or a submodule) fails.
BLOCK_QT = textwrap.dedent("""
    import sys
    import importlib.abc

    class _BlockQt(importlib.abc.MetaPathFinder):
        blocked = ("PySide6", "shiboken6")

        def find_spec(self, fullname, path=None, target=None):
            if fullname.split(".")[0] in self.blocked:
                raise ImportError(f"Qt is blocked in core tests: {fullname}")
            return None

    sys.meta_path.insert(0, _BlockQt())
    sys.path.insert(0, ROOT_PATH)
""")

IMPORT_ALL = textwrap.dedent("""
    import importlib
    import json
    import pkgutil

    imported, failed = [], {}
    for package_name in ("db", "neighbourhood"):
        package = importlib.import_module(package_name)
        imported.append(package_name)
        def onerror(name):
            failed[name] = "walk error"
        for info in pkgutil.walk_packages(package.__path__, package_name + ".", onerror=onerror):
            try:
                importlib.import_module(info.name)
                imported.append(info.name)
            except BaseException as exc:  # report every failure, not only the first
                failed[info.name] = f"{type(exc).__name__}: {exc}"
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
    ui = sorted(m for m in sys.modules if m == "ui" or m.startswith("ui."))
    print(json.dumps({"imported": imported, "failed": failed, "qt": qt, "ui": ui}))
""")


def _run(code: str, *args: str, cwd: pathlib.Path = ROOT, timeout: int = 300) -> subprocess.CompletedProcess:
    script = BLOCK_QT.replace("ROOT_PATH", repr(str(ROOT))) + code
    return subprocess.run([sys.executable, "-c", script, *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout,
                          env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin",
                               "HOME": str(cwd), "XDG_DATA_HOME": str(cwd / "data"),
                               "XDG_CACHE_HOME": str(cwd / "cache")})


def test_blocker_really_blocks_qt():
    # Guards the guard: without this, a broken finder would make the tests below vacuous.
    result = _run("import PySide6.QtCore\n")
    assert result.returncode != 0
    assert "Qt is blocked in core tests: PySide6" in result.stderr


def test_every_core_module_imports_without_qt():
    result = _run(IMPORT_ALL)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}, report["failed"]
    # The walk really covered the packages (sub-packages included).
    for expected in ("db.migrations", "db.writes", "db.audit", "db.queries.registry",
                     "neighbourhood.ledger", "neighbourhood.residents", "neighbourhood.cli",
                     "neighbourhood.demo", "neighbourhood.excel.importer"):
        assert expected in report["imported"]
    assert len(report["imported"]) >= 40
    assert report["qt"] == []
    # The core never reaches up into the UI layer.
    assert report["ui"] == [], f"core imported UI modules: {report['ui']}"


def test_cli_demo_and_check_run_without_qt(tmp_path):
    run_main = textwrap.dedent("""
        import runpy
        sys.argv = ["main.py", *sys.argv[1:]]
        try:
            runpy.run_path(MAIN_PATH, run_name="__main__")
        finally:
            ui = sorted(m for m in sys.modules if m == "ui" or m.startswith("ui."))
            qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
            print("LOADED", ui, qt, file=sys.stderr)
    """).replace("MAIN_PATH", repr(str(ROOT / "main.py")))
    db = tmp_path / "tiny.db"
    demo = _run(run_main, "demo", str(db), "--households", "12", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert db.exists()
    assert "演示数据库已生成" in demo.stdout
    assert "LOADED [] []" in demo.stderr

    check = _run(run_main, "check", str(db), cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "完整性检查：ok" in check.stdout
    assert "在册户数：12" in check.stdout
    assert "LOADED [] []" in check.stderr

    helped = _run(run_main, "check", "--help", cwd=tmp_path)
    assert helped.returncode == 0, helped.stderr
    assert "usage:" in helped.stdout
