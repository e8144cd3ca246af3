-- Change the role of a linked authority, or add one the extractor missed (named as in regions).
UPDATE event_participants SET role = $role, confidence = 1.0
WHERE ags = $ags AND event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
INSERT INTO event_participants (event_id, ags, role, mention, start_char, end_char, confidence)
SELECT e.event_id, $ags, $role, r.name, NULL, NULL, 1.0
FROM events e LEFT JOIN regions r ON r.ags = $ags
WHERE e.doc_id = $doc_id
  AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.event_id AND p.ags = $ags);
