SELECT h.id, h.hukou, h.has_business_income, h.status, h.status_since,
       p.birth_date, p.sex, p.labor_capacity, p.wants_work, p.employment_status
FROM households h LEFT JOIN persons p ON p.household_id = h.id AND p.cancelled_at IS NULL
ORDER BY h.id
