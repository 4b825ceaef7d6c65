-- 0002: user accounts, grid assignments, and the append-only, hash-chained audit trail.

CREATE TABLE users (
    id               TEXT PRIMARY KEY,
    username         TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL,             -- admin / staff / grid_worker / auditor
    can_view_full    INTEGER NOT NULL DEFAULT 0, -- may unmask ID numbers and phones
    password_hash    TEXT NOT NULL,             -- Argon2id
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT,
    last_login_at    TEXT,
    wrapped_key      TEXT,                      -- database key wrapped with this user's password
    active           INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT,
    deleted_at       TEXT
);
CREATE UNIQUE INDEX users_username ON users(username) WHERE deleted_at IS NULL;

CREATE TABLE user_grids (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    grid_id     TEXT NOT NULL REFERENCES grids(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT,
    deleted_at  TEXT
);
CREATE INDEX user_grids_user ON user_grids(user_id);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    user_id     TEXT,
    username    TEXT,
    action      TEXT NOT NULL,   -- insert/update/delete/restore/view_full/login/...
    table_name  TEXT,
    record_id   TEXT,
    changes     TEXT,            -- JSON {field: [old, new]}
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_record ON audit_log(table_name, record_id);
CREATE INDEX audit_user ON audit_log(user_id, at);
CREATE INDEX audit_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计记录只能追加，不能修改');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, '审计记录只能追加，不能删除');
END;
