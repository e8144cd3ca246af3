-- The partners of one region under the filters: who took part in the same events, how often.
-- A Kreis also counts the events of its Gemeinden. Starts from the region's own filtered
-- participations (event_parties carries the filter columns, so no join to the events), counts
-- per partner before the names are joined, and breaks ties by AGS.
WITH
-- include: filtered
, own AS (
    SELECT DISTINCT eid FROM parties
    WHERE ags = $ags OR (length($ags) = 5 AND kreis_ags = $ags)
),
partners AS (
    SELECT p.ags, count(DISTINCT p.eid) AS events
    FROM event_parties p SEMI JOIN own ON own.eid = p.eid
    WHERE p.ags <> $ags AND NOT (length($ags) = 5 AND p.kreis_ags = $ags)
    GROUP BY p.ags
)
SELECT p.ags, r.name, r.bez, r.lon, r.lat, l.name AS land, p.events
FROM partners p
JOIN regions r ON r.ags = p.ags
JOIN regions l ON l.ags = r.land_ags AND l.level = 'land'
ORDER BY p.events DESC, r.name, p.ags;
