-- Participants of the filtered events with their representative points, role confidence and
-- kind (GeoJSON exports: one MultiPoint per event, one Point per participant).
WITH
-- include: filtered
SELECT p.event_id, p.ags, r.name, r.bez, r.lon, r.lat,
       (SELECT max(ep.confidence) FROM event_participants ep
        WHERE ep.event_id = p.event_id AND ep.ags = p.ags AND ep.role = 'participant') AS confidence
FROM parties p JOIN regions r ON r.ags = p.ags
ORDER BY p.event_id, p.ags;
