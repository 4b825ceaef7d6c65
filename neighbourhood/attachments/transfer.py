"""Moving attachments between two ledgers (field-laptop sync): what is new, and taking it in.

``new_since(conn, marker)`` lists the link rows changed after ``marker`` (an
``updated_at`` ISO stamp; None = everything) and the blobs those live links need,
leaving out hashes the other side says it ``have``.  ``import_blobs`` stores such
a bundle in the caller's writer operation: blobs are checked against their hash
and stored once; links are inserted with their original id, or updated field by field
against the version last taken (``sync_link_base``: an edit on one side is never lost to
the other side's older value; both sides' different edits are reported as clashes; a
deletion on either side sticks).  Running it twice changes nothing.
What the database already holds for the incoming links is read once, in chunked
queries (:func:`holdings`); a caller that needs it first (the sync's apply) passes it on.
The one wire format for all this is the return file's ``attachments`` section
(:mod:`neighbourhood.sync.attachments`).
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


# The fields of a link either side may edit after it was made (merged field by field).
EDITABLE = ("caption", "in_report", "file_name")


@dataclasses.dataclass
class ImportResult:
    blobs_added: int = 0
    links_added: int = 0
    links_updated: int = 0
    links_skipped: int = 0   # the same file was already attached to that record under another id
    # (link, field, base, incoming, current): changed on both sides since the office last took
    # the link; the office's value is kept and the caller queues it for review.
    clashes: list[tuple[dict[str, Any], str, Any, Any, Any]] = dataclasses.field(default_factory=list)


def new_since(conn, marker: str | None, *, have: Iterable[str] = ()) -> AttachmentBundle:
    links = [{k: row[k] for k in LINK_FIELDS} for row in q.links_changed_since(conn, marker)]
    skip = set(have)
    wanted = list(dict.fromkeys(l["blob_sha256"] for l in links
                                if l["deleted_at"] is None and l["blob_sha256"] not in skip))
    newest = max((l["updated_at"] for l in links), default=marker)
    return AttachmentBundle(links=links, blobs=q.blobs(conn, wanted), marker=newest)


@dataclasses.dataclass
class Holdings:
    """What a database holds for a batch of incoming links, read once (a few chunked queries,
    not several per link).  :func:`import_blobs` keeps it current as it writes."""
    links: dict[str, dict[str, Any]]            # link id: its row now (live or removed)
    owners: dict[str, set[str]]                 # owner table: ids of the records present
    blobs: set[str]                             # stored hashes among those the links name
    live: dict[tuple[str, str, str], set[str]]  # (owner table, owner id, hash): live link ids
    bases: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)  # link id: last taken
    stale: set[str] = dataclasses.field(default_factory=set)  # link ids written since: read again

    def link(self, conn, link_id: str) -> dict[str, Any] | None:
        if link_id in self.stale:
            self.stale.discard(link_id)
            row = q.raw_link(conn, link_id)
            if row is None:
                self.links.pop(link_id, None)
            else:
                self.links[link_id] = row
        return self.links.get(link_id)

    def has_owner(self, table: str, owner_id: Any) -> bool:
        return owner_id in self.owners.get(table, ())


def holdings(conn, links: Iterable[dict[str, Any]]) -> Holdings:
    """Read what ``conn`` holds for ``links`` (rows from another ledger; unknown owner tables are
    left out, the import refuses them)."""
    from neighbourhood.attachments.service import OWNER_TABLES

    links = list(links)
    by_table: dict[str, list[str]] = {}
    for link in links:
        if link.get("owner_table") in OWNER_TABLES:
            by_table.setdefault(link["owner_table"], []).append(link.get("owner_id"))
    owners = {table: q.present_owners(conn, table, ids) for table, ids in by_table.items()}
    live: dict[tuple[str, str, str], set[str]] = {}
    for table, ids in by_table.items():
        for owner, sha, link_id in q.live_links_on(conn, table, ids):
            live.setdefault((table, owner, sha), set()).add(link_id)
    ids = [l.get("id") for l in links]
    return Holdings(links=q.raw_links(conn, ids), owners=owners,
                    blobs=q.known_blobs(conn, (l.get("blob_sha256") for l in links)), live=live,
                    bases=q.link_bases(conn, ids))


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
                 check_access: bool = True, known: Holdings | None = None) -> ImportResult:
    """Store a bundle's blobs and links; joins the caller's ``ledger.writer.operation``.

    Owner records must already exist (import them first, in the same operation).
    ``check_access`` applies the usual edit permission per changed link; a sync that
    has done its own checks may pass False.  ``known`` is :func:`holdings` of ``links``
    when the caller has read it already (after its own writes).  Raises ValidationError/
    NotFound/PermissionDenied, and then nothing of this call is kept.
    """
    from neighbourhood.attachments.service import OWNER_TABLES

    service = ledger.attachments
    writer = ledger.writer
    conn = ledger.conn
    result = ImportResult()
    ledger.access.require_write()
    links = [{k: raw.get(k) for k in LINK_FIELDS} for raw in links]
    taken: dict[str, dict[str, Any]] = {}       # link id: the fields taken now (the next base)
    with writer.operation("导入附件"):
        known = known or holdings(conn, links)
        stored = set(known.blobs)
        for blob in blobs:
            checked = _check_blob(blob)
            if q.insert_blob(conn, checked):
                result.blobs_added += 1
            stored.add(checked["sha256"])
        for link in links:
            table, owner = link["owner_table"], link["owner_id"]
            if table not in OWNER_TABLES:
                raise ValidationError(f"同步文件中的附件属于未知的记录类型“{table}”。", field="owner_table")
            current = known.link(conn, link["id"])
            if link["blob_sha256"] not in stored:
                if link["deleted_at"] and current is None:
                    result.links_skipped += 1   # removed there, file purged (or never sent): nothing to keep
                    continue
                raise ValidationError(f"同步文件缺少附件“{link['file_name']}”的文件内容，请重新导出后再导入。",
                                      field="file")
            if current is None:
                if not known.has_owner(table, owner):
                    raise NotFound(f"附件“{link['file_name']}”所属的{OWNER_TABLES[table]}不存在，"
                                   "请先导入该记录。")
                same = known.live.setdefault((table, owner, link["blob_sha256"]), set())
                if link["deleted_at"] is None and same:
                    result.links_skipped += 1
                    continue
                if check_access and link["deleted_at"] is None:
                    service._require(table, owner)
                writer.insert("attachments", {k: v for k, v in link.items() if k != "updated_at"})
                known.stale.add(link["id"])
                if link["deleted_at"] is None:
                    same.add(link["id"])
                result.links_added += 1
                known.bases[link["id"]] = taken[link["id"]] = {f: link[f] for f in EDITABLE}
                continue
            changes: dict[str, Any] = {}
            if link["deleted_at"] and not current["deleted_at"]:
                changes["deleted_at"] = link["deleted_at"]
            changes.update(_merge_fields(link, current, known.bases.get(link["id"]), result))
            known.bases[link["id"]] = taken[link["id"]] = {f: link[f] for f in EDITABLE}
            if changes:
                if check_access:
                    service._require(table, owner)
                writer.update("attachments", link["id"], changes)
                known.stale.add(link["id"])
                if "deleted_at" in changes:
                    known.live.get((current["owner_table"], current["owner_id"], current["blob_sha256"]),
                                   set()).discard(link["id"])
                result.links_updated += 1
        q.set_link_bases(conn, taken)
    return result


def _merge_fields(link: dict[str, Any], current: dict[str, Any], base: dict[str, Any] | None,
                  result: ImportResult) -> dict[str, Any]:
    """The editable fields to take from ``link`` into ``current``.

    With the ``base`` (what the office last took of this link) a field is taken only when the
    other side changed it and the office did not; changed on both sides to different values
    it is kept and reported in ``result.clashes``.  Without one (a link taken before the office
    kept bases) the side with the newer stamp wins, as it did then.
    """
    if base is None:
        if (link["updated_at"] or "") <= (current["updated_at"] or ""):
            return {}
        return {f: link[f] for f in EDITABLE if link[f] != current[f]}
    changes = {}
    for field in EDITABLE:
        theirs, ours, was = link[field], current[field], base.get(field)
        if theirs == was or theirs == ours:
            continue                    # not changed there, or both made the same change
        if ours == was:
            changes[field] = theirs     # changed there only
        else:
            result.clashes.append((link, field, was, theirs, ours))
    return changes
