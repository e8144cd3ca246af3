-- The partners of one region under the filters: who took part in the same events, how often.
-- A Kreis also counts the events of its Gemeinden. Starts from the region's own
-- participations, so a broad filter does not cost a scan of every participation.
WITH
-- include: filtered
, own AS (
    SELECT DISTINCT p.eid FROM event_parties p
    SEMI JOIN filtered_events f ON f.eid = p.eid
    WHERE p.ags = $ags OR (length($ags) = 5 AND p.kreis_ags = $ags)
)
SELECT p.ags, r.name, r.bez, r.lon, r.lat, l.name AS land, count(DISTINCT p.eid) AS events
FROM event_parties p
JOIN own USING (eid)
JOIN regions r ON r.ags = p.ags
JOIN regions l ON l.ags = r.land_ags AND l.level = 'land'
WHERE p.ags <> $ags AND NOT (length($ags) = 5 AND p.kreis_ags = $ags)
GROUP BY ALL
ORDER BY events DESC, r.name;
