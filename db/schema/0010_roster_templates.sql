-- 0007: saved roster templates (花名册模板) of the roster builder.
-- Record conventions as in 0001 (UUID text id, stamps, soft delete); written through the Writer,
-- so every save/rename/delete is audited.  ``body`` is the template as JSON
-- (neighbourhood/rosters/template.py, format version inside); ``name`` is unique among live rows.
CREATE TABLE roster_templates (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    entity      TEXT NOT NULL,      -- resident / household / enrolment / visit / action_item / need
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT,
    deleted_at  TEXT
);
CREATE UNIQUE INDEX roster_templates_name ON roster_templates(name) WHERE deleted_at IS NULL;
