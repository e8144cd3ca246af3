-- Änderungsprotokoll: every change, newest first, with the document's title (text search optional).
SELECT c.saved_at, c.editor, c.doc_id, coalesce(d.title, d.name, c.doc_id) AS title, c.field, c.target,
       r.name AS target_name, r.bez AS target_bez, c.before_value, c.after_value, c.reason, c.correction_id
FROM corrections c
LEFT JOIN documents d USING (doc_id)
LEFT JOIN regions r ON r.ags = c.target
WHERE $doc_id IS NULL OR c.doc_id = $doc_id
ORDER BY c.saved_at DESC, c.correction_id, c.seq
LIMIT $limit;
