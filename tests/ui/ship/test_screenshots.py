"""scripts/screenshots.py: one command writes every picture the guide shows."""
from __future__ import annotations

import importlib.util
import pathlib
import re

from PySide6.QtGui import QImage

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_screenshots_script_writes_every_image_of_the_guide(qapp, tmp_path):
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["screenshots.py", str(tmp_path), "--households", "40"]) == 0
    guide = (ROOT / "docs" / "guide" / "index.md").read_text(encoding="utf-8")
    wanted = {pathlib.Path(p).name for p in re.findall(r"\]\((images/[^)]+)\)", guide)}
    written = {p.name for p in tmp_path.glob("*.png")}
    assert wanted <= written
    home = QImage(str(tmp_path / "home.png"))
    assert (home.width(), home.height()) == module.SIZE
