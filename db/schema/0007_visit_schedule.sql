-- 0007: a cache of the visit schedule, so the due/overdue list of a street office (200k households,
-- 2M visits) is an index range, not a pass over every household's groups and visits.
--
-- visit_plan holds, per live 在册 household under at least one active rule, its strictest rule and
-- its due date.  Who is in which group changes rarely: the triggers below mark the households a
-- change touches dirty (the next read recomputes their rows) or, for wide changes, the whole plan
-- stale (the next read rebuilds it, seconds at 200k households); neighbourhood.visits also
-- rebuilds it when the day or the rules/groups change (``built_for`` is a key of both).
-- A visit changes only its household's dates: visit_last (0004) feeds them in by trigger, in the
-- same transaction as the visit.

CREATE TABLE visit_plan (
    household_id      TEXT PRIMARY KEY,
    grid_id           TEXT NOT NULL,
    interval_days     INTEGER NOT NULL,   -- the strictest rule's
    tier              TEXT NOT NULL,
    groups            TEXT NOT NULL,      -- rule labels, '、'-joined
    sort_key          TEXT NOT NULL,      -- grid order + address: the list's tie-break
    last_visit_date   TEXT,
    next_visit_date   TEXT,
    last_attempt_date TEXT,
    due_date          TEXT                -- NULL: never visited
);
CREATE INDEX visit_plan_due ON visit_plan(due_date, sort_key);
CREATE INDEX visit_plan_grid ON visit_plan(grid_id, due_date, sort_key);

-- The age groups (独居老人, 高龄老人, hardship 高龄) read only these two covering indexes of
-- the people still registered, not the 500k-row table.
CREATE INDEX residents_live_household_birth ON residents(household_id, birth_date)
    WHERE deleted_at IS NULL AND status = '在册';
CREATE INDEX residents_live_birth ON residents(birth_date, household_id)
    WHERE deleted_at IS NULL AND status = '在册';

CREATE TABLE visit_plan_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    built_for  TEXT,
    stale      INTEGER NOT NULL DEFAULT 1
);
INSERT INTO visit_plan_state (id, built_for, stale) VALUES (1, NULL, 1);

-- A visit, its edit, undo or deletion reaches visit_last (0004 triggers); follow it here.
CREATE TRIGGER visit_last_to_plan AFTER INSERT ON visit_last
BEGIN
    UPDATE visit_plan SET
        last_visit_date = NEW.last_visit_date,
        next_visit_date = NEW.next_visit_date,
        last_attempt_date = NEW.last_attempt_date,
        due_date = CASE WHEN NEW.last_visit_date IS NULL THEN NULL
                        WHEN NEW.next_visit_date >= NEW.last_visit_date
                         AND NEW.next_visit_date < date(NEW.last_visit_date, '+' || interval_days || ' days')
                        THEN NEW.next_visit_date
                        ELSE date(NEW.last_visit_date, '+' || interval_days || ' days') END
    WHERE household_id = NEW.household_id;
END;

-- Group membership inputs.  A change to one household's people, flags or enrolments marks
-- that household dirty (the next read recomputes those rows only); a change that moves many
-- (a building's grid, a grid's name, the rules) marks the whole plan stale.
CREATE TABLE visit_plan_dirty (household_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER visit_plan_residents_ins AFTER INSERT ON residents
BEGIN INSERT OR IGNORE INTO visit_plan_dirty VALUES (NEW.household_id); END;
CREATE TRIGGER visit_plan_residents_del AFTER DELETE ON residents
BEGIN INSERT OR IGNORE INTO visit_plan_dirty VALUES (OLD.household_id); END;
CREATE TRIGGER visit_plan_residents_upd AFTER UPDATE OF household_id, status, birth_date, deleted_at ON residents
BEGIN
    INSERT OR IGNORE INTO visit_plan_dirty VALUES (NEW.household_id);
    INSERT OR IGNORE INTO visit_plan_dirty VALUES (OLD.household_id);
END;
CREATE TRIGGER visit_plan_households_ins AFTER INSERT ON households
BEGIN INSERT OR IGNORE INTO visit_plan_dirty VALUES (NEW.id); END;
CREATE TRIGGER visit_plan_households_del AFTER DELETE ON households
BEGIN INSERT OR IGNORE INTO visit_plan_dirty VALUES (OLD.id); END;
CREATE TRIGGER visit_plan_households_upd AFTER UPDATE OF building_id, entrance, unit, status, deleted_at ON households
BEGIN INSERT OR IGNORE INTO visit_plan_dirty VALUES (NEW.id); END;
CREATE TRIGGER visit_plan_flags_ins AFTER INSERT ON household_flags
BEGIN INSERT OR IGNORE INTO visit_plan_dirty VALUES (NEW.household_id); END;
CREATE TRIGGER visit_plan_flags_upd AFTER UPDATE ON household_flags
BEGIN
    INSERT OR IGNORE INTO visit_plan_dirty VALUES (NEW.household_id);
    INSERT OR IGNORE INTO visit_plan_dirty VALUES (OLD.household_id);
END;
CREATE TRIGGER visit_plan_flags_del AFTER DELETE ON household_flags
BEGIN INSERT OR IGNORE INTO visit_plan_dirty VALUES (OLD.household_id); END;
CREATE TRIGGER visit_plan_enrolments_ins AFTER INSERT ON hardship_enrolments
BEGIN
    INSERT OR IGNORE INTO visit_plan_dirty
    SELECT coalesce(NEW.household_id, (SELECT household_id FROM residents WHERE id = NEW.resident_id));
END;
CREATE TRIGGER visit_plan_enrolments_upd AFTER UPDATE ON hardship_enrolments
BEGIN
    INSERT OR IGNORE INTO visit_plan_dirty
    SELECT coalesce(NEW.household_id, (SELECT household_id FROM residents WHERE id = NEW.resident_id));
    INSERT OR IGNORE INTO visit_plan_dirty
    SELECT coalesce(OLD.household_id, (SELECT household_id FROM residents WHERE id = OLD.resident_id));
END;
CREATE TRIGGER visit_plan_enrolments_del AFTER DELETE ON hardship_enrolments
BEGIN
    INSERT OR IGNORE INTO visit_plan_dirty
    SELECT coalesce(OLD.household_id, (SELECT household_id FROM residents WHERE id = OLD.resident_id));
END;
CREATE TRIGGER visit_plan_buildings_upd AFTER UPDATE OF grid_id, name, deleted_at ON buildings
BEGIN UPDATE visit_plan_state SET stale = 1 WHERE stale = 0; END;
CREATE TRIGGER visit_plan_buildings_del AFTER DELETE ON buildings
BEGIN UPDATE visit_plan_state SET stale = 1 WHERE stale = 0; END;
CREATE TRIGGER visit_plan_grids_upd AFTER UPDATE OF name, sort_no, deleted_at ON grids
BEGIN UPDATE visit_plan_state SET stale = 1 WHERE stale = 0; END;
CREATE TRIGGER visit_plan_categories_upd AFTER UPDATE ON hardship_categories
BEGIN UPDATE visit_plan_state SET stale = 1 WHERE stale = 0; END;
CREATE TRIGGER visit_plan_rules_ins AFTER INSERT ON visit_rules
BEGIN UPDATE visit_plan_state SET stale = 1 WHERE stale = 0; END;
CREATE TRIGGER visit_plan_rules_upd AFTER UPDATE ON visit_rules
BEGIN UPDATE visit_plan_state SET stale = 1 WHERE stale = 0; END;
