-- 0007: attachments (附件): visit photos, scanned certificates, signed minutes.
-- Content-addressed: each distinct file is stored once in attachment_blobs (key: SHA-256 of the
-- stored bytes) and linked to records by attachments rows.  The bytes live inside the database so
-- that an encrypted ledger keeps them encrypted and VACUUM INTO backups carry them.

CREATE TABLE attachment_blobs (
    sha256      TEXT PRIMARY KEY,              -- hex SHA-256 of data
    size        INTEGER NOT NULL,
    mime        TEXT NOT NULL,                 -- image/jpeg, image/png, image/gif, image/bmp, image/webp, application/pdf
    width       INTEGER,                       -- images only
    height      INTEGER,
    created_at  TEXT NOT NULL,
    thumbnail   BLOB,                          -- small JPEG (NULL when none could be made)
    data        BLOB NOT NULL                  -- last: listing metadata never walks the overflow pages
);

-- A stored file never changes (its key is its hash); only unreferenced ones may be purged.
CREATE TRIGGER attachment_blobs_immutable BEFORE UPDATE ON attachment_blobs
BEGIN
    SELECT RAISE(ABORT, 'attachment blobs are immutable');
END;

-- One file on one record.  owner_table/owner_id point at a visit, household, resident,
-- hardship enrolment or meeting (no FK: several tables).  Record conventions as in 0001.
CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    blob_sha256  TEXT NOT NULL REFERENCES attachment_blobs(sha256),
    owner_table  TEXT NOT NULL
                 CHECK (owner_table IN ('visits', 'households', 'residents', 'hardship_enrolments', 'meetings')),
    owner_id     TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    caption      TEXT,
    in_report    INTEGER NOT NULL DEFAULT 0,   -- chosen for the monthly report / record PDF
    added_by     TEXT,                         -- display name of who attached it
    created_at   TEXT NOT NULL,                -- when it was attached
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE INDEX attachments_owner ON attachments(owner_table, owner_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX attachments_once ON attachments(owner_table, owner_id, blob_sha256)
    WHERE deleted_at IS NULL;
CREATE INDEX attachments_blob ON attachments(blob_sha256);
CREATE INDEX attachments_updated ON attachments(updated_at);
