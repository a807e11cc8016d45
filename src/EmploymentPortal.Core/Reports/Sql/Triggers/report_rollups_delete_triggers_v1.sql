-- Migration 20261204035604_PersonsCancelMerge. Never edited: a change is a new version and a new migration (README.md).
-- The rollups follow any delete (report_persons_deleting, report_households_deleting, report_household_changes_deleted).
CREATE TRIGGER report_persons_deleting BEFORE DELETE ON persons
    FOR EACH ROW EXECUTE FUNCTION report_persons_deleting();
CREATE TRIGGER report_households_deleting BEFORE DELETE ON households
    FOR EACH ROW EXECUTE FUNCTION report_households_deleting();
CREATE TRIGGER report_household_changes_deleted AFTER DELETE ON household_status_changes
    REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION report_household_changes_deleted();
