"""The Chinese translation: compiled, complete, and used by the window."""
from __future__ import annotations

import pathlib
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

ROOT = pathlib.Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ledger_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "ledger_zh_CN.qm"


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_qm_translates_the_registry_label(chinese):
    assert QCoreApplication.translate("MainWindow", "Registry") == "居民户籍"
    assert QCoreApplication.translate("ResidentTableModel", "ID number") == "身份证号"


# The registry screens (issue 2); other areas' screens merge their Chinese through
# ui/<area>/zh_CN_strings.py and scripts/update_translations.sh.
REGISTRY_SOURCES = ["app.py", "main_window.py", "common.py", "registry", "residents"]


def _registry_files() -> list[pathlib.Path]:
    files: list[pathlib.Path] = []
    for entry in REGISTRY_SOURCES:
        path = ROOT / "ui" / entry
        files += [path] if path.suffix == ".py" else sorted(path.rglob("*.py"))
    return files


def _registry_contexts() -> set[str]:
    import re

    contexts: set[str] = set()
    for path in _registry_files():
        text = path.read_text(encoding="utf-8")
        contexts |= set(re.findall(r"^class (\w+)", text, re.M))
        contexts |= set(re.findall(r'(?:translate|QT_TRANSLATE_NOOP)\("(\w+)"', text))
    return contexts


def test_every_registry_string_is_translated():
    contexts = _registry_contexts()
    assert {"MainWindow", "ResidentDialog", "RegistryTreeModel", "App", "Common"} <= contexts
    root = ET.parse(TS).getroot()
    checked, unfinished = 0, []
    for context in root.iter("context"):
        if context.findtext("name") not in contexts:
            continue
        for message in context.iter("message"):
            checked += 1
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not (translation.text or "").strip():
                unfinished.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert checked > 100
    assert unfinished == []


def test_every_registry_tr_call_is_in_the_ts():
    """Catches a new string added without running scripts/update_translations.sh."""
    import re

    root = ET.parse(TS).getroot()
    known = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    missing, calls = [], 0
    for path in _registry_files():
        text = path.read_text(encoding="utf-8")
        classes = [(m.start(), m.group(1)) for m in re.finditer(r"^class (\w+)", text, re.M)]
        for call in re.finditer(r'self\.tr\("((?:[^"\\]|\\.)*)"\)', text):
            owner = [name for start, name in classes if start < call.start()]
            source = call.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            calls += 1
            if owner and (owner[-1], source) not in known:
                missing.append(f"{path.name}: {owner[-1]}: {source}")
    assert calls > 80
    assert missing == []


def test_qm_is_compiled_from_the_ts(tmp_path):
    """The committed .qm is what lrelease makes of the committed .ts (no stale build)."""
    import subprocess
    import sys

    lrelease = pathlib.Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes()


def test_window_in_chinese(qtbot, chinese, demo_ledger):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ledger)
    qtbot.addWidget(window)
    assert [window.nav.item(i).text() for i in range(6)] == ["首页", "居民户籍", "走访", "困难群众", "会议", "报表"]
    assert window.windowTitle() == "社区台账 — 阳光社区"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0].startswith("文件") and menus[2].startswith("居民")
    assert window.undo_action.text().startswith("撤销")
    assert window.registry.table_model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_strings_in_source_are_english():
    """UI source strings go through tr() in English; Chinese belongs in the .ts (data words excepted)."""
    import re

    offenders = []
    for path in _registry_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"tr(anslate)?\([^)]*[\u4e00-\u9fff]", line):
                offenders.append(f"{path.name}:{number}")
    assert offenders == []


# --- issue 11: every context, both languages ---------------------------------------------------

EN_TS = ROOT / "resources" / "translations" / "ledger_en.ts"


def _ui_sources() -> list[pathlib.Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if p.name != "zh_CN_strings.py")


def _unfinished(ts: pathlib.Path) -> tuple[int, list[str]]:
    root = ET.parse(ts).getroot()
    checked, unfinished = 0, []
    for context in root.iter("context"):
        for message in context.iter("message"):
            checked += 1
            translation = message.find("translation")
            text = (translation.text or "").strip() or "".join((f.text or "") for f in translation).strip()
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                unfinished.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return checked, unfinished


def test_every_context_is_translated_in_chinese():
    checked, unfinished = _unfinished(TS)
    assert checked > 700
    assert unfinished == []


def test_fresh_extraction_finds_no_untranslated_string(tmp_path):
    """lupdate over ALL of ui/ into a copy of the committed .ts: any tr()/translate() string that
    the .ts lacks (script not run) or leaves unfinished makes this fail, in every context."""
    import shutil
    import subprocess
    import sys

    lupdate = pathlib.Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-locations", "none", "-target-language", "zh_CN",
                    *map(str, _ui_sources()), "-ts", str(fresh)], check=True, capture_output=True)
    _checked, unfinished = _unfinished(fresh)
    assert unfinished == []


def test_english_catalogue_is_complete_and_is_the_source():
    root = ET.parse(EN_TS).getroot()
    chinese = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(TS).getroot().iter("context")
               for m in c.iter("message")}
    english = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation.get("type") is None, message.findtext("source")
            english[(context.findtext("name"), message.findtext("source"))] = (
                translation.text or next((f.text for f in translation), ""))
    assert set(english) == chinese
    assert all(text == source for (_context, source), text in english.items())


def test_english_translator_loads(qapp):
    from ui import app as app_module

    installed = app_module.install_translators(qapp, "en")
    try:
        assert len(installed) == 1
        assert QCoreApplication.translate("MainWindow", "Registry") == "Registry"
        assert QCoreApplication.translate("SettingsDialog", "&Language") == "&Language"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_no_chinese_and_no_bare_english_in_any_ui_source():
    """Every screen's text goes through tr(): no Chinese inside tr(), and no English literal handed
    straight to a widget (labels, buttons, titles, message boxes) anywhere in ui/."""
    import re

    bare = re.compile(r'(QLabel|QPushButton|QCheckBox|QRadioButton|QGroupBox|setWindowTitle|setText|'
                      r'setPlaceholderText|setToolTip|addRow|addTab|setTitle|setSubTitle)\(\s*f?"[A-Za-z]{2,} ')
    offenders = []
    for path in _ui_sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(\.tr|\btranslate)\([^)]*[\u4e00-\u9fff]", line) or bare.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []


def test_new_screens_in_chinese(chinese):
    assert QCoreApplication.translate("MainWindow", "&Help") == "帮助(&H)"
    assert QCoreApplication.translate("FirstRunWizard", "Set up Neighbourhood Ledger") == "设置社区台账"
    assert QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts") == "键盘快捷键"
