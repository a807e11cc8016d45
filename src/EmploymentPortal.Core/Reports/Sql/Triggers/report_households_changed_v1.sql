-- Migration 20261123170038_ReportRollups. Never edited: a change is a new version and a new migration (README.md).
-- A household relocated to another community takes its status history with it.
CREATE FUNCTION report_households_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH e AS (SELECT h.region_code, c."on" AS day, c."from" AS status, 1 AS delta FROM household_status_changes c JOIN (SELECT o.* FROM previous o JOIN changed n ON n.id = o.id WHERE o.region_code <> n.region_code) h ON h.id = c.household_id
UNION ALL
SELECT h.region_code, c."on", c."to", -1 FROM household_status_changes c JOIN (SELECT o.* FROM previous o JOIN changed n ON n.id = o.id WHERE o.region_code <> n.region_code) h ON h.id = c.household_id UNION ALL SELECT h.region_code, c."on" AS day, c."from" AS status, -1 AS delta FROM household_status_changes c JOIN (SELECT n.* FROM previous o JOIN changed n ON n.id = o.id WHERE o.region_code <> n.region_code) h ON h.id = c.household_id
UNION ALL
SELECT h.region_code, c."on", c."to", 1 FROM household_status_changes c JOIN (SELECT n.* FROM previous o JOIN changed n ON n.id = o.id WHERE o.region_code <> n.region_code) h ON h.id = c.household_id),
d AS (SELECT region_code, day, status, sum(delta) AS households FROM e WHERE status <> 0 GROUP BY region_code, day, status),
m AS (
    INSERT INTO report_household_months AS t (region_code, month, status, households)
    SELECT region_code, date_trunc('month', day)::date, status, sum(households) FROM d GROUP BY 1, 2, 3
    ON CONFLICT (region_code, month, status) DO UPDATE SET households = t.households + excluded.households)
INSERT INTO report_household_days AS t (region_code, day, status, households)
SELECT region_code, day, status, households FROM d
ON CONFLICT (region_code, day, status) DO UPDATE SET households = t.households + excluded.households;
    RETURN NULL;
END $$;
