-- The editable fields of one stored event.
SELECT e.relevant, e.year, e.event_type,
       (SELECT list(t.topic ORDER BY t.topic) FROM event_topics t WHERE t.event_id = e.event_id) AS topics
FROM events e WHERE e.doc_id = $doc_id;
