SELECT left(region_code, @len) AS child, status, sum(households)::int
FROM (
    SELECT region_code, status, households FROM report_household_months WHERE region_code LIKE @pattern AND month < @month
    UNION ALL
    SELECT region_code, status, households FROM report_household_days WHERE region_code LIKE @pattern AND day >= @month AND day <= @on) h
GROUP BY 1, 2
