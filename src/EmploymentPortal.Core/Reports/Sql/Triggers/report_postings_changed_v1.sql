-- Migration 20261207143738_PostingActivityRollup. Never edited: a change is a new version and a new migration (README.md).
-- report_posting_days follows postings: one published on its business day of publication
-- (published_on), one filled on the day it was filled (ended_on, status 5 = Filled). An update
-- takes the old rows' counts off and puts the new ones on; net-zero days are not written.
CREATE FUNCTION report_postings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_posting_days AS t (region_code, day, published, filled)
        SELECT region_code, day, sum(published), sum(filled) FROM (
            SELECT region_code, published_on AS day, 1 AS published, 0 AS filled FROM changed WHERE published_on IS NOT NULL
            UNION ALL
            SELECT region_code, ended_on, 0, 1 FROM changed WHERE status = 5 AND ended_on IS NOT NULL) e
        GROUP BY region_code, day
        ON CONFLICT (region_code, day) DO UPDATE SET published = t.published + excluded.published, filled = t.filled + excluded.filled;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO report_posting_days AS t (region_code, day, published, filled)
        SELECT region_code, day, sum(published), sum(filled) FROM (
            SELECT region_code, published_on AS day, 1 AS published, 0 AS filled FROM changed WHERE published_on IS NOT NULL
            UNION ALL
            SELECT region_code, ended_on, 0, 1 FROM changed WHERE status = 5 AND ended_on IS NOT NULL
            UNION ALL
            SELECT region_code, published_on, -1, 0 FROM previous WHERE published_on IS NOT NULL
            UNION ALL
            SELECT region_code, ended_on, 0, -1 FROM previous WHERE status = 5 AND ended_on IS NOT NULL) e
        GROUP BY region_code, day
        HAVING sum(published) <> 0 OR sum(filled) <> 0
        ON CONFLICT (region_code, day) DO UPDATE SET published = t.published + excluded.published, filled = t.filled + excluded.filled;
    ELSE
        INSERT INTO report_posting_days AS t (region_code, day, published, filled)
        SELECT region_code, day, sum(published), sum(filled) FROM (
            SELECT region_code, published_on AS day, -1 AS published, 0 AS filled FROM previous WHERE published_on IS NOT NULL
            UNION ALL
            SELECT region_code, ended_on, 0, -1 FROM previous WHERE status = 5 AND ended_on IS NOT NULL) e
        GROUP BY region_code, day
        ON CONFLICT (region_code, day) DO UPDATE SET published = t.published + excluded.published, filled = t.filled + excluded.filled;
    END IF;
    RETURN NULL;
END $$;
