-- Topics and foreign partners ("Name (CC)") of one document's event, for export-gold.
SELECT (SELECT list(t.topic ORDER BY t.topic) FROM event_topics t WHERE t.event_id = e.event_id) AS topics,
       (SELECT list(f.name || CASE WHEN f.country IS NULL THEN '' ELSE ' (' || f.country || ')' END ORDER BY f.name)
        FROM event_foreign_partners f WHERE f.event_id = e.event_id) AS "foreign"
FROM events e WHERE e.doc_id = $doc_id;
