-- Migration 20261204035604_PersonsCancelMerge. Never edited: a change is a new version and a new migration (README.md).
-- A person's registrations are deleted while the person still exists, so that the trigger
-- subtracting them can read it (issue 13, finding 10). Row trigger: one small statement per person.
CREATE FUNCTION report_persons_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM unemployment_registrations WHERE person_id = OLD.id;
    RETURN OLD;
END $$;
