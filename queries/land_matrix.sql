-- Land × Land: number of events in which authorities of both Länder took part (symmetric).
WITH
-- include: filtered
, pairs AS (
    SELECT land_a, unnest(laender) AS land_b
    FROM (SELECT unnest(laender) AS land_a, laender FROM filtered_events)
)
SELECT la.name AS land_a, lb.name AS land_b, count(*) AS events
FROM pairs
JOIN regions la ON la.ags = pairs.land_a
JOIN regions lb ON lb.ags = pairs.land_b
GROUP BY ALL
ORDER BY land_a, land_b;
