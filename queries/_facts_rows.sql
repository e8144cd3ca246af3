-- The event_facts rows of the events in event_keys (refresh_facts.sql: all, refresh_docs.sql: some).
SELECT k.eid, e.event_id, e.doc_id, e.year, e.event_date, e.event_type, e.title, d.title AS doc_title,
       d.source, d.name AS doc_name, d.published,
       coalesce(t.topics, []::VARCHAR[]) AS topics, coalesce(l.laender, []::VARCHAR[]) AS laender,
       coalesce(l.kreise, []::INTEGER[]) AS kreise,
       coalesce(l.land_mask, 0)::INTEGER AS land_mask, coalesce(t.topic_mask, 0)::BIGINT AS topic_mask,
       coalesce(l.level_mask, 0)::TINYINT AS level_mask
FROM events e
JOIN event_keys k USING (event_id)
JOIN documents d USING (doc_id)
LEFT JOIN (SELECT event_id, list(DISTINCT topic ORDER BY topic) AS topics, bit_or(1::BIGINT << b.bit) AS topic_mask
           FROM event_topics SEMI JOIN event_keys USING (event_id) JOIN topic_bits b USING (topic) GROUP BY event_id) t
       USING (event_id)
LEFT JOIN (SELECT event_id, list(DISTINCT land_ags ORDER BY land_ags) AS laender,
                  list(DISTINCT kreis_ags::INTEGER ORDER BY kreis_ags::INTEGER) AS kreise,
                  bit_or(1 << land_ags::INTEGER) AS land_mask,
                  -- 1: a Kreis or kreisfreie Stadt (5-digit AGS), 2: a Gemeinde or Verband (8/9 digits)
                  bit_or(CASE length(ags) WHEN 5 THEN 1 WHEN 8 THEN 2 WHEN 9 THEN 2 ELSE 0 END) AS level_mask
           FROM event_parties SEMI JOIN event_keys USING (event_id) GROUP BY event_id) l
       USING (event_id)
WHERE e.relevant
