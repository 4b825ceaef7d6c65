-- 0004: household visits (走访): visits and their visitors, residents met and needs raised;
-- visit types, visit rules (frequency per household group) and manual household flags.
-- Record tables follow 0001 (UUID text id, stamps, soft delete).  visit_last is a derived
-- cache kept by triggers (so it is right whichever path wrote the visit: service, undo, sync).

CREATE TABLE visit_types (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1,
    sort_no      INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX visit_types_name ON visit_types(name) WHERE deleted_at IS NULL;

CREATE TABLE visits (
    id               TEXT PRIMARY KEY,
    household_id     TEXT NOT NULL REFERENCES households(id),
    grid_id          TEXT,                          -- the household's grid when visited (for counts)
    visit_date       TEXT NOT NULL,                 -- YYYY-MM-DD
    start_time       TEXT,                          -- HH:MM
    visit_type       TEXT NOT NULL,                 -- a visit_types.name
    channel          TEXT NOT NULL DEFAULT '入户',   -- 入户 / 电话 / 志愿者代访
    nobody_home      INTEGER NOT NULL DEFAULT 0,    -- 未遇: an attempt, not a visit
    situation        TEXT,                          -- 家庭基本情况
    difficulties     TEXT,                          -- 实际困难
    requests         TEXT,                          -- 诉求与建议
    plan             TEXT,                          -- 后续工作计划
    next_visit_date  TEXT,
    notes            TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT,
    deleted_at       TEXT
);
CREATE INDEX visits_household ON visits(household_id, nobody_home, visit_date) WHERE deleted_at IS NULL;
CREATE INDEX visits_date ON visits(visit_date) WHERE deleted_at IS NULL;

CREATE TABLE visit_visitors (
    id           TEXT PRIMARY KEY,
    visit_id     TEXT NOT NULL REFERENCES visits(id),
    user_id      TEXT REFERENCES users(id),         -- NULL for a volunteer named in free text
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,                     -- 网格员 / 社工 / 志愿者
    sort_no      INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE INDEX visit_visitors_visit ON visit_visitors(visit_id);
CREATE INDEX visit_visitors_name ON visit_visitors(name) WHERE deleted_at IS NULL;

CREATE TABLE visit_residents (
    id           TEXT PRIMARY KEY,
    visit_id     TEXT NOT NULL REFERENCES visits(id),
    resident_id  TEXT NOT NULL REFERENCES residents(id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE INDEX visit_residents_visit ON visit_residents(visit_id);

-- Needs raised at a visit (问题 → 处理措施 → 反馈结果).  need_id links the item to the
-- committee-wide needs list (neighbourhood/needs.py, no FK: another migration) once it is taken up.
CREATE TABLE visit_needs (
    id           TEXT PRIMARY KEY,
    visit_id     TEXT NOT NULL REFERENCES visits(id),
    household_id TEXT NOT NULL REFERENCES households(id),
    what         TEXT NOT NULL,
    owner        TEXT,
    due_date     TEXT,
    status       TEXT NOT NULL DEFAULT '待办',       -- 待办 / 处理中 / 已办结
    result       TEXT,
    resolved_at  TEXT,                              -- YYYY-MM-DD, set when 已办结
    need_id      TEXT,
    sort_no      INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE INDEX visit_needs_visit ON visit_needs(visit_id);
CREATE INDEX visit_needs_status ON visit_needs(status) WHERE deleted_at IS NULL;
CREATE INDEX visit_needs_resolved ON visit_needs(resolved_at) WHERE deleted_at IS NULL;

CREATE TABLE visit_rules (
    id            TEXT PRIMARY KEY,
    group_key     TEXT NOT NULL,                    -- neighbourhood.groups key
    interval_days INTEGER NOT NULL,
    label         TEXT NOT NULL,
    tier          TEXT NOT NULL DEFAULT '一般',      -- 高风险 / 重点 / 一般
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT,
    deleted_at    TEXT
);

-- Manual groups: a household flagged 'X' is in group 'flag:X'.
CREATE TABLE household_flags (
    id           TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    flag         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE UNIQUE INDEX household_flags_live ON household_flags(flag, household_id) WHERE deleted_at IS NULL;

-- Derived: the last real visit, its planned next date and the last 未遇 attempt per household.
CREATE TABLE visit_last (
    household_id      TEXT PRIMARY KEY,
    last_visit_date   TEXT,
    next_visit_date   TEXT,
    last_attempt_date TEXT
) WITHOUT ROWID;

CREATE TRIGGER visits_last_insert AFTER INSERT ON visits
BEGIN
    INSERT OR REPLACE INTO visit_last (household_id, last_visit_date, next_visit_date, last_attempt_date)
    SELECT NEW.household_id,
        (SELECT max(visit_date) FROM visits
          WHERE household_id = NEW.household_id AND deleted_at IS NULL AND nobody_home = 0),
        (SELECT next_visit_date FROM visits
          WHERE household_id = NEW.household_id AND deleted_at IS NULL AND nobody_home = 0
          ORDER BY visit_date DESC, coalesce(start_time, '') DESC, created_at DESC LIMIT 1),
        (SELECT max(visit_date) FROM visits
          WHERE household_id = NEW.household_id AND deleted_at IS NULL AND nobody_home = 1);
END;

CREATE TRIGGER visits_last_update AFTER UPDATE ON visits
BEGIN
    INSERT OR REPLACE INTO visit_last (household_id, last_visit_date, next_visit_date, last_attempt_date)
    SELECT h, (SELECT max(visit_date) FROM visits
                WHERE household_id = h AND deleted_at IS NULL AND nobody_home = 0),
              (SELECT next_visit_date FROM visits
                WHERE household_id = h AND deleted_at IS NULL AND nobody_home = 0
                ORDER BY visit_date DESC, coalesce(start_time, '') DESC, created_at DESC LIMIT 1),
              (SELECT max(visit_date) FROM visits
                WHERE household_id = h AND deleted_at IS NULL AND nobody_home = 1)
    FROM (SELECT NEW.household_id AS h UNION SELECT OLD.household_id);
END;

CREATE TRIGGER visits_last_delete AFTER DELETE ON visits
BEGIN
    INSERT OR REPLACE INTO visit_last (household_id, last_visit_date, next_visit_date, last_attempt_date)
    SELECT OLD.household_id,
        (SELECT max(visit_date) FROM visits
          WHERE household_id = OLD.household_id AND deleted_at IS NULL AND nobody_home = 0),
        (SELECT next_visit_date FROM visits
          WHERE household_id = OLD.household_id AND deleted_at IS NULL AND nobody_home = 0
          ORDER BY visit_date DESC, coalesce(start_time, '') DESC, created_at DESC LIMIT 1),
        (SELECT max(visit_date) FROM visits
          WHERE household_id = OLD.household_id AND deleted_at IS NULL AND nobody_home = 1);
END;

-- Defaults (configurable through Visits.add_rule/update_rule and add_type).
INSERT INTO visit_types (id, name, sort_no, created_at, updated_at, updated_by)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
             || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       name, sort_no, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'
FROM (SELECT '日常走访' AS name, 0 AS sort_no UNION ALL SELECT '困难家庭走访', 1
      UNION ALL SELECT '独居老人探访', 2 UNION ALL SELECT '矛盾调解', 3
      UNION ALL SELECT '政策宣传', 4 UNION ALL SELECT '安全排查', 5);

INSERT INTO visit_rules (id, group_key, interval_days, label, tier, created_at, updated_at, updated_by)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
             || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       group_key, interval_days, label, tier,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'
FROM (SELECT 'elderly_alone' AS group_key, 7 AS interval_days, '独居老人' AS label, '高风险' AS tier
      UNION ALL SELECT 'age80', 7, '高龄老人', '重点'
      UNION ALL SELECT 'all', 365, '所有住户', '一般');
