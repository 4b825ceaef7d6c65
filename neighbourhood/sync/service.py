"""``ledger.sync``: field-laptop sync as one service (office and laptop sides)."""
from __future__ import annotations

import functools
import pathlib
from typing import TYPE_CHECKING, Any

from db.queries import sync as q
from neighbourhood.jobs import Abort, Progress, never, no_progress
from neighbourhood.sync import bundle as fmt
from neighbourhood.sync.bundle import Bundle

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger
    from neighbourhood.sync.checkout import CheckoutResult
    from neighbourhood.sync.merge import ApplyResult
    from neighbourhood.sync.returns import ExportResult


class Sync:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    @property
    def state(self) -> dict[str, str]:
        return q.all_state(self._l.conn)

    @property
    def is_laptop(self) -> bool:
        return self.state.get("role") == "laptop"

    @property
    def community_id(self) -> str:
        return self.state.get("community_id", "")

    @functools.cached_property
    def conflicts(self):
        from neighbourhood.sync.conflicts import Conflicts
        return Conflicts(self._l)

    # --- office -------------------------------------------------------------------------

    def checkout(self, *, grid_ids: list[str], out: pathlib.Path, passphrase: str, device_name: str,
                 username: str | None = None, kdf_n: int = fmt.SCRYPT_N) -> "CheckoutResult":
        from neighbourhood.sync.checkout import build_checkout
        return build_checkout(self._l, grid_ids=grid_ids, out=out, passphrase=passphrase,
                              device_name=device_name, username=username, kdf_n=kdf_n)

    def read(self, path: pathlib.Path, passphrase: str) -> Bundle:
        """Decode and check a return file (nothing written).  Raises SyncFileError."""
        from neighbourhood.sync.merge import check_bundle
        bundle = fmt.read(path, passphrase)
        check_bundle(self._l, bundle)
        return bundle

    def apply(self, bundle: Bundle, *, progress: Progress = no_progress, abort: Abort = never) -> "ApplyResult":
        from neighbourhood.sync.merge import apply
        result = apply(self._l, bundle, progress=progress, abort=abort)
        self._l.visits.update_plan(progress=progress, after_save=True)   # on this worker, not at the next read
        return result

    def apply_file(self, path: pathlib.Path, passphrase: str, *, progress: Progress = no_progress,
                   abort: Abort = never) -> "ApplyResult":
        """Long job: read, check and merge a return file in one transaction."""
        progress(0, 0, "正在解密并校验同步文件")
        return self.apply(self.read(path, passphrase), progress=progress, abort=abort)

    def bundles(self) -> list[dict[str, Any]]:
        return q.bundles(self._l.conn)

    def checkouts(self) -> list[dict[str, Any]]:
        return q.checkouts(self._l.conn)

    # --- laptop -------------------------------------------------------------------------

    def export(self, *, out: pathlib.Path, passphrase: str, kdf_n: int = fmt.SCRYPT_N,
               sections: dict[str, bytes] | None = None) -> "ExportResult":
        from neighbourhood.sync.returns import export
        return export(self._l, out=out, passphrase=passphrase, kdf_n=kdf_n, sections=sections)

    def pending(self) -> int:
        from neighbourhood.sync.returns import pending
        return pending(self._l)

    def pending_attachments(self) -> int:
        """Attachments added on this laptop that travel with the next return file."""
        from neighbourhood.sync.attachments import pending
        return pending(self._l.conn)

    def outbox(self) -> list[dict[str, Any]]:
        return q.outbox(self._l.conn)
