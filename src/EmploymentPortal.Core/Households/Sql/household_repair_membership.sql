SELECT a.entity_id::uuid, a.action, a.occurred_at, COALESCE(a.after, a.before)->>'personId', COALESCE(a.after, a.before)->>'relationship'
FROM audit_events a JOIN households h ON h.id::text = a.entity_id
WHERE a.entity_type = 'Household' AND a.action IN ('HouseholdMemberAdded', 'HouseholdMemberRemoved')
  AND NOT EXISTS (SELECT 1 FROM household_member_changes m WHERE m.household_id = h.id)
ORDER BY a.entity_id, a.id
