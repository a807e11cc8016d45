SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs,
       (SELECT greatest(c.reltuples, 0)::bigint FROM pg_class c WHERE c.oid = 'job_listings'::regclass)
FROM (SELECT 1) one
LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'job_listings' AND s.attname = 'search_vector'
