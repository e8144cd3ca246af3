-- Participants of the filtered events with their representative points (GeoJSON export).
WITH
-- include: filtered
SELECT p.event_id, p.ags, r.name, r.lon, r.lat
FROM parties p JOIN regions r ON r.ags = p.ags
ORDER BY p.event_id, p.ags;
