-- Land × Land: number of events in which authorities of both Länder took part (symmetric).
WITH
-- include: filtered
, pairs AS (
    SELECT DISTINCT a.event_id, a.land_ags AS land_a, b.land_ags AS land_b
    FROM parties a JOIN parties b ON a.event_id = b.event_id
)
SELECT la.name AS land_a, lb.name AS land_b, count(*) AS events
FROM pairs
JOIN regions la ON la.ags = pairs.land_a
JOIN regions lb ON lb.ags = pairs.land_b
GROUP BY ALL
ORDER BY land_a, land_b;
