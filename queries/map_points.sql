-- Participating Gemeinden and kreisfreie Städte as points, sized by their number of events;
-- the $limit most active.
WITH
-- include: filtered
SELECT p.ags, r.name, r.bez, r.lon, r.lat, count(DISTINCT p.eid) AS events
FROM parties p
JOIN regions r ON r.ags = p.ags
WHERE r.level = 'gemeinde' OR r.kreisfrei
GROUP BY p.ags, r.name, r.bez, r.lon, r.lat
ORDER BY events DESC, r.name
LIMIT $limit;
