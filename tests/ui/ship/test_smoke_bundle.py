"""The bundle's smoke test, run in-process (the real PyInstaller build runs in .ci/run via
scripts/build_bundle.sh), and the spec's data files."""
from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
SPEC = ROOT / "packaging" / "ledger.spec"


def test_smoke_test_builds_a_demo_and_exports(qapp, tmp_path, capsys):
    from ui.smoke import run_smoke

    assert run_smoke(tmp_path / "out") == 0
    out = tmp_path / "out"
    assert (out / "居民花名册.xlsx").read_bytes()[:2] == b"PK"  # an xlsx is a zip
    assert (out / "月报.pdf").read_bytes().startswith(b"%PDF")
    printed = capsys.readouterr().out
    for step in ("translations", "data files", "demo database", "main window", "roster export", "monthly report"):
        assert f"smoke: {step} ok" in printed
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "Registry") == "Registry"  # translators removed again


def test_smoke_test_fails_with_exit_1_when_a_step_fails(qapp, tmp_path, monkeypatch, capsys):
    import neighbourhood.excel.export as export
    from ui.smoke import run_smoke

    def broken(*_args, **_kw):
        raise OSError("disk full")

    monkeypatch.setattr(export, "export_roster", broken)
    assert run_smoke(tmp_path) == 1
    assert "smoke: FAILED: disk full" in capsys.readouterr().err


def test_command_line_reaches_the_smoke_test(monkeypatch, tmp_path):
    import main
    import ui.smoke

    called: list[pathlib.Path] = []
    monkeypatch.setattr(ui.smoke, "run_smoke", lambda out: called.append(out) or 0)
    assert main.main(["--smoke-test", str(tmp_path)]) == 0
    assert called == [tmp_path]


def test_spec_bundles_every_data_folder_the_app_reads():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))  # valid Python
    text = SPEC.read_text(encoding="utf-8")
    for folder, pattern in (("resources/translations", "*.qm"), ("resources/icons", "*.svg"),
                            ("db/schema", "*.sql"), ("docs/guide", "*.md"), ("docs/guide/images", "*.png")):
        assert list((ROOT / folder).glob(pattern)), folder
    for named in ("resources/translations", "resources/icons", "resources/fonts", "db/schema", "docs/guide"):
        assert f'"{named}"' in text
    assert 'collect_data_files("pypinyin")' in text and "sqlcipher3._sqlite3" in text
    assert any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "COLLECT" for n in ast.walk(tree))
    script = (ROOT / "scripts" / "build_bundle.sh").read_text(encoding="utf-8")
    assert "packaging/ledger.spec" in script and "--smoke-test" in script
    assert "build_bundle.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
