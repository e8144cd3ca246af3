-- The pairs of participants of the events in event_keys, with the events' filter columns
-- (refresh_facts.sql: every event, refresh_docs.sql: those of some documents). The map's and the
-- network's pair counts read them with one filtered scan (_match.sql) instead of joining the
-- participations with themselves. n_all (the pair's unfiltered count) is filled by the caller.
INSERT INTO event_pairs
SELECT a.eid, a.pid, b.pid, a.year, a.event_type, a.topic_mask, a.land_mask, a.level_mask, NULL
FROM event_parties a JOIN event_parties b ON a.eid = b.eid AND a.pid < b.pid
WHERE a.event_id IN (SELECT event_id FROM event_keys)
ORDER BY a.eid, a.pid, b.pid;
