-- The partners of one region under the filters: who took part in the same events, how often.
-- A Kreis also counts the events of its Gemeinden.
WITH
-- include: filtered
, own AS (
    SELECT DISTINCT event_id FROM parties
    WHERE ags = $ags OR (length($ags) = 5 AND kreis_ags = $ags)
)
SELECT p.ags, r.name, r.bez, r.lon, r.lat, l.name AS land, count(DISTINCT p.event_id) AS events
FROM parties p
JOIN own USING (event_id)
JOIN regions r ON r.ags = p.ags
JOIN regions l ON l.ags = r.land_ags AND l.level = 'land'
WHERE p.ags <> $ags AND NOT (length($ags) = 5 AND p.kreis_ags = $ags)
GROUP BY ALL
ORDER BY events DESC, r.name;
