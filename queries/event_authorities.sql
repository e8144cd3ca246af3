-- The linked authorities of one document's event with their role (for export-gold).
SELECT p.ags, any_value(r.name) AS name, any_value(r.bez) AS bez, min(p.role) AS role, max(p.confidence) AS confidence
FROM event_participants p JOIN events e USING (event_id) LEFT JOIN regions r ON r.ags = p.ags
WHERE e.doc_id = $doc_id
GROUP BY p.ags ORDER BY p.ags;
