-- 0006: meetings (会议纪要) with attendees, agenda items (议题/决议) and action items, plus two of the
-- "three lists" (三张清单): needs and suggestions (困难需求清单/建言献策清单) and service items (服务项目清单).
-- Record conventions as in 0001: UUID text id, created_at/updated_at (UTC ISO), updated_by, deleted_at.
-- Dates are 'YYYY-MM-DD', times 'HH:MM'.

CREATE TABLE meetings (
    id             TEXT PRIMARY KEY,
    type           TEXT NOT NULL,      -- 党建联席会议/居民议事会/民主协商会/居委会例会/党员大会/楼组长会议
    title          TEXT NOT NULL,
    meeting_date   TEXT NOT NULL,
    start_time     TEXT,
    end_time       TEXT,
    place          TEXT,
    host           TEXT,               -- 主持人
    recorder       TEXT,               -- 记录人
    expected_count INTEGER,            -- 应到
    present_count  INTEGER,            -- 实到
    open_questions TEXT,               -- 遗留问题
    notes          TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
CREATE INDEX meetings_date ON meetings(meeting_date, type) WHERE deleted_at IS NULL;

CREATE TABLE meeting_attendees (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meetings(id),
    kind           TEXT NOT NULL DEFAULT 'staff', -- staff / resident / outside (共建单位, free text)
    resident_id    TEXT REFERENCES residents(id),
    user_id        TEXT REFERENCES users(id),
    name           TEXT NOT NULL,
    unit           TEXT,               -- 单位/职务
    status         TEXT NOT NULL DEFAULT '出席', -- 出席/缺席/列席
    absence_reason TEXT,
    sort_no        INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting_id, sort_no);

CREATE TABLE agenda_items (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meetings(id),
    sort_no        INTEGER NOT NULL DEFAULT 0,
    title          TEXT NOT NULL,      -- 议题
    discussion     TEXT,               -- 讨论/发言
    decision       TEXT,               -- 决议 (NULL: none reached)
    votes_for      INTEGER,            -- 表决 (optional)
    votes_against  INTEGER,
    votes_abstain  INTEGER,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, sort_no);

CREATE TABLE action_items (
    id                     TEXT PRIMARY KEY,
    meeting_id             TEXT NOT NULL REFERENCES meetings(id),
    agenda_item_id         TEXT REFERENCES agenda_items(id),  -- the decision it carries out
    sort_no                INTEGER NOT NULL DEFAULT 0,
    what                   TEXT NOT NULL,
    owner                  TEXT,       -- 负责人
    due_date               TEXT,       -- 截止时间; overdue is derived (not 已完成 and past due)
    status                 TEXT NOT NULL DEFAULT '待办', -- 待办/进行中/已完成
    done_date              TEXT,
    reviewed_in_meeting_id TEXT REFERENCES meetings(id),  -- followed up at a later meeting
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    updated_by             TEXT,
    deleted_at             TEXT
);
CREATE INDEX action_items_meeting ON action_items(meeting_id, sort_no);
CREATE INDEX action_items_open ON action_items(status, due_date) WHERE deleted_at IS NULL;

CREATE TABLE action_item_notes (
    id             TEXT PRIMARY KEY,
    action_item_id TEXT NOT NULL REFERENCES action_items(id),
    note_date      TEXT NOT NULL,
    content        TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
CREATE INDEX action_item_notes_item ON action_item_notes(action_item_id, note_date);

CREATE TABLE needs (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,      -- 困难需求 (诉求) / 建言献策
    resident_id    TEXT REFERENCES residents(id),
    household_id   TEXT REFERENCES households(id),
    anonymous      INTEGER NOT NULL DEFAULT 0,
    raised_by      TEXT,               -- name as given (free text, e.g. not registered here)
    channel        TEXT,               -- 走访/来访/电话/议事会
    content        TEXT NOT NULL,
    category       TEXT,
    status         TEXT NOT NULL DEFAULT '受理', -- 受理 → 办理 → 办结 → 回访
    received_date  TEXT NOT NULL,
    resolved_date  TEXT,               -- date of 办结
    satisfaction   TEXT,               -- 满意/基本满意/不满意 (at 回访)
    adopted        INTEGER,            -- 建言献策: 1 adopted, 0 not, NULL undecided
    handler        TEXT,
    visit_id       TEXT,               -- visits.id (no FK: that table comes from another migration)
    meeting_id     TEXT REFERENCES meetings(id),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
CREATE INDEX needs_status ON needs(kind, status) WHERE deleted_at IS NULL;
CREATE INDEX needs_received ON needs(received_date) WHERE deleted_at IS NULL;
CREATE INDEX needs_visit ON needs(visit_id) WHERE visit_id IS NOT NULL;

CREATE TABLE need_steps (
    id             TEXT PRIMARY KEY,
    need_id        TEXT NOT NULL REFERENCES needs(id),
    step           TEXT NOT NULL,      -- 受理/办理/办结/回访
    step_date      TEXT NOT NULL,
    content        TEXT,
    handler        TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
CREATE INDEX need_steps_need ON need_steps(need_id, step_date);

CREATE TABLE service_items (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    provider       TEXT,
    contact        TEXT,
    schedule       TEXT,
    notes          TEXT,
    sort_no        INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
