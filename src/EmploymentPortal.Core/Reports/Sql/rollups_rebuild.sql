TRUNCATE report_registration_days, report_registration_months, report_household_days, report_household_months, report_posting_days;
INSERT INTO report_registration_days (region_code, day, opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out)
SELECT ev.region_code, ev.day, sum(ev.opened), sum(ev.ended), sum(ev.reemployed), sum(ev.long_term_in), sum(ev.long_term_out),
       sum(ev.age_in), sum(ev.age_out), sum(ev.low_education_in), sum(ev.low_education_out)
FROM unemployment_registrations r JOIN persons p ON p.id = r.person_id AND p.cancelled_at IS NULL,
     LATERAL report_registration_events(r.region_code, r.registered_on, r.ended_on, r.end_reason, p.birth_date, p.sex, p.education) ev
GROUP BY ev.region_code, ev.day;
INSERT INTO report_registration_months (region_code, month, opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out)
SELECT region_code, date_trunc('month', day)::date, sum(opened), sum(ended), sum(reemployed), sum(long_term_in), sum(long_term_out),
       sum(age_in), sum(age_out), sum(low_education_in), sum(low_education_out)
FROM report_registration_days GROUP BY 1, 2;
INSERT INTO report_household_days (region_code, day, status, households)
SELECT region_code, day, status, sum(delta) FROM (
    SELECT h.region_code, c."on" AS day, c."from" AS status, -1 AS delta FROM household_status_changes c JOIN households h ON h.id = c.household_id
    UNION ALL
    SELECT h.region_code, c."on", c."to", 1 FROM household_status_changes c JOIN households h ON h.id = c.household_id) e
WHERE status <> 0 GROUP BY 1, 2, 3;
INSERT INTO report_household_months (region_code, month, status, households)
SELECT region_code, date_trunc('month', day)::date, status, sum(households) FROM report_household_days GROUP BY 1, 2, 3;
-- Postings published and filled per business day (migration PostingActivityRollup).
INSERT INTO report_posting_days (region_code, day, published, filled)
SELECT region_code, day, sum(published), sum(filled) FROM (
    SELECT region_code, published_on AS day, 1 AS published, 0 AS filled FROM postings WHERE published_on IS NOT NULL
    UNION ALL
    SELECT region_code, ended_on, 0, 1 FROM postings WHERE status = 5 AND ended_on IS NOT NULL) e
GROUP BY region_code, day;
ANALYZE report_registration_days, report_registration_months, report_household_days, report_household_months, report_posting_days;
