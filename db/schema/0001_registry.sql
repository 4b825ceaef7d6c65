-- 0001: settings and the residents registry (grids → buildings → households → residents).
-- Every record table: UUID text id, created_at/updated_at (UTC ISO), updated_by, soft delete
-- (deleted_at), because field laptops sync and every change is audited.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE grids (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    code         TEXT,
    worker_name  TEXT,              -- 网格员
    worker_phone TEXT,
    notes        TEXT,
    sort_no      INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);

CREATE TABLE buildings (
    id           TEXT PRIMARY KEY,
    grid_id      TEXT NOT NULL REFERENCES grids(id),
    name         TEXT NOT NULL,      -- 12栋
    address      TEXT,              -- street address of the building
    leader_name  TEXT,              -- 楼组长/楼栋长
    leader_phone TEXT,
    floors       INTEGER,
    notes        TEXT,
    sort_no      INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT,
    deleted_at   TEXT
);
CREATE INDEX buildings_grid ON buildings(grid_id);

CREATE TABLE households (
    id               TEXT PRIMARY KEY,
    building_id      TEXT NOT NULL REFERENCES buildings(id),
    entrance         TEXT NOT NULL DEFAULT '',   -- 单元
    unit             TEXT NOT NULL,              -- 室
    head_resident_id TEXT,                       -- 户主 (a residents.id; no FK: circular)
    housing_type     TEXT,                       -- 自有/租赁/公租房/单位宿舍/其他
    separated        TEXT,                       -- 人户分离: NULL, '人在户不在', '户在人不在'
    phone            TEXT,
    status           TEXT NOT NULL DEFAULT '在册', -- 在册 / 注销
    notes            TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT,
    deleted_at       TEXT
);
CREATE INDEX households_building ON households(building_id, entrance, unit);

CREATE TABLE residents (
    id                TEXT PRIMARY KEY,
    household_id      TEXT NOT NULL REFERENCES households(id),
    name              TEXT NOT NULL,
    sex               TEXT,            -- 男/女
    birth_date        TEXT,            -- YYYY-MM-DD
    id_number         TEXT,            -- normalised, uppercase X
    id_flag           TEXT,            -- NULL ok, 'legacy15', 'unchecked'
    phone             TEXT,
    relation          TEXT,            -- 户主/配偶/子女/父母/孙子女/兄弟姐妹/其他
    residence_status  TEXT NOT NULL DEFAULT '户籍', -- 户籍/常住/流动
    permit_start      TEXT,            -- 居住证 dates for 流动人口
    permit_end        TEXT,
    hukou_address     TEXT,            -- 户籍地 when not here
    ethnicity         TEXT,
    political_status  TEXT,            -- 群众/中共党员/中共预备党员/共青团员/民主党派/无党派人士
    employment        TEXT,
    status            TEXT NOT NULL DEFAULT '在册', -- 在册/迁出/死亡
    status_date       TEXT,
    notes             TEXT,
    name_pinyin       TEXT NOT NULL DEFAULT '', -- 'zhangwei' (never NULL: it keys the listing)
    name_initials     TEXT,            -- 'zw'
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT,
    deleted_at        TEXT
);
CREATE INDEX residents_household ON residents(household_id, status, deleted_at);
-- Duplicates by ID number are refused among live records; the service gives the message.
CREATE UNIQUE INDEX residents_id_number ON residents(id_number)
    WHERE id_number IS NOT NULL AND deleted_at IS NULL;
-- Covering index for the residents table's id list (ordered by pinyin, filtered by status).
CREATE INDEX residents_listing ON residents(status, deleted_at, name_pinyin);
-- Counts for the status bar and dashboard come from index-only scans.
CREATE INDEX residents_status ON residents(status, residence_status) WHERE deleted_at IS NULL;
CREATE INDEX households_status ON households(status, separated) WHERE deleted_at IS NULL;
CREATE INDEX households_head ON households(head_resident_id);

-- History of moves and status changes: 迁入/迁出/出生/死亡/户内迁移/分户.
CREATE TABLE resident_events (
    id                TEXT PRIMARY KEY,
    resident_id       TEXT NOT NULL REFERENCES residents(id),
    kind              TEXT NOT NULL,
    event_date        TEXT NOT NULL,
    from_household_id TEXT REFERENCES households(id),
    to_household_id   TEXT REFERENCES households(id),
    reason            TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT,
    deleted_at        TEXT
);
CREATE INDEX resident_events_resident ON resident_events(resident_id);
CREATE INDEX resident_events_date ON resident_events(event_date, kind);
