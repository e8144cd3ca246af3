-- The linked names of one event with their offsets in the clean text.
SELECT p.ags, r.name, r.bez, p.role, p.mention, p.start_char, p.end_char, p.confidence
FROM event_participants p LEFT JOIN regions r ON r.ags = p.ags
WHERE p.event_id = $event_id
ORDER BY p.start_char;
