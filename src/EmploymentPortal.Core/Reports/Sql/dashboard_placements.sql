SELECT left(region_code, @len), count(*) FILTER (WHERE outcome_on >= @month)::int, count(*)::int
FROM referrals WHERE region_code LIKE @pattern AND outcome = @hired AND outcome_on >= @year AND outcome_on <= @on
GROUP BY 1
