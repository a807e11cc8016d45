-- Migration 20261123160826_JobListings. Never edited: a change is a new version and a new migration (README.md).
-- The public listing follows its postings and their employers (job_listings_*_changed_v1.sql).
CREATE TRIGGER job_listings_postings_inserted AFTER INSERT ON postings
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION job_listings_postings_changed();
CREATE TRIGGER job_listings_postings_updated AFTER UPDATE ON postings
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION job_listings_postings_changed();
CREATE TRIGGER job_listings_employers_updated AFTER UPDATE ON employers
    REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION job_listings_employers_changed();
