-- 0007: field laptops (issue 10): check-outs, the laptop's change log and return files,
-- and at the office the applied return files per device and the conflict review queue.
-- Values in the change log and the conflict queue are JSON text so types survive (1 vs '1').

-- Key/value identity of this database: community_id (shared by the office and every
-- laptop checked out from it), role ('office' or 'laptop'), and on a laptop its device,
-- base snapshot, grids and how far the office has acknowledged its changes.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT
);
INSERT INTO sync_state (key, value) VALUES
    ('community_id', lower(hex(randomblob(16)))),
    ('role', 'office');

-- Office: every check-out issued (id = the base snapshot id written into the file).
CREATE TABLE sync_checkouts (
    id           TEXT PRIMARY KEY,
    device_id    TEXT NOT NULL,
    device_name  TEXT,
    grid_ids     TEXT NOT NULL,                  -- JSON list
    username     TEXT,                           -- the grid worker who carries it
    counts       TEXT,                           -- JSON {table: rows}
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE INDEX sync_checkouts_device ON sync_checkouts(device_id, created_at);

-- Office: how far each device's change log has been applied (its changes are numbered 1, 2, …).
CREATE TABLE sync_devices (
    device_id        TEXT PRIMARY KEY,
    device_name      TEXT,
    applied_through  INTEGER NOT NULL DEFAULT 0,
    last_seq         INTEGER NOT NULL DEFAULT 0,
    last_applied_at  TEXT
);

-- Office: return files applied (re-applying one changes nothing).
CREATE TABLE sync_bundles (
    bundle_id         TEXT PRIMARY KEY,
    device_id         TEXT NOT NULL,
    seq               INTEGER NOT NULL,
    base_snapshot_id  TEXT,
    first_change      INTEGER,
    last_change       INTEGER,
    changes_applied   INTEGER NOT NULL DEFAULT 0,
    conflicts         INTEGER NOT NULL DEFAULT 0,
    applied_at        TEXT NOT NULL,
    applied_by        TEXT
);
CREATE INDEX sync_bundles_device ON sync_bundles(device_id, seq);

-- Office: the conflict review queue (a record table: its writes go through the Writer and are audited).
-- kind: both (same field changed on both sides), deleted (the office deleted the record),
-- duplicate_id (the ID number is already registered), duplicate (another unique rule), missing.
CREATE TABLE sync_conflicts (
    id            TEXT PRIMARY KEY,
    bundle_id     TEXT NOT NULL,
    device_id     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    table_name    TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    field         TEXT,                          -- NULL: the whole record (an insert held back)
    base_value    TEXT,                          -- JSON: value at check-out
    laptop_value  TEXT,                          -- JSON: value on the laptop
    office_value  TEXT,                          -- JSON: value at the office when merged
    detail        TEXT,                          -- Chinese explanation
    status        TEXT NOT NULL DEFAULT 'open',  -- open / resolved
    choice        TEXT,                          -- laptop / office
    resolved_at   TEXT,
    resolved_by   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT,
    deleted_at    TEXT
);
CREATE INDEX sync_conflicts_status ON sync_conflicts(status, created_at);
CREATE INDEX sync_conflicts_record ON sync_conflicts(table_name, record_id, field);

-- Laptop: every change made since check-out, per record, {field: [old, new]} (the model of
-- SQLite session changesets); kept until the office has acknowledged it.
CREATE TABLE sync_changes (
    counter      INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name   TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    action       TEXT NOT NULL,                  -- insert / update / delete / restore
    changes      TEXT NOT NULL,                  -- JSON {field: [old, new]}
    at           TEXT NOT NULL,
    username     TEXT
);

-- Laptop: return files written and not yet acknowledged.
CREATE TABLE sync_outbox (
    seq           INTEGER PRIMARY KEY,
    bundle_id     TEXT NOT NULL,
    path          TEXT,
    first_change  INTEGER,
    last_change   INTEGER,
    created_at    TEXT NOT NULL
);
