-- Migration 20261207143738_PostingActivityRollup. Never edited: a change is a new version and a new migration (README.md).
-- Statement-level triggers keeping report_posting_days exact at commit (report_postings_changed_v1.sql).
CREATE TRIGGER report_postings_inserted AFTER INSERT ON postings
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_postings_changed();
CREATE TRIGGER report_postings_updated AFTER UPDATE ON postings
    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_postings_changed();
CREATE TRIGGER report_postings_deleted AFTER DELETE ON postings
    REFERENCING OLD TABLE AS previous FOR EACH STATEMENT EXECUTE FUNCTION report_postings_changed();
