-- Migration 20261204035604_PersonsCancelMerge. Never edited: a change is a new version and a new migration (README.md).
-- A household's status changes are deleted while the household still exists, so that the
-- trigger subtracting them can read it (issue 13, finding 10).
CREATE FUNCTION report_households_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM household_status_changes WHERE household_id = OLD.id;
    RETURN OLD;
END $$;
