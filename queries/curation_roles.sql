-- The role of every authority linked in one event (one role per authority).
SELECT p.ags, min(p.role) AS role
FROM event_participants p JOIN events e USING (event_id)
WHERE e.doc_id = $doc_id
GROUP BY p.ags ORDER BY p.ags;
