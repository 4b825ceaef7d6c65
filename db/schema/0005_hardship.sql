-- 0005: hardship lists (困难群众清单): categories, enrolments with their dated history, assistance.
-- Record conventions as in 0001 (UUID text id, stamps, soft delete; nothing is hard-deleted).
-- Money is integer fen (分).  Dates are ISO 'YYYY-MM-DD'; 起始年月 is 'YYYY-MM'.

-- A list kept by the committee.  ``code`` is the stable short name used in group keys
-- (``hardship:<code>``) and never changes; ``name`` is what screens show.
-- ``derived`` categories are computed (高龄老人: age >= min_age from birth dates), never enrolled.
-- ``fields`` is the JSON spec of category-specific fields kept in an enrolment's ``extra``:
-- [{"key", "label", "type": "text"|"choice"|"int", "choices": [...], "min", "max", "required"}].
CREATE TABLE hardship_categories (
    id             TEXT PRIMARY KEY,
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    applies_to     TEXT NOT NULL CHECK (applies_to IN ('household', 'person')),
    derived        INTEGER NOT NULL DEFAULT 0,
    min_age        INTEGER,
    fields         TEXT NOT NULL DEFAULT '[]',
    review_months  INTEGER NOT NULL DEFAULT 12,   -- 年审/复核 cycle
    builtin        INTEGER NOT NULL DEFAULT 0,
    active         INTEGER NOT NULL DEFAULT 1,
    sort_no        INTEGER NOT NULL DEFAULT 0,
    notes          TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT,
    deleted_at     TEXT
);
CREATE UNIQUE INDEX hardship_categories_code ON hardship_categories(code) WHERE deleted_at IS NULL;

-- One period of one household or person on one list, from 申请 to 退出/不予通过.
-- Re-entry after 退出 (or a new application after 不予通过) is a new row pointing at the old
-- one (previous_id), so every period keeps its own dates, amount and certificate.
-- Household categories set household_id (resident_id: the applicant, optional); person
-- categories set resident_id only, and the household is the person's current one.
CREATE TABLE hardship_enrolments (
    id                  TEXT PRIMARY KEY,
    category_id         TEXT NOT NULL REFERENCES hardship_categories(id),
    household_id        TEXT REFERENCES households(id),
    resident_id         TEXT REFERENCES residents(id),
    status              TEXT NOT NULL
                        CHECK (status IN ('申请', '审核公示', '在册', '退出', '不予通过')),
    status_date         TEXT NOT NULL,     -- date of the latest transition
    applied_on          TEXT NOT NULL,
    enrolled_on         TEXT,              -- became 在册
    exited_on           TEXT,              -- 退出 or 不予通过
    exit_reason         TEXT,
    covered_count       INTEGER,           -- 保障人数
    monthly_amount_fen  INTEGER,           -- 月保障金额, in fen
    start_month         TEXT,              -- 起始年月 'YYYY-MM'
    certificate_no      TEXT,              -- 证号, e.g. 低保证编号
    support_mode        TEXT,              -- 保障方式: 差额/定额
    family_type         TEXT,              -- 家庭类别
    housing             TEXT,              -- 住房情况
    extra               TEXT NOT NULL DEFAULT '{}',  -- JSON, per the category's fields
    review_months       INTEGER,           -- NULL: the category's cycle
    last_review_date    TEXT,
    next_review_date    TEXT,
    documents           TEXT,              -- 材料 noted (身份证、户口簿、收入证明…)
    notes               TEXT,
    previous_id         TEXT REFERENCES hardship_enrolments(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT,
    deleted_at          TEXT,
    CHECK (household_id IS NOT NULL OR resident_id IS NOT NULL)
);
CREATE INDEX hardship_enrolments_category ON hardship_enrolments(category_id, status);
CREATE INDEX hardship_enrolments_household ON hardship_enrolments(household_id);
CREATE INDEX hardship_enrolments_resident ON hardship_enrolments(resident_id);
CREATE INDEX hardship_enrolments_review ON hardship_enrolments(next_review_date)
    WHERE status = '在册' AND deleted_at IS NULL;

-- Dated, attributed history of an enrolment: transitions (申请/审核公示/在册/退出/不予通过),
-- reviews (年审) and notes.  ``handled_by`` is the display name of the user who recorded it.
CREATE TABLE hardship_events (
    id                TEXT PRIMARY KEY,
    enrolment_id      TEXT NOT NULL REFERENCES hardship_enrolments(id),
    kind              TEXT NOT NULL,       -- 状态变更 / 年审
    event_date        TEXT NOT NULL,
    from_status       TEXT,
    to_status         TEXT,
    reason            TEXT,
    result            TEXT,                -- 年审: 继续保障 / 调整待遇 …
    next_review_date  TEXT,
    handled_by        TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT,
    deleted_at        TEXT
);
CREATE INDEX hardship_events_enrolment ON hardship_events(enrolment_id, event_date);
CREATE INDEX hardship_events_date ON hardship_events(event_date, kind);

-- 救助/慰问 given to a household or person, optionally under an enrolment.
CREATE TABLE hardship_assistance (
    id            TEXT PRIMARY KEY,
    given_on      TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('现金', '实物', '服务')),
    amount_fen    INTEGER,                 -- cash (or value of goods), in fen
    items         TEXT,                    -- goods or service given
    source        TEXT NOT NULL,           -- 民政 / 街道 / 社区 / 社会捐赠 / 慈善总会 / 其他
    occasion      TEXT,                    -- 春节慰问, 临时救助 …
    handled_by    TEXT,
    enrolment_id  TEXT REFERENCES hardship_enrolments(id),
    household_id  TEXT NOT NULL REFERENCES households(id),
    resident_id   TEXT REFERENCES residents(id),
    notes         TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT,
    deleted_at    TEXT
);
CREATE INDEX hardship_assistance_date ON hardship_assistance(given_on);
CREATE INDEX hardship_assistance_enrolment ON hardship_assistance(enrolment_id);
CREATE INDEX hardship_assistance_household ON hardship_assistance(household_id);

