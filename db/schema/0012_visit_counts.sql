-- 0010: the period counts of visits (monthly report: visits, 未遇 attempts and households visited
-- per grid and per visitor) read the month's visits index-only.  At 2M visits a month is ~240k
-- rows; through visits_date (0004) each one was a table lookup (~0.7 s CPU per query).
-- visits_period starts with visit_date, so it also serves every range visits_date served.
CREATE INDEX visits_period ON visits(visit_date, grid_id, nobody_home, household_id, id)
    WHERE deleted_at IS NULL;
DROP INDEX visits_date;
