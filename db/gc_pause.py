"""The cyclic garbage collector paused during a bulk pass."""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Disable the cyclic GC for the block; restore its previous state after, also on an error.

    For passes that make ~100k long-lived objects (rows read, checked or written): each
    allocation burst triggers a full GC pass over all of them, which finds nothing (they
    make no cycles) and cost a sixth to a third of such a pass.  Reference counting still
    frees everything as usual.  Nested blocks leave the GC off until the outermost ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
