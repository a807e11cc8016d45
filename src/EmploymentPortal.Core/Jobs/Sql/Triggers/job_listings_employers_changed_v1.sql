-- Migration 20261123160826_JobListings. Never edited: a change is a new version and a new migration (README.md).
-- An employer verified, or no longer verified, shows or hides all its published postings.
CREATE FUNCTION job_listings_employers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM job_listings l USING changed c JOIN previous o ON o.id = c.id
        WHERE l.employer_id = c.id AND c.status IS DISTINCT FROM o.status;
    INSERT INTO job_listings SELECT s.* FROM job_listing_source s JOIN changed c ON c.id = s.employer_id
        JOIN previous o ON o.id = c.id WHERE c.status IS DISTINCT FROM o.status;
    RETURN NULL;
END $$;
