-- Events per topic and Land of the participating authorities. Counted per Land bit mask first
-- (a few thousand distinct masks instead of a row per event, topic and Land), then spread over
-- the mask's Länder.
WITH
-- include: filtered
, by_mask AS (
    SELECT land_mask, topic, count(*) AS n
    FROM (SELECT land_mask, unnest(topics) AS topic FROM filtered_events)
    GROUP BY ALL
),
counts AS (
    SELECT m.topic, lpad(b.bit::VARCHAR, 2, '0') AS land, sum(m.n)::BIGINT AS events
    FROM by_mask m, (SELECT range AS bit FROM range(1, 17)) b
    WHERE m.land_mask & (1 << b.bit) <> 0
    GROUP BY ALL
)
SELECT r.name AS land, c.topic, c.events
FROM counts c JOIN regions r ON r.ags = c.land
ORDER BY land, c.topic;
