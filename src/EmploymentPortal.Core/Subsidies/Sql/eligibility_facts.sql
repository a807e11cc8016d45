SELECT p.id, p.region_code, p.birth_date, p.sex, p.labor_capacity, p.wants_work,
       p.id IN (SELECT r.person_id FROM unemployment_registrations r
                WHERE r.registered_on <= @on AND (r.ended_on IS NULL OR r.ended_on > @on)) AS registered,
       ARRAY(SELECT c.category FROM hardship_certifications c
             WHERE c.person_id = p.id AND c.status = @approved AND c.valid_from <= @on AND (c.valid_to IS NULL OR c.valid_to > @on)) AS certified,
       p.id IN (SELECT c.person_id FROM hardship_certifications c
                WHERE c.category = @hardship AND (c.status = @requested OR (c.status = @approved AND (c.valid_to IS NULL OR c.valid_to > @on)))) AS hardship_handled,
       p.female_cadre,
       p.household_id IN (SELECT h.id FROM households h WHERE h.status = ANY(@withoutWork)) AS zero_employment
FROM persons p
WHERE p.cancelled_at IS NULL
