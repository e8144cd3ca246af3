-- After a partial refresh (refresh_docs.sql): the filter columns of the events in event_keys copied onto
-- their rows of event_parties (refresh_facts.sql builds them whole).
UPDATE event_parties p
SET year = f.year, event_type = f.event_type, topic_mask = f.topic_mask, land_mask = f.land_mask,
    level_mask = f.level_mask, shared = n.parties > 1
FROM event_facts f, (SELECT eid, count(*) AS parties FROM event_parties SEMI JOIN event_keys USING (event_id)
                     GROUP BY eid) n
WHERE f.eid = p.eid AND n.eid = p.eid;
