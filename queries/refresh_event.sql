-- Bring the dashboard's tables up to date for one document's event after an edit, without
-- rebuilding them (refresh_facts.sql does that for bulk writes; its cost grows with the data).
-- The event keeps its eid; an authority new to event_parties gets the next free pid, so pids
-- follow the AGS order only until the next full refresh (the pair queries need only unique keys).
CREATE OR REPLACE TEMP TABLE event_keys AS
SELECT e.event_id,
       coalesce((SELECT f.eid FROM event_facts f WHERE f.event_id = e.event_id),
                (SELECT coalesce(max(f.eid), 0) + 1 FROM event_facts f))::INTEGER AS eid
FROM events e WHERE e.doc_id = $doc_id AND e.relevant;
DELETE FROM event_pairs WHERE eid IN (SELECT f.eid FROM event_facts f WHERE f.doc_id = $doc_id);
DELETE FROM event_parties WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = $doc_id);
DELETE FROM event_facts WHERE doc_id = $doc_id;
INSERT INTO topic_bits
SELECT topic, ((SELECT coalesce(max(bit), -1) FROM topic_bits) + row_number() OVER (ORDER BY topic))::INTEGER
FROM (SELECT DISTINCT t.topic FROM event_topics t SEMI JOIN event_keys k ON k.event_id = t.event_id
      WHERE t.topic NOT IN (SELECT topic FROM topic_bits));
SELECT CASE WHEN count(*) > 63 THEN error('topic_mask holds 63 topics, found ' || count(*)) END FROM topic_bits;
INSERT INTO event_parties
WITH parties AS (
    SELECT DISTINCT p.event_id, p.ags FROM event_participants p SEMI JOIN event_keys k ON k.event_id = p.event_id
    WHERE p.role = 'participant'
), known AS (
    SELECT ags, any_value(pid) AS pid FROM event_parties WHERE ags IN (SELECT ags FROM parties) GROUP BY ags
), fresh AS (
    SELECT ags, (SELECT coalesce(max(pid), 0) FROM event_parties) + row_number() OVER (ORDER BY ags) AS pid
    FROM (SELECT DISTINCT ags FROM parties) WHERE ags NOT IN (SELECT ags FROM known)
)
SELECT k.eid, coalesce(kn.pid, fr.pid)::INTEGER, p.event_id, p.ags, left(p.ags, 5), left(p.ags, 2),
       NULL, NULL, NULL, NULL, NULL, NULL
FROM parties p JOIN event_keys k USING (event_id) LEFT JOIN known kn USING (ags) LEFT JOIN fresh fr USING (ags);
INSERT INTO authority_keys
SELECT DISTINCT p.pid, p.ags FROM event_parties p SEMI JOIN event_keys k ON k.event_id = p.event_id
WHERE p.pid NOT IN (SELECT pid FROM authority_keys);
INSERT INTO event_facts
-- include: facts_rows
;
-- include: party_filters
-- include: pair_rows
DROP TABLE event_keys;
