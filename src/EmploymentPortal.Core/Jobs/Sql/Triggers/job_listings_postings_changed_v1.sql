-- Migration 20261123160826_JobListings. Never edited: a change is a new version and a new migration (README.md).
-- Statement-level: a bulk change (the daily expiry, an import) refreshes its rows in one pass.
CREATE FUNCTION job_listings_postings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM job_listings l USING changed c WHERE l.posting_id = c.id;
    INSERT INTO job_listings SELECT s.* FROM job_listing_source s JOIN changed c ON c.id = s.posting_id;
    RETURN NULL;
END $$;
