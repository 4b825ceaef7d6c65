"""Shared fixtures.  Qt runs offscreen; core tests never need it."""
from __future__ import annotations

import os
import pathlib
import shutil
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def ledger(tmp_path):
    """An empty, migrated ledger in a temporary folder."""
    from neighbourhood.ledger import Ledger

    with Ledger.open(tmp_path / "ledger.db") as opened:
        yield opened


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> pathlib.Path:
    """A small demo database built once per test run (120 households)."""
    from neighbourhood.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path, households=120, seed=11)
    return path


@pytest.fixture
def demo_path(_demo_template, tmp_path) -> pathlib.Path:
    """A private copy of the small demo database."""
    target = tmp_path / "demo.db"
    shutil.copy(_demo_template, target)
    return target


@pytest.fixture
def demo_ledger(demo_path):
    from neighbourhood.ledger import Ledger

    with Ledger.open(demo_path) as opened:
        yield opened
