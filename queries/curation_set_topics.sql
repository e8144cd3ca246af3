DELETE FROM event_topics WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
INSERT INTO event_topics SELECT e.event_id, t.topic FROM events e, unnest($topics::VARCHAR[]) AS t(topic)
WHERE e.doc_id = $doc_id;
