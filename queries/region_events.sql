-- The events of one region under the filters (a Kreis includes its Gemeinden), with topics.
-- Starts from the region's own filtered participations (event_parties carries the filter
-- columns), so the events are read only for the region's own.
WITH
-- include: filtered
, own AS (
    SELECT DISTINCT eid FROM parties
    WHERE ags = $ags OR (length($ags) = 5 AND kreis_ags = $ags)
)
SELECT f.event_id, f.year, f.event_date, f.event_type, f.doc_title AS title, f.source, f.doc_name AS document,
       array_to_string(f.topics, ';') AS topics
FROM event_facts f
SEMI JOIN own ON own.eid = f.eid
ORDER BY f.year DESC NULLS LAST, title, f.event_id;
