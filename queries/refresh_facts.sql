-- Rebuild the dashboard's denormalised tables from the events (run after every write).
DELETE FROM event_facts;
DELETE FROM event_parties;
INSERT INTO event_parties
SELECT DISTINCT p.event_id, p.ags, left(p.ags, 5), left(p.ags, 2)
FROM event_participants p JOIN events e USING (event_id)
WHERE e.relevant AND p.role = 'participant';
INSERT INTO event_facts
SELECT e.event_id, e.doc_id, e.year, e.event_date, e.event_type, e.title,
       coalesce(t.topics, []::VARCHAR[]), coalesce(l.laender, []::VARCHAR[]), coalesce(l.kreise, []::VARCHAR[])
FROM events e
LEFT JOIN (SELECT event_id, list(DISTINCT topic ORDER BY topic) AS topics FROM event_topics GROUP BY event_id) t
       USING (event_id)
LEFT JOIN (SELECT event_id, list(DISTINCT land_ags ORDER BY land_ags) AS laender,
                  list(DISTINCT kreis_ags ORDER BY kreis_ags) AS kreise
           FROM event_parties GROUP BY event_id) l
       USING (event_id)
WHERE e.relevant;
