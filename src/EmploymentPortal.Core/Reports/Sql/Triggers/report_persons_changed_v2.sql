-- Migration 20261204035604_PersonsCancelMerge. Never edited: a change is a new version and a new migration (README.md).
-- As v1, and a person's cancellation takes their registrations' events out (live persons only count).
CREATE OR REPLACE FUNCTION report_persons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH e AS (SELECT -1 AS sign, ev.* FROM unemployment_registrations r JOIN (SELECT o.* FROM previous o JOIN changed n ON n.id = o.id WHERE o.cancelled_at IS NULL AND ((o.education, o.birth_date, o.sex) IS DISTINCT FROM (n.education, n.birth_date, n.sex) OR n.cancelled_at IS NOT NULL)) p ON p.id = r.person_id,
LATERAL report_registration_events(r.region_code, r.registered_on, r.ended_on, r.end_reason, p.birth_date, p.sex, p.education) ev UNION ALL SELECT 1 AS sign, ev.* FROM unemployment_registrations r JOIN (SELECT n.* FROM previous o JOIN changed n ON n.id = o.id WHERE n.cancelled_at IS NULL AND ((o.education, o.birth_date, o.sex) IS DISTINCT FROM (n.education, n.birth_date, n.sex) OR o.cancelled_at IS NOT NULL)) p ON p.id = r.person_id,
LATERAL report_registration_events(r.region_code, r.registered_on, r.ended_on, r.end_reason, p.birth_date, p.sex, p.education) ev),
d AS (
    SELECT region_code, day, sum(sign * opened) AS opened, sum(sign * ended) AS ended, sum(sign * reemployed) AS reemployed,
           sum(sign * long_term_in) AS long_term_in, sum(sign * long_term_out) AS long_term_out,
           sum(sign * age_in) AS age_in, sum(sign * age_out) AS age_out,
           sum(sign * low_education_in) AS low_education_in, sum(sign * low_education_out) AS low_education_out
    FROM e GROUP BY region_code, day),
m AS (
    INSERT INTO report_registration_months AS t (region_code, month, opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out)
    SELECT region_code, date_trunc('month', day)::date, sum(opened), sum(ended), sum(reemployed), sum(long_term_in), sum(long_term_out),
           sum(age_in), sum(age_out), sum(low_education_in), sum(low_education_out)
    FROM d GROUP BY region_code, date_trunc('month', day)::date
    ON CONFLICT (region_code, month) DO UPDATE SET opened = t.opened + excluded.opened, ended = t.ended + excluded.ended, reemployed = t.reemployed + excluded.reemployed, long_term_in = t.long_term_in + excluded.long_term_in, long_term_out = t.long_term_out + excluded.long_term_out, age_in = t.age_in + excluded.age_in, age_out = t.age_out + excluded.age_out, low_education_in = t.low_education_in + excluded.low_education_in, low_education_out = t.low_education_out + excluded.low_education_out)
INSERT INTO report_registration_days AS t (region_code, day, opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out)
SELECT region_code, day, opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out FROM d
ON CONFLICT (region_code, day) DO UPDATE SET opened = t.opened + excluded.opened, ended = t.ended + excluded.ended, reemployed = t.reemployed + excluded.reemployed, long_term_in = t.long_term_in + excluded.long_term_in, long_term_out = t.long_term_out + excluded.long_term_out, age_in = t.age_in + excluded.age_in, age_out = t.age_out + excluded.age_out, low_education_in = t.low_education_in + excluded.low_education_in, low_education_out = t.low_education_out + excluded.low_education_out;
    RETURN NULL;
END $$;
