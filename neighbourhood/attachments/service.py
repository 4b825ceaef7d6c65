"""``ledger.attachments``: files attached to visits, households, residents, hardship enrolments
and meetings, stored once by content hash inside the ledger database.

Because the bytes live in the database, an encrypted ledger keeps them encrypted
at rest and every ``VACUUM INTO`` backup carries them.  The link rows go through
``ledger.writer`` (stamped, audited, undoable); the blob row is written in the
same transaction.  Permissions are those of editing the owner record: grid scope
for household-bound records, staff for meetings.  Ledger thread only.
"""
from __future__ import annotations

import dataclasses
import os
import pathlib
import re
import tempfile
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from db.queries import attachments as q
from db.writes import Operation, utc_now
from neighbourhood.attachments.files import PreparedFile, Source, prepare
from neighbourhood.errors import NotFound, PermissionDenied, ValidationError
from neighbourhood.field_labels import table_label

if TYPE_CHECKING:
    from neighbourhood.ledger import Ledger

MAX_REPORT_PHOTOS = 12  # a monthly report is a summary, not an album
# Scans on these records (残疾证, 低保 approval, ID card) show full ID numbers: opening the
# full file needs the full-view permission, like the ID number itself.
SENSITIVE_OWNERS = frozenset({"residents", "hardship_enrolments"})
PURGE_MIN_DAYS = 1      # a removal this recent may still be undone: its file is never purged
# The records attachments hang from, with their Chinese names (the field-label catalogue's).
OWNER_TABLES = {table: table_label(table)
                for table in ("visits", "households", "residents", "hardship_enrolments", "meetings")}


@dataclasses.dataclass(frozen=True)
class Attachment:
    id: str
    owner_table: str
    owner_id: str
    file_name: str
    sha256: str
    size: int
    mime: str
    width: int | None
    height: int | None
    caption: str | None
    in_report: bool
    added_by: str | None
    added_at: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Attachment":
        return cls(id=row["id"], owner_table=row["owner_table"], owner_id=row["owner_id"],
                   file_name=row["file_name"], sha256=row["blob_sha256"], size=row["size"],
                   mime=row["mime"], width=row["width"], height=row["height"], caption=row["caption"],
                   in_report=bool(row["in_report"]), added_by=row["added_by"], added_at=row["created_at"])


@dataclasses.dataclass(frozen=True)
class ReportPhoto:
    """A photo chosen for a PDF: caption, date and the stored image bytes (the PDF
    builder scales them down for print, off the ledger thread)."""
    caption: str
    on_date: str | None
    data: bytes = dataclasses.field(repr=False)


def safe_file_name(name: str, mime: str) -> str:
    """A file name safe on Windows and Linux, with the type's extension."""
    from neighbourhood.attachments.files import EXTENSIONS
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", pathlib.PurePath(name).name).strip(" .") or "附件"
    ext = EXTENSIONS.get(mime, "")
    if ext and not stem.lower().endswith(ext) and not (ext == ".jpg" and stem.lower().endswith(".jpeg")):
        stem += ext
    return stem[:150]


