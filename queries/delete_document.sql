-- Remove one document and everything extracted from it (before storing it again).
DELETE FROM event_participants WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
DELETE FROM event_topics WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
DELETE FROM event_foreign_partners WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
DELETE FROM funding WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
DELETE FROM people WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
DELETE FROM events WHERE doc_id = $doc_id;
DELETE FROM documents WHERE doc_id = $doc_id;
