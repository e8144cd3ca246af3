-- The documents an editor has reviewed (at least one saved correction), for export-gold.
SELECT d.doc_id, d.name, d.source, d.title, d.published, e.relevant, e.year, e.event_type
FROM documents d JOIN events e USING (doc_id)
WHERE d.doc_id IN (SELECT doc_id FROM corrections)
ORDER BY d.name;
