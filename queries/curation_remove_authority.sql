DELETE FROM event_participants WHERE ags = $ags AND event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
