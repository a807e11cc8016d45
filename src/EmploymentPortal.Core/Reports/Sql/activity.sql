SELECT left(region_code, @len) AS child, '' AS scheme, count(*)::int AS n, 0::numeric AS amount, 'certified' AS kind
  FROM hardship_certifications WHERE region_code LIKE @pattern AND status = @certified AND decided_at >= @yearStart AND decided_at < @dayAfter GROUP BY 1
UNION ALL
SELECT left(region_code, @len), '', sum(published)::int, 0, 'posted'
  FROM report_posting_days WHERE region_code LIKE @pattern AND day >= @yearDay AND day <= @on GROUP BY 1 HAVING sum(published) <> 0
UNION ALL
SELECT left(region_code, @len), '', sum(filled)::int, 0, 'filled'
  FROM report_posting_days WHERE region_code LIKE @pattern AND day >= @yearDay AND day <= @on GROUP BY 1 HAVING sum(filled) <> 0
UNION ALL
SELECT left(region_code, @len), '', count(*)::int, 0, 'referred'
  FROM referrals WHERE region_code LIKE @pattern AND referred_on >= @yearDay AND referred_on <= @on GROUP BY 1
UNION ALL
SELECT left(a.region_code, @len), a.scheme_code, count(*)::int, coalesce(sum(a.amount), 0), 'approved'
  FROM subsidy_applications a
  JOIN LATERAL (SELECT max(x.at) AS at FROM subsidy_application_actions x WHERE x.application_id = a.id AND x.action = @approvedStep) last ON true
  WHERE a.region_code LIKE @pattern AND a.status >= @approvedStatus AND a.status <> @rejectedStatus AND last.at >= @yearStart AND last.at < @dayAfter
  GROUP BY 1, 2
UNION ALL
SELECT left(region_code, @len), scheme_code, count(*)::int, sum(amount), 'paid'
  FROM payments WHERE region_code LIKE @pattern AND paid_on >= @yearDay AND paid_on <= @on GROUP BY 1, 2