INSERT INTO hardship_categories
    (id, code, name, applies_to, derived, min_age, fields, review_months, builtin, sort_no,
     created_at, updated_at, updated_by)
VALUES
    ('e43f5381-7754-5af0-9f03-9775661a0a5a', '低保', '最低生活保障', 'household', 0, NULL,
     '[]', 12, 1, 10,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('d6b5a8b2-a00c-57c3-a089-aa41dfcbc194', '特困供养', '特困人员救助供养', 'person', 0, NULL,
     '[{"key": "self_care", "label": "自理能力", "type": "choice", "choices": ["完全自理", "半失能", "完全失能"], "required": true}, {"key": "support_setting", "label": "供养方式", "type": "choice", "choices": ["集中", "分散"], "required": true}]',
     12, 1, 20,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('09de918d-a26d-5793-b758-ee5b6d99dff2', '低保边缘', '低保边缘家庭', 'household', 0, NULL,
     '[]', 12, 1, 30,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('9c736345-29b1-5380-9444-cb4a982d0587', '残疾', '残疾人', 'person', 0, NULL,
     '[{"key": "cert_no", "label": "残疾证号", "type": "text"}, {"key": "disability_type", "label": "残疾类别", "type": "choice", "choices": ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"], "required": true}, {"key": "grade", "label": "残疾等级", "type": "int", "min": 1, "max": 4, "required": true}]',
     12, 1, 40,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('e62c8977-069e-56f9-8590-cdd07523a225', '重病/大病', '重病/大病患者', 'person', 0, NULL,
     '[{"key": "illness", "label": "病种", "type": "text"}]', 12, 1, 50,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('5fdfda9c-685a-5bd8-8fac-f8300335c386', '独居老人', '独居老人', 'person', 0, NULL,
     '[]', 12, 1, 60,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('da40a8ec-4d35-5cab-9d6f-3f9d9c449402', '空巢老人', '空巢老人', 'person', 0, NULL,
     '[]', 12, 1, 70,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('d642c9da-f7c3-5d6c-9943-adb102aa08b6', '高龄老人', '高龄老人（80岁以上）', 'person', 1, 80,
     '[]', 12, 1, 80,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('0cf79d69-901d-5771-89ef-504504343684', '失业', '失业人员', 'person', 0, NULL,
     '[]', 12, 1, 90,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('c4596372-09ac-551f-a2bc-dd9ae64271a1', '优抚对象', '优抚对象', 'person', 0, NULL,
     '[{"key": "kind", "label": "优抚类别", "type": "text"}]', 12, 1, 100,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'),
    ('4b24b43a-394b-5af9-bcdb-8278336a6d10', '留守儿童', '留守儿童', 'person', 0, NULL,
     '[{"key": "guardian", "label": "监护人", "type": "text"}, {"key": "parents_at", "label": "父母务工地", "type": "text"}]',
     12, 1, 110,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system');
