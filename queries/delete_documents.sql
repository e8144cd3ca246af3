-- Remove documents and everything extracted from them (before storing them again).
DELETE FROM event_participants WHERE event_id IN (SELECT event_id FROM events WHERE list_contains($doc_ids, doc_id));
DELETE FROM event_topics WHERE event_id IN (SELECT event_id FROM events WHERE list_contains($doc_ids, doc_id));
DELETE FROM event_foreign_partners WHERE event_id IN (SELECT event_id FROM events WHERE list_contains($doc_ids, doc_id));
DELETE FROM funding WHERE event_id IN (SELECT event_id FROM events WHERE list_contains($doc_ids, doc_id));
DELETE FROM people WHERE event_id IN (SELECT event_id FROM events WHERE list_contains($doc_ids, doc_id));
DELETE FROM events WHERE list_contains($doc_ids, doc_id);
DELETE FROM documents WHERE list_contains($doc_ids, doc_id);
