-- Stored attachment files may be deleted only by "清理未使用的附件" (ledger.attachments.purge_unused):
-- that path puts a row in attachment_purge_gate for the length of its transaction.  Any other
-- DELETE, and any delete of a file a live attachment still uses, is refused.
CREATE TABLE attachment_purge_gate (
    opened_at TEXT NOT NULL
);

CREATE TRIGGER attachment_blobs_purge_only BEFORE DELETE ON attachment_blobs
WHEN NOT EXISTS (SELECT 1 FROM attachment_purge_gate)
  OR EXISTS (SELECT 1 FROM attachments WHERE blob_sha256 = OLD.sha256 AND deleted_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'attachment blobs are deleted only by purging unused attachments');
END;
