WITH affected AS (
    SELECT DISTINCT household_id FROM household_status_changes WHERE cause = 0 AND "to" = 3 AND "from" IN (1, 2))
SELECT c.id, c.household_id, c."from", c."to", c."on", c.cause,
       c."to" = 3 AND c.cause = 0 AND EXISTS (
           SELECT 1 FROM audit_events s
           JOIN audit_events w ON w.occurred_at BETWEEN s.occurred_at - interval '1 minute' AND s.occurred_at + interval '1 minute' AND w.xmin = s.xmin
           WHERE s.entity_type = 'Household' AND s.entity_id = c.household_id::text AND s.action = 'HouseholdStatusChanged' AND s.xmin = c.xmin
             AND ((w.action = 'PersonUpdated' AND NOT (w.before->>'employmentStatus' = ANY (@working)) AND w.after->>'employmentStatus' = ANY (@working))
                  OR (w.action = 'UnemploymentEnded' AND w.after->>'reason' IN ('Employed', 'SelfEmployed')))) AS found_work,
       h.status, h.region_code
FROM household_status_changes c JOIN affected a ON a.household_id = c.household_id JOIN households h ON h.id = c.household_id
ORDER BY c.household_id, c.id
