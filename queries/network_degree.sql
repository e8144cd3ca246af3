-- Per authority: number of distinct partners (degree) and of events with partners; the $limit best connected.
WITH
-- include: filtered
SELECT a.ags, r.name, r.land_ags AS land, count(DISTINCT b.ags) AS partner, count(DISTINCT a.event_id) AS ereignisse
FROM parties a
JOIN parties b ON a.event_id = b.event_id AND a.ags <> b.ags
JOIN regions r ON r.ags = a.ags
GROUP BY ALL
ORDER BY partner DESC, ereignisse DESC, r.name
LIMIT $limit;
