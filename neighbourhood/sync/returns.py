"""Return files: the laptop writes every change the office has not acknowledged.

Changes are numbered per device; a return file carries all of them after the office's
last acknowledgement (so a lost USB stick costs nothing: the next file repeats them) and
the office skips the ones it already has.  The laptop keeps each file in its outbox until
a later check-out tells it the office applied it.
"""
from __future__ import annotations

import dataclasses
import json
import pathlib
from typing import TYPE_CHECKING

from db.queries import sync as q
from db.writes import new_id, utc_now
from neighbourhood.errors import ValidationError
from neighbourhood.sync import bundle as fmt
from neighbourhood.sync.bundle import Bundle

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: pathlib.Path
    bundle_id: str
    seq: int
    changes: int


def build_return(ledger: "Ledger", *, sections: dict[str, bytes] | None = None) -> Bundle:
    """The return bundle of everything not yet acknowledged (does not number it)."""
    conn = ledger.conn
    state = q.all_state(conn)
    if state.get("role") != "laptop":
        raise ValidationError("这不是从办公室检出的笔记本数据库，没有可交回的修改。")
    acked = int(state.get("acked_through") or 0)
    rows = q.changes_after(conn, acked)
    extra = {"acked_through": acked, "first_change": rows[0][0] if rows else None,
             "last_change": rows[-1][0] if rows else None, "count": len(rows)}
    body = {"changes": json.dumps(rows, ensure_ascii=False, default=str).encode("utf-8")}
    from neighbourhood.sync.attachments import SECTION, build_section
    files = build_section(ledger)
    if files is not None:
        body[SECTION] = files
    body.update(sections or {})
    return Bundle(kind="return", bundle_id=new_id(), community_id=state.get("community_id", ""),
                  device_id=state.get("device_id", ""), device_name=state.get("device_name", ""),
                  seq=int(state.get("next_seq") or 1), base_snapshot_id=state.get("base_snapshot_id", ""),
                  schema_version=q.schema_version(conn), created_at=utc_now(), extra=extra, sections=body)


def export(ledger: "Ledger", *, out: pathlib.Path, passphrase: str, kdf_n: int = fmt.SCRYPT_N,
           sections: dict[str, bytes] | None = None) -> ExportResult:
    """Write the return file to ``out`` (verified by reading back) and keep it in the outbox.

    ``sections`` adds named sections (the extension point of the format, e.g. attachments).
    """
    bundle = build_return(ledger, sections=sections)
    out = fmt.write(pathlib.Path(out), bundle, passphrase, kdf_n=kdf_n)
    conn = ledger.conn
    with ledger.db.atomic():
        q.add_outbox(conn, seq=bundle.seq, bundle_id=bundle.bundle_id, path=str(out),
                     first=bundle.extra["first_change"], last=bundle.extra["last_change"],
                     created_at=bundle.created_at)
        q.set_state(conn, "next_seq", bundle.seq + 1)
    return ExportResult(out, bundle.bundle_id, bundle.seq, bundle.extra["count"])


def pending(ledger: "Ledger") -> int:
    """Changes on this laptop the office has not acknowledged."""
    return q.count_changes_after(ledger.conn, int(q.state(ledger.conn, "acked_through") or 0))
