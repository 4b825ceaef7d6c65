"""Attachments in field-laptop sync: the ``attachments`` section of a return file.

Check-out carries **no attachment content** to the laptop: a USB stick holds a grid's
data in a few MB, while its photos and scans run to GB, and scans of 残疾证 or 低保
approvals show full ID numbers (PIPL: minimum necessary; a lost stick should expose as
little as possible).  The check-out only records which attachment ids and file hashes
the office already holds for the checked-out records (sync state
``office_attachments``), so the laptop never sends those back.

The return file carries every attachment link made on the laptop and the files (blobs)
the office does not have; the office checks them before anything is written (hash,
type, size, owner within the check-out's grids) and stores them with
:func:`neighbourhood.attachments.transfer.import_blobs` inside the merge transaction,
after the record changes, so a photo on a visit made on the laptop finds its visit.
Like record changes, links repeat in each return file until the next check-out
acknowledges them; the office stores each once (re-applying changes nothing).

Section layout: 4-byte big-endian length + UTF-8 JSON ``{"links": [...], "blobs":
[{...metadata, "data_len", "thumb_len"}]}``, then each blob's data and thumbnail bytes
in order (raw, not base64: photos are most of the file).
"""
from __future__ import annotations

import json
import struct
from typing import TYPE_CHECKING, Any

from db.queries import attachments as aq
from db.queries import sync as q
from neighbourhood.errors import LedgerError
from neighbourhood.field_labels import label
from neighbourhood.sync.bundle import Bundle, SyncFileError

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger
    from neighbourhood.sync.merge import ApplyResult, Merger
    from neighbourhood.sync.scope import Scope

SECTION = "attachments"
STATE_KEY = "office_attachments"
_META = ("sha256", "size", "mime", "width", "height", "created_at")
_DAMAGED = "同步文件中的附件部分已损坏（{what}），已拒绝导入整个文件，未做任何改动。请在笔记本上重新导出。"


# --- check-out (office) ----------------------------------------------------------------------

def office_holdings(office_conn, laptop_conn) -> dict[str, list[str]]:
    """Ids and hashes of the office's live attachments on the records now in ``laptop_conn``."""
    from neighbourhood.attachments.service import OWNER_TABLES

    ids: list[str] = []
    hashes: set[str] = set()
    for table in OWNER_TABLES:
        owners = [r[0] for r in laptop_conn.execute(f"SELECT id FROM [{table}]")]
        for row in aq.links_of_owners(office_conn, table, owners):
            ids.append(row["id"])
            hashes.add(row["blob_sha256"])
    return {"ids": sorted(ids), "hashes": sorted(hashes)}


def _holdings(conn) -> dict[str, set[str]]:
    raw = json.loads(q.state(conn, STATE_KEY) or "{}")
    return {"ids": set(raw.get("ids", [])), "hashes": set(raw.get("hashes", []))}


# --- return (laptop) -------------------------------------------------------------------------

def encode(links: list[dict[str, Any]], blobs: list[dict[str, Any]]) -> bytes:
    metas, tail = [], bytearray()
    for b in blobs:
        data, thumb = bytes(b["data"]), bytes(b.get("thumbnail") or b"")
        metas.append({**{k: b.get(k) for k in _META}, "data_len": len(data), "thumb_len": len(thumb)})
        tail += data + thumb
    head = json.dumps({"links": links, "blobs": metas}, ensure_ascii=False, default=str).encode("utf-8")
    return struct.pack(">I", len(head)) + head + bytes(tail)


