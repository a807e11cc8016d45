-- Migration 20261123170038_ReportRollups. Never edited: a change is a new version and a new migration (README.md).
-- Statement-level triggers keeping the rollups exact at commit (the functions: report_*_v1.sql).
CREATE TRIGGER report_registrations_inserted AFTER INSERT ON unemployment_registrations
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_changed();
CREATE TRIGGER report_registrations_updated AFTER UPDATE ON unemployment_registrations
    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_changed();
CREATE TRIGGER report_registrations_deleted AFTER DELETE ON unemployment_registrations
    REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION report_registrations_changed();
CREATE TRIGGER report_persons_updated AFTER UPDATE ON persons
    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_persons_changed();
CREATE TRIGGER report_household_changes_inserted AFTER INSERT ON household_status_changes
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_household_changes_inserted();
CREATE TRIGGER report_households_updated AFTER UPDATE ON households
    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_households_changed();
