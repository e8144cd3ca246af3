-- Rebuild the dashboard's denormalised tables from the events (run after every write).
-- They are derived data, so they are replaced whole (this also upgrades older databases).
CREATE OR REPLACE TABLE event_parties AS
SELECT DISTINCT p.event_id, p.ags, left(p.ags, 5) AS kreis_ags, left(p.ags, 2) AS land_ags
FROM event_participants p JOIN events e USING (event_id)
WHERE e.relevant AND p.role = 'participant';
CREATE OR REPLACE TABLE event_facts AS
SELECT e.event_id, e.doc_id, e.year, e.event_date, e.event_type, e.title,
       coalesce(t.topics, []::VARCHAR[]) AS topics, coalesce(l.laender, []::VARCHAR[]) AS laender,
       coalesce(l.kreise, []::VARCHAR[]) AS kreise
FROM events e
LEFT JOIN (SELECT event_id, list(DISTINCT topic ORDER BY topic) AS topics FROM event_topics GROUP BY event_id) t
       USING (event_id)
LEFT JOIN (SELECT event_id, list(DISTINCT land_ags ORDER BY land_ags) AS laender,
                  list(DISTINCT kreis_ags ORDER BY kreis_ags) AS kreise
           FROM event_parties GROUP BY event_id) l
       USING (event_id)
WHERE e.relevant;
