-- 0003: search indexes, maintained by db/search_index.py in the same transaction as each write.
-- Document rowid: residents.rowid * 2 for a resident, households.rowid * 2 + 1 for a household.
-- search_tri: trigram substrings (queries of 3+ characters).
CREATE VIRTUAL TABLE search_tri USING fts5(
    name, address, phone, id_number,
    tokenize = 'trigram', content = '', contentless_delete = 1
);
-- search_uni: one token per Han character (1–2 character queries as phrases), pinyin full and
-- initials (prefix queries), and reversed ID number / phone (tail queries as prefixes).
CREATE VIRTUAL TABLE search_uni USING fts5(
    chars, pinyin, tails,
    tokenize = 'unicode61', content = '', contentless_delete = 1
);
-- B-tree ranges answer "starts with" (the best-ranked hits) without touching the FTS tables.
CREATE INDEX residents_name ON residents(name) WHERE deleted_at IS NULL;
CREATE INDEX residents_initials ON residents(name_initials) WHERE deleted_at IS NULL;
CREATE INDEX residents_pinyin ON residents(name_pinyin) WHERE deleted_at IS NULL;