def decode(data: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(links, blobs) of a section; raises SyncFileError when it does not parse."""
    try:
        (size,) = struct.unpack_from(">I", data, 0)
        head = json.loads(data[4:4 + size].decode("utf-8"))
        links, metas = list(head["links"]), list(head["blobs"])
        pos, blobs = 4 + size, []
        for m in metas:
            end = pos + int(m["data_len"])
            thumb_end = end + int(m["thumb_len"])
            if thumb_end > len(data):
                raise ValueError("truncated")
            blobs.append({**{k: m.get(k) for k in _META}, "data": data[pos:end],
                          "thumbnail": data[end:thumb_end] or None})
            pos = thumb_end
        if pos != len(data):
            raise ValueError("trailing bytes")
    except (struct.error, ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise SyncFileError(_DAMAGED.format(what="无法解析")) from exc
    return links, blobs


def build_section(ledger: "Ledger") -> bytes | None:
    """The laptop's section: its own links and the files the office lacks (None when none)."""
    held = _holdings(ledger.conn)
    found = ledger.attachments.new_since(None, have=held["hashes"])
    # Removed links travel too (without their file): one sent in an earlier return file must
    # be removed at the office as well; one the office never got is simply dropped there.
    links = [l for l in found.links if l["id"] not in held["ids"]]
    wanted = {l["blob_sha256"] for l in links if l["deleted_at"] is None}
    blobs = [b for b in found.blobs if b["sha256"] in wanted]
    if not links:
        return None
    return encode(links, blobs)


def pending(conn) -> int:
    """Attachments added on this laptop that the office does not hold yet (sent with each return file)."""
    held = _holdings(conn)["ids"]
    return sum(1 for l in aq.all_links(conn) if l["deleted_at"] is None and l["id"] not in held)


# --- apply (office) --------------------------------------------------------------------------

def _decoded(bundle: Bundle) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    if SECTION not in bundle.sections:
        return None
    cache = bundle.__dict__.setdefault("_decoded", {})
    if "_attachments" not in cache:
        cache["_attachments"] = decode(bundle.sections[SECTION])
    return cache["_attachments"]


def check(ledger: "Ledger", bundle: Bundle, scope: "Scope") -> None:
    """Refuse (SyncFileError) a damaged section before anything is written.

    ``scope.check_owner(table, owner_id)`` raises SyncFileError when the owner record lies
    outside the device's check-out grids (see :mod:`neighbourhood.sync.scope`).  The office's
    blobs and the owners' rows are read up front in chunks, not once per link.
    """
    from neighbourhood.attachments.service import OWNER_TABLES
    from neighbourhood.attachments.transfer import _check_blob

    decoded = _decoded(bundle)
    if decoded is None:
        return
    links, blobs = decoded
    names = {l.get("blob_sha256"): l.get("file_name") for l in links if isinstance(l, dict)}
    present = set()
    for blob in blobs:
        try:
            _check_blob(blob)
        except LedgerError as exc:
            name = names.get(blob.get("sha256")) or str(blob.get("sha256"))[:12]
            raise SyncFileError(_DAMAGED.format(what=f"附件“{name}”的内容与校验值不符，或类型、大小不受支持")) from exc
        present.add(blob["sha256"])
    wellformed = [l for l in links if isinstance(l, dict) and l.get("owner_table") in OWNER_TABLES]
    stored = aq.known_blobs(ledger.conn, [
        l["blob_sha256"] for l in wellformed
        if l.get("deleted_at") is None and isinstance(l.get("blob_sha256"), str) and l["blob_sha256"] not in present])
    scope.prefetch([(l["owner_table"], l["owner_id"]) for l in wellformed
                    if l["owner_table"] != "meetings" and isinstance(l.get("owner_id"), str)])
    for link in links:
        if not isinstance(link, dict) or link.get("owner_table") not in OWNER_TABLES \
                or link.get("owner_table") == "meetings":  # meetings never go out to a laptop
            raise SyncFileError(_DAMAGED.format(what="附件所属记录类型不允许从笔记本同步"))
        if (link.get("deleted_at") is None and link.get("blob_sha256") not in present
                and link.get("blob_sha256") not in stored):
            raise SyncFileError(_DAMAGED.format(what=f"缺少附件“{link.get('file_name')}”的文件内容"))
        scope.check_owner(link["owner_table"], link["owner_id"])


def apply_section(ledger: "Ledger", bundle: Bundle, data: bytes, result: "ApplyResult",
                  merger: "Merger | None" = None) -> None:
    """SECTION_HANDLERS entry: store blobs and links (after the records, same transaction).

    What the office holds for the links (their rows, owners, files) is read once here and
    handed to the import; ``merger`` is the apply's own (one is made when called alone).
    """
    from neighbourhood.attachments.service import OWNER_TABLES
    from neighbourhood.attachments.transfer import holdings

    links, blobs = _decoded(bundle) or ([], [])
    known = holdings(ledger.conn, links)
    ready, held = [], []
    for link in links:
        seen = link["id"] in known.links
        if link["deleted_at"] is not None and not seen:
            continue  # added and removed on the laptop: the office never had it
        (ready if seen or known.has_owner(link["owner_table"], link["owner_id"]) else held).append(link)
    try:
        done = ledger.attachments.import_blobs(blobs, ready, check_access=False, known=known)
    except LedgerError as exc:
        raise SyncFileError(f"同步文件中的附件无法导入（{exc}），已拒绝导入整个文件，未做任何改动。") from exc
    if (held or done.clashes) and merger is None:
        from neighbourhood.sync.merge import Merger
        merger = Merger(ledger, bundle, result)
    for link in held:  # its record was itself held for review: the file is kept, the link waits
        _hold(merger, link, f"附件“{link['file_name']}”所属的{OWNER_TABLES[link['owner_table']]}尚未导入"
                            "（该记录在冲突队列中），附件已保存，待核对。")
    for link, field, base, laptop, office in done.clashes:  # both sides changed it: the office's stays
        merger.conflict("both", "attachments", link["id"], field, base=base, laptop=laptop, office=office,
                        detail=f"附件“{link['file_name']}”的{label('attachments', field)}在笔记本和办公室"
                               "都改过，暂按办公室的值，待核对。")
    result.attachments = done.links_added
    if done.links_added or done.links_updated or held or done.clashes:
        result.tables.add("attachments")


def _hold(merger: "Merger", link: dict[str, Any], detail: str) -> None:
    """Queue a link whose record is not at the office (a ``missing`` conflict; its file is stored)."""
    values = {k: v for k, v in link.items() if k != "updated_at"}
    merger.conflict("missing", "attachments", link["id"], None, laptop=values, detail=detail)


# --- refresh (laptop) ------------------------------------------------------------------------

def unreturned(conn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The laptop's live links and their blobs, to carry onto a fresh check-out."""
    links = [l for l in aq.all_links(conn) if l["deleted_at"] is None]
    return links, aq.blobs(conn, list(dict.fromkeys(l["blob_sha256"] for l in links)))


def carry_over(conn, links: list[dict[str, Any]], blobs: list[dict[str, Any]]) -> int:
    """Put the previous working copy's attachments the office does not hold yet into the
    fresh one (they still travel in the next return file); returns how many."""
    held = _holdings(conn)["ids"]
    keep = [l for l in links if l["id"] not in held]
    wanted = {l["blob_sha256"] for l in keep}
    for blob in blobs:
        if blob["sha256"] in wanted:
            aq.insert_blob(conn, blob)
    for link in keep:
        aq.insert_link_row(conn, link)
    return len(keep)
