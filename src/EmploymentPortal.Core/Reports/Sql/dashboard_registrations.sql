SELECT child, sum(registered)::int, sum(new_month)::int, sum(new_year)::int, sum(re_month)::int, sum(re_year)::int,
       sum(long_term)::int, sum(low_education)::int, sum(age4050)::int
FROM (
    SELECT left(region_code, @len) AS child,
           sum(opened - ended) AS registered, 0 AS new_month, sum(opened) FILTER (WHERE month >= @year) AS new_year,
           0 AS re_month, sum(reemployed) FILTER (WHERE month >= @year) AS re_year,
           sum(long_term_in - long_term_out) AS long_term, sum(low_education_in - low_education_out) AS low_education, sum(age_in - age_out) AS age4050
    FROM report_registration_months WHERE region_code LIKE @pattern AND month < @month
    GROUP BY 1
    UNION ALL
    SELECT left(region_code, @len), sum(opened - ended), sum(opened), sum(opened), sum(reemployed), sum(reemployed),
           sum(long_term_in - long_term_out), sum(low_education_in - low_education_out), sum(age_in - age_out)
    FROM report_registration_days WHERE region_code LIKE @pattern AND day >= @month AND day <= @on
    GROUP BY 1) f
GROUP BY child