class Attachments:
    def __init__(self, ledger: "Ledger") -> None:
        self._l = ledger

    @property
    def conn(self):
        return self._l.conn

    # --- reading -------------------------------------------------------------------------------

    def list(self, owner_table: str, owner_id: str) -> list[Attachment]:
        """Live attachments of one record, oldest first."""
        self._table(owner_table)
        return [Attachment.from_row(r) for r in q.links_of(self.conn, owner_table, owner_id)]

    def get(self, attachment_id: str) -> Attachment:
        row = q.link(self.conn, attachment_id)
        if row is None:
            raise NotFound("附件不存在或已被删除。")
        return Attachment.from_row(row)

    def counts(self, owner_table: str, owner_ids: Sequence[str]) -> dict[str, int]:
        return q.count_of(self.conn, self._table(owner_table), list(owner_ids))

    def data(self, attachment_id: str) -> bytes:
        """The stored bytes (no permission check: callers that show them to a user use
        :meth:`export_to`, which checks :meth:`may_open`)."""
        return q.blob_field(self.conn, self.get(attachment_id).sha256, "data")

    def open_refusal(self, item: "Attachment | str") -> str | None:
        """Why the signed-in user may not open the full file (None: they may).  Residents'
        and hardship enrolments' files need full view; the thumbnail stays visible."""
        if isinstance(item, str):
            item = self.get(item)
        if not self.may_open_files_of(item.owner_table):
            return (f"附件“{item.file_name}”是{OWNER_TABLES[item.owner_table]}的证件或扫描件，可能含完整身份证号，"
                    "您的账号没有“查看完整信息”权限，只能看缩略图。如需打开原件，请联系管理员。")
        return None

    def may_open_files_of(self, owner_table: str) -> bool:
        """Whether the signed-in user may open full files attached to ``owner_table`` records."""
        return owner_table not in SENSITIVE_OWNERS or self._l.access.can_view_full

    def may_open(self, item: "Attachment | str") -> bool:
        return self.open_refusal(item) is None

    def thumbnail(self, attachment_id: str) -> bytes | None:
        return q.blob_field(self.conn, self.get(attachment_id).sha256, "thumbnail")

    def export_to(self, attachment_id: str, folder: str | os.PathLike[str]) -> pathlib.Path:
        """Write a copy of the file into ``folder`` (for opening in the system viewer); returns its path.

        The copy is plaintext even for an encrypted ledger: the caller picks a private
        temporary folder and removes it afterwards.  Each export is audited (a scan of a
        certificate shows the full ID number), in its own transaction.
        """
        item = self.get(attachment_id)
        refusal = self.open_refusal(item)
        if refusal:
            raise PermissionDenied(refusal)
        self._l.log_view_full("attachments", attachment_id,
                              f"打开附件：{item.file_name}（{OWNER_TABLES[item.owner_table]}）")
        folder = pathlib.Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        name = safe_file_name(item.file_name, item.mime)
        target = folder / name
        n = 2
        while target.exists():
            target = folder / f"{pathlib.PurePath(name).stem} ({n}){pathlib.PurePath(name).suffix}"
            n += 1
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(self.data(attachment_id))
            os.replace(tmp, target)
        except BaseException:
            pathlib.Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def stats(self) -> dict[str, int]:
        return q.stats(self.conn)

    # --- writing -------------------------------------------------------------------------------

    def _table(self, owner_table: str) -> str:
        if owner_table not in OWNER_TABLES:
            raise ValueError(f"attachments cannot belong to {owner_table!r}")
        return owner_table

    def _require(self, owner_table: str, owner_id: str) -> None:
        """Raise unless the signed-in user may edit the owner record (and it exists)."""
        self._table(owner_table)
        if not q.owner_exists(self.conn, owner_table, owner_id):
            raise NotFound(f"要添加附件的{OWNER_TABLES[owner_table]}不存在或已被删除。")
        if owner_table == "meetings":
            self._l.access.require_staff()
            return
        household = q.owner_household(self.conn, owner_table, owner_id)
        self._l.access.require_grid(self._l.households.grid_of(household) if household else None)

    def can_edit(self, owner_table: str, owner_id: str | None) -> bool:
        """Whether the signed-in user may add or remove attachments of the record (None: a new one)."""
        from neighbourhood.errors import LedgerError
        if owner_id is None:
            return self._l.access.can_write
        try:
            self._require(owner_table, owner_id)
        except LedgerError:
            return False
        return True

    def prepare(self, source: Source | PreparedFile, *, name: str | None = None,
                downscale: bool = False) -> PreparedFile:
        """Check a file without storing it (see :func:`files.prepare`)."""
        if isinstance(source, PreparedFile):
            return source
        return prepare(source, name=name, downscale=downscale)

    def add(self, owner_table: str, owner_id: str, source: Source | PreparedFile, *,
            name: str | None = None, downscale: bool = False, caption: str | None = None,
            in_report: bool = False) -> Attachment:
        """Attach a file (path, bytes or a :class:`PreparedFile`) to a record.

        One transaction (joins the caller's operation): the blob is stored unless the
        same content is already stored, then the audited link row.  Raises
        ValidationError (bad file, too large, already attached), NotFound,
        PermissionDenied; nothing is stored then.
        """
        self._require(owner_table, owner_id)
        prepared = self.prepare(source, name=name, downscale=downscale)
        same = q.live_link_to(self.conn, owner_table, owner_id, prepared.sha256)
        if same is not None:
            raise ValidationError(
                f"文件“{prepared.name}”已经附在这条{OWNER_TABLES[owner_table]}上"
                f"（与附件“{same['file_name']}”内容相同），无需重复添加。", field="file")
        with self._l.writer.operation(f"添加附件：{prepared.name}"):
            q.insert_blob(self.conn, {
                "sha256": prepared.sha256, "size": prepared.size, "mime": prepared.mime,
                "width": prepared.width, "height": prepared.height, "created_at": utc_now(),
                "thumbnail": prepared.thumbnail, "data": prepared.data})
            new_id = self._l.writer.insert("attachments", {
                "blob_sha256": prepared.sha256, "owner_table": owner_table, "owner_id": owner_id,
                "file_name": prepared.name, "caption": (caption or "").strip() or None,
                "in_report": int(bool(in_report)), "added_by": self._l.access.display_name})
        return self.get(new_id)

    def update(self, attachment_id: str, *, caption: Any = ..., in_report: Any = ...,
               file_name: Any = ...) -> Attachment:
        """Change caption, "include in report" or the shown file name (audited)."""
        item = self.get(attachment_id)
        self._require(item.owner_table, item.owner_id)
        changes: dict[str, Any] = {}
        if caption is not ...:
            changes["caption"] = (caption or "").strip() or None
        if in_report is not ...:
            changes["in_report"] = int(bool(in_report))
        if file_name is not ...:
            if not (file_name or "").strip():
                raise ValidationError("请填写附件名称。", field="file_name")
            changes["file_name"] = file_name.strip()
        with self._l.writer.operation(f"修改附件：{item.file_name}"):
            self._l.writer.update("attachments", attachment_id, changes)
        return self.get(attachment_id)

    def remove(self, attachment_id: str) -> Operation:
        """Soft-delete the link (undoable); the stored file stays for other links and backups."""
        item = self.get(attachment_id)
        self._require(item.owner_table, item.owner_id)
        with self._l.writer.operation(f"删除附件：{item.file_name}") as op:
            self._l.writer.soft_delete("attachments", attachment_id)
        return op

    # --- housekeeping ---------------------------------------------------------------------------

    def unused(self, *, older_than_days: int = 30, now: str | None = None) -> dict[str, int]:
        """Stored files no live attachment uses, idle for ``older_than_days``: ``{"files", "bytes"}``
        (what :meth:`purge_unused` would free).  Admin only."""
        self._l.access.require_admin()
        rows = q.purgeable_blobs(self.conn, self._cutoff(older_than_days, now))
        return {"files": len(rows), "bytes": sum(r["size"] for r in rows)}

    def purge_unused(self, *, older_than_days: int = 30, now: str | None = None) -> dict[str, int]:
        """Delete for good the stored files no live attachment uses and that have been idle
        (stored, last linked or last removed) for at least ``older_than_days`` days, so an
        Undo of a recent removal still finds its file.  The removed links of those files
        go with them.  Admin only; one transaction with one audit entry (count, bytes).
        Backups made before keep the files.  Returns ``{"files", "bytes"}``."""
        self._l.access.require_admin()
        if older_than_days < PURGE_MIN_DAYS:
            raise ValidationError(f"只能清理至少 {PURGE_MIN_DAYS} 天未使用的附件（最近删除的附件还可以撤销）。",
                                  field="older_than_days")
        cutoff = self._cutoff(older_than_days, now)
        # Zero the freed pages: a purged scan must not stay readable in the file's free space.
        secure = self.conn.execute("PRAGMA secure_delete").fetchone()[0]
        self.conn.execute("PRAGMA secure_delete = ON")
        try:
            return self._purge(cutoff, older_than_days)
        finally:
            self.conn.execute(f"PRAGMA secure_delete = {int(secure)}")

    def _purge(self, cutoff: str, older_than_days: int) -> dict[str, int]:
        with self._l.db.atomic():
            rows = q.purgeable_blobs(self.conn, cutoff)
            hashes = [r["sha256"] for r in rows]
            total = sum(r["size"] for r in rows)
            if hashes:
                q.purge_blobs(self.conn, hashes)
                last = self._l.writer.last_operation
                if last is not None and "attachments" in last.tables:
                    self._l.writer.last_operation = None   # its link rows may be gone now
            from db import audit
            audit.append(self.conn, at=utc_now(), actor=self._l._actor(), action="purge_attachments",
                         table_name="attachment_blobs", record_id=None,
                         changes={"files": len(hashes), "bytes": total, "older_than_days": older_than_days})
        return {"files": len(hashes), "bytes": total}

    @staticmethod
    def _cutoff(days: int, now: str | None) -> str:
        import datetime as dt
        base = dt.datetime.fromisoformat((now or utc_now()).replace("Z", "+00:00"))
        if base.tzinfo is not None:
            base = base.astimezone(dt.timezone.utc)
        return (base - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # as utc_now()

    # --- reports -------------------------------------------------------------------------------

    def report_photos(self, *, date_from: str | None = None, date_to: str | None = None,
                      grid_id: str | None = None, ids: Iterable[str] | None = None,
                      limit: int = MAX_REPORT_PHOTOS) -> list[ReportPhoto]:
        """Photos for a PDF: the given attachment ids, or those marked "include in report" on
        visits and meetings dated in ``[date_from, date_to)`` (visits of ``grid_id`` only)."""
        if ids is not None:
            rows = [q.link(self.conn, i) for i in ids]
            rows = [dict(r, on_date=None) for r in rows if r and r["mime"].startswith("image/")]
        elif date_from and date_to:
            rows = q.report_links(self.conn, date_from=date_from, date_to=date_to, grid_id=grid_id)
        else:
            rows = []
        return [ReportPhoto(r.get("caption") or pathlib.PurePath(r["file_name"]).stem, r["on_date"],
                            q.blob_field(self.conn, r["blob_sha256"], "data")) for r in rows[:limit]]

    # --- sync ----------------------------------------------------------------------------------

    def new_since(self, marker: str | None, *, have: Iterable[str] = ()):
        """Links changed after ``marker`` and the blobs they need (see :mod:`.transfer`)."""
        from neighbourhood.attachments.transfer import new_since
        return new_since(self.conn, marker, have=have)

    def import_blobs(self, blobs: Iterable[dict[str, Any]], links: Iterable[dict[str, Any]], *,
                     check_access: bool = True, known=None):
        """Store incoming blobs and links idempotently in the caller's transaction (see :mod:`.transfer`)."""
        from neighbourhood.attachments.transfer import import_blobs
        return import_blobs(self._l, blobs, links, check_access=check_access, known=known)
