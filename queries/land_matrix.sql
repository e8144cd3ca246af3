-- Land × Land: number of events in which authorities of both Länder took part (symmetric).
-- Events are first counted per Land bit mask (a few thousand distinct masks; an integer groups
-- far faster than the list of Länder), then each mask's count goes to every pair of its bits.
WITH
-- include: filtered
, by_mask AS (
    SELECT land_mask, count(*) AS n FROM filtered_events GROUP BY land_mask
),
bits AS (
    SELECT range AS bit FROM range(1, 17)
),
pairs AS (
    SELECT lpad(a.bit::VARCHAR, 2, '0') AS land_a, lpad(b.bit::VARCHAR, 2, '0') AS land_b, sum(m.n)::BIGINT AS events
    FROM by_mask m, bits a, bits b
    WHERE m.land_mask & (1 << a.bit) <> 0 AND m.land_mask & (1 << b.bit) <> 0
    GROUP BY ALL
)
SELECT la.name AS land_a, lb.name AS land_b, p.events
FROM pairs p
JOIN regions la ON la.ags = p.land_a
JOIN regions lb ON lb.ags = p.land_b
ORDER BY land_a, land_b;
