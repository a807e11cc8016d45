DELETE FROM job_listings l WHERE NOT EXISTS (SELECT 1 FROM job_listing_source s WHERE s.posting_id = l.posting_id);
INSERT INTO job_listings SELECT s.* FROM job_listing_source s WHERE NOT EXISTS (SELECT 1 FROM job_listings l WHERE l.posting_id = s.posting_id);
