-- The event_facts rows of the events in event_keys (refresh_facts.sql: all, refresh_docs.sql: some).
SELECT k.eid, e.event_id, e.doc_id, e.year, e.event_date, e.event_type, e.title, d.title AS doc_title,
       d.source, d.name AS doc_name, d.published,
       coalesce(t.topics, []::VARCHAR[]) AS topics, coalesce(l.laender, []::VARCHAR[]) AS laender,
       coalesce(l.kreise, []::INTEGER[]) AS kreise,
       coalesce(l.land_mask, 0)::INTEGER AS land_mask, coalesce(t.topic_mask, 0)::BIGINT AS topic_mask,
       coalesce(l.level_mask, 0)::TINYINT AS level_mask,
       -- every pair of the event's Kreise once as one number (a × 100000 + b, a < b) and every
       -- (Kreis, topic bit) as k × 64 + bit: the map's hover and the Kreis ranking count these
       -- with one unnest and one integer key instead of unnesting the Kreise twice
       coalesce(flatten(list_transform(l.kreise, lambda a: list_transform(list_filter(l.kreise, lambda b: b > a),
                                                                          lambda b: a * 100000 + b))),
                []::INTEGER[]) AS kreis_links,
       coalesce(flatten(list_transform(l.kreise, lambda a: list_transform(t.bits, lambda b: a * 64 + b))),
                []::INTEGER[]) AS kreis_topics
FROM events e
JOIN event_keys k USING (event_id)
JOIN documents d USING (doc_id)
LEFT JOIN (SELECT event_id, list(DISTINCT topic ORDER BY topic) AS topics, bit_or(1::BIGINT << b.bit) AS topic_mask,
                  list(DISTINCT b.bit ORDER BY b.bit) AS bits
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
