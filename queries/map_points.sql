-- Participating Gemeinden and kreisfreie Städte as points, sized by their number of events;
-- the $limit most active. Counted on the integer key pid first, names joined to the counts.
WITH
-- include: filtered
, counts AS (
    SELECT pid, count(*) AS events FROM parties GROUP BY pid  -- one row per event and authority
)
SELECT k.ags, r.name, r.bez, r.lon, r.lat, c.events
FROM counts c
JOIN authority_keys k USING (pid)
JOIN regions r ON r.ags = k.ags
WHERE r.level = 'gemeinde' OR r.kreisfrei
ORDER BY c.events DESC, r.name
LIMIT $limit;
