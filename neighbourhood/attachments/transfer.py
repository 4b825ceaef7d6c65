"""Moving attachments between two ledgers (field-laptop sync): what is new, and taking it in.

``new_since(conn, marker)`` lists the link rows changed after ``marker`` (an
``updated_at`` ISO stamp; None = everything) and the blobs those live links need,
leaving out hashes the other side says it ``have``.  ``import_blobs`` stores such
a bundle in the caller's writer operation: blobs are checked against their hash
and stored once; links are inserted with their original id, or updated (caption,
report flag; a deletion on either side sticks).  Running it twice changes nothing.
"""
from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING, Any, Iterable

from db.queries import attachments as q
from neighbourhood.attachments.files import EXTENSIONS, MAX_FILE_BYTES
from neighbourhood.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

LINK_FIELDS = ("id", "blob_sha256", "owner_table", "owner_id", "file_name", "caption", "in_report",
               "added_by", "created_at", "updated_at", "deleted_at")


@dataclasses.dataclass
class AttachmentBundle:
    """What one side sends: link rows (dicts of LINK_FIELDS), blob rows (with ``data``), and the
    marker to pass next time (the newest ``updated_at`` sent, or the old marker)."""
    links: list[dict[str, Any]]
    blobs: list[dict[str, Any]]
    marker: str | None

    @property
    def bytes(self) -> int:
        return sum(len(b["data"]) for b in self.blobs)


@dataclasses.dataclass
class ImportResult:
    blobs_added: int = 0
    links_added: int = 0
    links_updated: int = 0
    links_skipped: int = 0   # the same file was already attached to that record under another id


def new_since(conn, marker: str | None, *, have: Iterable[str] = ()) -> AttachmentBundle:
    links = [{k: row[k] for k in LINK_FIELDS} for row in q.links_changed_since(conn, marker)]
    skip = set(have)
    wanted = list(dict.fromkeys(l["blob_sha256"] for l in links
                                if l["deleted_at"] is None and l["blob_sha256"] not in skip))
    newest = max((l["updated_at"] for l in links), default=marker)
    return AttachmentBundle(links=links, blobs=q.blobs(conn, wanted), marker=newest)


def _check_blob(blob: dict[str, Any]) -> dict[str, Any]:
    data = bytes(blob["data"])
    digest = hashlib.sha256(data).hexdigest()
    if digest != blob.get("sha256"):
        raise ValidationError(f"同步文件中的附件内容与其校验值不符（{str(blob.get('sha256'))[:12]}…），"
                              "文件可能已损坏，请重新导出后再导入。", field="file")
    if blob.get("mime") not in EXTENSIONS or len(data) > MAX_FILE_BYTES:
        raise ValidationError(f"同步文件中的附件（{digest[:12]}…）类型或大小不受支持。", field="file")
    return {**blob, "data": data, "size": len(data)}


def import_blobs(ledger: "Ledger", blobs: Iterable[dict[str, Any]], links: Iterable[dict[str, Any]], *,
                 check_access: bool = True) -> ImportResult:
    """Store a bundle's blobs and links; joins the caller's ``ledger.writer.operation``.

    Owner records must already exist (import them first, in the same operation).
    ``check_access`` applies the usual edit permission per changed link; a sync that
    has done its own checks may pass False.  Raises ValidationError/NotFound/
    PermissionDenied, and then nothing of this call is kept.
    """
    from neighbourhood.attachments.service import OWNER_TABLES

    service = ledger.attachments
    writer = ledger.writer
    conn = ledger.conn
    result = ImportResult()
    ledger.access.require_write()
    with writer.operation("导入附件"):
        for blob in blobs:
            if q.insert_blob(conn, _check_blob(blob)):
                result.blobs_added += 1
        for raw in links:
            link = {k: raw.get(k) for k in LINK_FIELDS}
            table, owner = link["owner_table"], link["owner_id"]
            if table not in OWNER_TABLES:
                raise ValidationError(f"同步文件中的附件属于未知的记录类型“{table}”。", field="owner_table")
            current = q.raw_link(conn, link["id"])
            if not q.blob_exists(conn, link["blob_sha256"]):
                if link["deleted_at"] and current is None:
                    result.links_skipped += 1   # removed there, file purged (or never sent): nothing to keep
                    continue
                raise ValidationError(f"同步文件缺少附件“{link['file_name']}”的文件内容，请重新导出后再导入。",
                                      field="file")
            if current is None:
                if conn.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", (owner,)).fetchone() is None:
                    raise NotFound(f"附件“{link['file_name']}”所属的{OWNER_TABLES[table]}不存在，"
                                   "请先导入该记录。")
                if link["deleted_at"] is None and q.live_link_to(conn, table, owner, link["blob_sha256"]):
                    result.links_skipped += 1
                    continue
                if check_access and link["deleted_at"] is None:
                    service._require(table, owner)
                writer.insert("attachments", {k: v for k, v in link.items() if k != "updated_at"})
                result.links_added += 1
                continue
            changes: dict[str, Any] = {}
            if link["deleted_at"] and not current["deleted_at"]:
                changes["deleted_at"] = link["deleted_at"]
            if (link["updated_at"] or "") > (current["updated_at"] or ""):
                for field in ("caption", "in_report", "file_name"):
                    if link[field] != current[field]:
                        changes[field] = link[field]
            if changes:
                if check_access:
                    service._require(table, owner)
                writer.update("attachments", link["id"], changes)
                result.links_updated += 1
    return result


# --- carrying a bundle in a SQLite return file ------------------------------------------------

_BUNDLE_TABLES = {
    "bundle_attachment_blobs": ("sha256 TEXT PRIMARY KEY, size INTEGER, mime TEXT, width INTEGER,"
                                " height INTEGER, created_at TEXT, thumbnail BLOB, data BLOB"),
    "bundle_attachments": ", ".join(f"{c} TEXT" if c != "in_report" else "in_report INTEGER"
                                    for c in LINK_FIELDS).replace("id TEXT", "id TEXT PRIMARY KEY", 1),
}


def write_bundle(conn, bundle: AttachmentBundle) -> None:
    """Store ``bundle`` in two tables of ``conn`` (e.g. the sync return file, itself a SQLite
    database, encrypted or not); the caller commits.  Writing the same rows twice is harmless."""
    for table, columns in _BUNDLE_TABLES.items():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
    blob_cols = q.BLOB_COLUMNS
    conn.executemany(
        f"INSERT OR REPLACE INTO bundle_attachment_blobs ({', '.join(blob_cols)})"
        f" VALUES ({', '.join('?' for _ in blob_cols)})", [[b.get(c) for c in blob_cols] for b in bundle.blobs])
    conn.executemany(
        f"INSERT OR REPLACE INTO bundle_attachments ({', '.join(LINK_FIELDS)})"
        f" VALUES ({', '.join('?' for _ in LINK_FIELDS)})", [[l.get(c) for c in LINK_FIELDS] for l in bundle.links])


def read_bundle(conn) -> AttachmentBundle:
    """The bundle :func:`write_bundle` stored in ``conn`` (empty when the file has none)."""
    from db.queries import dicts
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not set(_BUNDLE_TABLES) <= names:
        return AttachmentBundle(links=[], blobs=[], marker=None)
    links = dicts(conn.execute("SELECT * FROM bundle_attachments ORDER BY updated_at, id"))
    blobs = dicts(conn.execute("SELECT * FROM bundle_attachment_blobs"))
    return AttachmentBundle(links=links, blobs=blobs, marker=max((l["updated_at"] for l in links), default=None))
