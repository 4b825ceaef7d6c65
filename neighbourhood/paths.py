"""Where the app keeps its files (per-user data folder via platformdirs)."""
from __future__ import annotations

import pathlib

APP_NAME = "NeighbourhoodLedger"


def data_dir() -> pathlib.Path:
    import platformdirs

    return pathlib.Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database() -> pathlib.Path:
    return data_dir() / "ledger.db"


def cache_dir() -> pathlib.Path:
    import platformdirs

    return pathlib.Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
