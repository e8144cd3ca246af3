-- Body of map_kreise.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql. Works on the per-event lists of Kreise, Kreis pairs and
-- Kreis × topic codes (event_facts), so broad filters cost no joins and each count is one unnest
-- grouped by one integer; Kreise are numbers there and become five-digit AGS again at the end.
, counts AS (
    SELECT k, count(*) AS events FROM (SELECT unnest(kreise) AS k FROM filtered_events) GROUP BY k
),
topics AS (
    SELECT c.code // 64 AS k, max_by(b.topic, (c.n, b.topic), 3) AS top_topics
    FROM (SELECT code, count(*) AS n FROM (SELECT unnest(kreis_topics) AS code FROM filtered_events) GROUP BY code) c
    JOIN topic_bits b ON b.bit = c.code % 64
    GROUP BY ALL
),
pair_counts AS (
    SELECT code // 100000 AS a, code % 100000 AS b, count(*) AS n
    FROM (SELECT unnest(kreis_links) AS code FROM filtered_events) GROUP BY code
),
partners AS (
    -- partner Kreise: the other Kreise of the same events (each pair was counted once, a < b)
    SELECT k, max_by(partner, (n, partner), 3) AS top_partners
    FROM (SELECT a AS k, b AS partner, n FROM pair_counts UNION ALL SELECT b, a, n FROM pair_counts)
    GROUP BY k
)
SELECT lpad(c.k::VARCHAR, 5, '0') AS ags, c.events, array_to_string(t.top_topics, ',') AS top_topics,
       (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM (SELECT unnest(p.top_partners) AS a) u
        JOIN regions r ON r.ags = lpad(u.a::VARCHAR, 5, '0') AND r.level = 'kreis') AS top_partners
FROM counts c
LEFT JOIN topics t USING (k)
LEFT JOIN partners p USING (k)
ORDER BY ags;
