DELETE FROM eligibility_candidates WHERE region_code LIKE @pattern;
INSERT INTO eligibility_candidates (scheme_code, person_id, region_code, decision, missing_facts, evaluated_on)
SELECT t.scheme_code, t.person_id, t.region_code, t.decision, t.missing_facts, @on
FROM eligibility_batch t
WHERE EXISTS (SELECT 1 FROM persons p WHERE p.id = t.person_id AND p.cancelled_at IS NULL);
ANALYZE eligibility_candidates;
INSERT INTO eligibility_runs (region_prefix, evaluated_on, finished_at, persons, evaluations, candidates)
VALUES (@prefix, @on, @finished, @persons, @evaluations, @candidates)
ON CONFLICT (region_prefix) DO UPDATE
SET evaluated_on = excluded.evaluated_on, finished_at = excluded.finished_at, persons = excluded.persons,
    evaluations = excluded.evaluations, candidates = excluded.candidates;
