-- The events of one region under the filters (a Kreis includes its Gemeinden), with topics.
WITH
-- include: filtered
, own AS (
    SELECT DISTINCT event_id FROM parties
    WHERE ags = $ags OR (length($ags) = 5 AND kreis_ags = $ags)
)
SELECT f.event_id, f.year, f.event_date, f.event_type, d.title, d.source, d.name AS document,
       (SELECT string_agg(t.topic, ';' ORDER BY t.topic) FROM event_topics t WHERE t.event_id = f.event_id) AS topics
FROM filtered_events f
JOIN own USING (event_id)
JOIN documents d USING (doc_id)
ORDER BY f.year DESC NULLS LAST, d.title;
