-- Pairs of authorities that took part in the same events, with coordinates and Länder;
-- the $limit strongest pairs (the map and the network drawing cannot show more).
WITH
-- include: filtered
SELECT a.ags AS ags_a, b.ags AS ags_b, ra.name AS name_a, rb.name AS name_b,
       ra.lon AS lon_a, ra.lat AS lat_a, rb.lon AS lon_b, rb.lat AS lat_b,
       a.land_ags AS land_a, b.land_ags AS land_b, count(DISTINCT a.event_id) AS events
FROM parties a
JOIN parties b ON a.event_id = b.event_id AND a.ags < b.ags
JOIN regions ra ON ra.ags = a.ags
JOIN regions rb ON rb.ags = b.ags
GROUP BY ALL
ORDER BY events DESC, name_a, name_b
LIMIT $limit;
