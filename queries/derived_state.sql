-- Before a partial refresh of the dashboard's derived tables for some documents ($doc_ids):
-- whether the tables exist in their current shape (refresh_facts.sql builds them), how many events they hold, and how
-- many authorities of these documents they do not know yet. A new authority gets the next free
-- pid, which would break the AGS order of the pids that the pair queries break ties by; then
-- the tables are rebuilt whole.
SELECT (SELECT count(*) FROM information_schema.tables
        WHERE table_schema = 'main'
          AND table_name IN ('event_facts', 'event_parties', 'event_pairs', 'authority_keys', 'topic_bits')) = 5
       -- and event_facts has its newest column (a table of an older version is rebuilt whole)
       AND (SELECT count(*) FROM information_schema.columns
            WHERE table_schema = 'main' AND table_name = 'event_facts' AND column_name = 'kreis_topics') = 1
           AS present,
       (SELECT count(*) FROM event_facts) AS events,
       (SELECT count(DISTINCT p.ags)
        FROM event_participants p JOIN events e USING (event_id)
        WHERE list_contains(CAST($doc_ids AS VARCHAR[]), e.doc_id) AND e.relevant AND p.role = 'participant'
          AND p.ags NOT IN (SELECT ags FROM authority_keys)) AS new_authorities;
