-- 0007: search speed at street-office scale.
-- Mixed pinyin ('zhangwm', 'weih') takes its candidates from an initials range; with the full
-- pinyin and the name in the index they are checked without reading 2,000 table rows.
-- Leads with name_initials, so it also answers every range residents_initials answered.
DROP INDEX IF EXISTS residents_initials;
CREATE INDEX residents_initials_pinyin ON residents(name_initials, name_pinyin, name) WHERE deleted_at IS NULL;
