-- Land × Land: number of events in which authorities of both Länder took part (symmetric).
-- Events are first counted per combination of Länder (few distinct lists), then paired.
WITH
-- include: filtered
, combos AS (
    SELECT laender, count(*) AS n FROM filtered_events GROUP BY laender
),
pairs AS (
    SELECT land_a, unnest(laender) AS land_b, n
    FROM (SELECT unnest(laender) AS land_a, laender, n FROM combos)
)
SELECT la.name AS land_a, lb.name AS land_b, sum(n)::BIGINT AS events
FROM pairs
JOIN regions la ON la.ags = pairs.land_a
JOIN regions lb ON lb.ags = pairs.land_b
GROUP BY ALL
ORDER BY land_a, land_b;
