TRUNCATE report_calendar;
INSERT INTO report_calendar (day, women_4050, men_4050, long_term) SELECT * FROM unnest(@days, @women, @men, @longTerm);
INSERT INTO report_settings (id, women_4050_years, men_4050_years, long_term_months, rebuilt_at) VALUES (1, @w, @m, @lt, @now)
ON CONFLICT (id) DO UPDATE SET women_4050_years = excluded.women_4050_years, men_4050_years = excluded.men_4050_years,
    long_term_months = excluded.long_term_months, rebuilt_at = excluded.rebuilt_at;
