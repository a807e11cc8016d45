UPDATE households SET status = @status, status_since = @since,
    assistance_plan = CASE WHEN @keeps THEN assistance_plan END,
    assigned_staff_id = CASE WHEN @keeps THEN assigned_staff_id END,
    assigned_staff_name = CASE WHEN @keeps THEN assigned_staff_name END
WHERE id = @id
