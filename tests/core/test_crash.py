"""A few kill -9 trials in the suite; benchmarks/crash_test.py runs 200+."""
from __future__ import annotations

import sys

import pytest

from benchmarks import crash_test


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_nine_during_batched_writes_loses_nothing_committed(tmp_path):
    batches, problems = crash_test.run(4, seed=3, folder=tmp_path)
    assert problems == []
    assert batches > 0  # the trials really committed work before being killed
