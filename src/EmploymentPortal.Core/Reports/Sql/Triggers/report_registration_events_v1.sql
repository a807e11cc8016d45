-- Migration 20261123170038_ReportRollups. Never edited: a change is a new version and a new migration (README.md).
-- The dated events of one registration. End reasons 1 (employed) and 2 (self-employed)
-- are re-employment; education 1 and 2 are junior high or below (EducationLevel).
CREATE FUNCTION report_registration_events(
    p_region character varying, p_registered date, p_ended date, p_reason smallint, p_birth date, p_sex smallint, p_education smallint)
RETURNS TABLE (region_code character varying, day date, opened integer, ended integer, reemployed integer,
               long_term_in integer, long_term_out integer, age_in integer, age_out integer,
               low_education_in integer, low_education_out integer)
LANGUAGE sql STABLE AS $$
    WITH c AS (
        SELECT (SELECT k.long_term FROM report_calendar k WHERE k.day = p_registered) AS long_term,
               (SELECT CASE WHEN p_sex = 2 THEN k.women_4050 ELSE k.men_4050 END FROM report_calendar k WHERE k.day = p_birth) AS aged,
               CASE WHEN p_education <= 2 THEN 1 ELSE 0 END AS low),
    s AS (
        SELECT c.long_term, CASE WHEN c.aged IS NULL THEN NULL ELSE GREATEST(p_registered, c.aged) END AS aged, c.low FROM c)
    SELECT p_region, p_registered, 1, 0, 0, 0, 0, 0, 0, s.low, 0 FROM s
    UNION ALL
    SELECT p_region, p_ended, 0, 1, CASE WHEN p_reason IN (1, 2) THEN 1 ELSE 0 END,
           0, CASE WHEN s.long_term < p_ended THEN 1 ELSE 0 END,
           0, CASE WHEN s.aged < p_ended THEN 1 ELSE 0 END,
           0, s.low
    FROM s WHERE p_ended IS NOT NULL
    UNION ALL
    SELECT p_region, s.long_term, 0, 0, 0, 1, 0, 0, 0, 0, 0 FROM s WHERE s.long_term IS NOT NULL AND (p_ended IS NULL OR s.long_term < p_ended)
    UNION ALL
    SELECT p_region, s.aged, 0, 0, 0, 0, 0, 1, 0, 0, 0 FROM s WHERE s.aged IS NOT NULL AND (p_ended IS NULL OR s.aged < p_ended)
$$;
