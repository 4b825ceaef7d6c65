-- For each attachment link a field laptop made, the version the office last took from a return
-- file: the common base of a three-way merge of its caption, report flag and name, so an edit
-- on one side is never overwritten by the other side's older value (sync bookkeeping, like
-- sync_state: derived, not audited).
CREATE TABLE sync_link_base (
    link_id TEXT PRIMARY KEY,
    fields  TEXT NOT NULL            -- JSON {"caption": …, "in_report": …, "file_name": …}
);
