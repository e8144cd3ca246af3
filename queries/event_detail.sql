-- One event with its document text (for the detail view).
SELECT e.event_id, e.doc_id, e.year, e.event_date, e.event_type, e.relevant, d.title, d.clean_text, d.source, d.name,
       d.published, d.contact, d.captions
FROM events e JOIN documents d USING (doc_id)
WHERE e.event_id = $event_id;
