-- Bring the dashboard's tables up to date for the events of some documents ($doc_ids: edited,
-- stored, replaced or deleted), without rebuilding them (refresh_facts.sql rebuilds all; its
-- cost grows with the data, this one's with the documents). A known event keeps its eid, a new
-- one gets the next free; an authority new to event_parties gets the next free pid, so eids and
-- pids follow event-id and AGS order only until the next full refresh (the queries need unique
-- keys only).
CREATE OR REPLACE TEMP TABLE touched_docs AS SELECT DISTINCT unnest(CAST($doc_ids AS VARCHAR[])) AS doc_id;
CREATE OR REPLACE TEMP TABLE event_keys AS
WITH touched AS (
    SELECT e.event_id FROM events e SEMI JOIN touched_docs t ON t.doc_id = e.doc_id WHERE e.relevant
), known AS (
    SELECT t.event_id, f.eid FROM touched t JOIN event_facts f USING (event_id)
)
SELECT event_id, eid FROM known
UNION ALL
SELECT event_id, ((SELECT coalesce(max(eid), 0) FROM event_facts) + row_number() OVER (ORDER BY event_id))::INTEGER
FROM touched WHERE event_id NOT IN (SELECT event_id FROM known);
CREATE OR REPLACE TEMP TABLE stale_keys AS
SELECT f.eid FROM event_facts f SEMI JOIN touched_docs t ON t.doc_id = f.doc_id
UNION SELECT eid FROM event_keys;
DELETE FROM event_pairs WHERE eid IN (SELECT eid FROM stale_keys);
DELETE FROM event_parties WHERE eid IN (SELECT eid FROM stale_keys);
DELETE FROM event_facts WHERE eid IN (SELECT eid FROM stale_keys);
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
-- the unfiltered counts of the pairs these events have (a pair only of deleted events keeps its
-- old count: too high is still a bound, see queries.top_pairs)
UPDATE event_pairs SET n_all = c.n
FROM (SELECT p.x, p.y, count(*)::INTEGER AS n FROM event_pairs p
      SEMI JOIN (SELECT DISTINCT x, y FROM event_pairs WHERE eid IN (SELECT eid FROM event_keys)) t
           ON t.x = p.x AND t.y = p.y
      GROUP BY p.x, p.y) c
WHERE event_pairs.x = c.x AND event_pairs.y = c.y;
DROP TABLE event_keys;
DROP TABLE stale_keys;
DROP TABLE touched_docs;
