SELECT month, sum(opened)::int, sum(reemployed)::int FROM (
    SELECT month, opened, reemployed FROM report_registration_months WHERE region_code LIKE @pattern AND month >= @from AND month < @month
    UNION ALL
    SELECT @month, opened, reemployed FROM report_registration_days WHERE region_code LIKE @pattern AND day >= @month AND day <= @on) m
GROUP BY month
