WITH updated AS (
    UPDATE households h
    SET status = t.new_status, status_since = @on,
        assistance_plan = CASE WHEN t.keeps_plan THEN h.assistance_plan END,
        assigned_staff_id = CASE WHEN t.keeps_plan THEN h.assigned_staff_id END,
        assigned_staff_name = CASE WHEN t.keeps_plan THEN h.assigned_staff_name END
    FROM household_recompute t
    WHERE h.id = t.id AND h.status = t.old_status
    RETURNING t.id, t.old_status, t.new_status)
INSERT INTO household_status_changes (household_id, "from", "to", "on", cause)
SELECT id, old_status, new_status, @on, @cause FROM updated
