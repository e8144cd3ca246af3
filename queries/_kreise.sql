-- Body of map_kreise.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql. Works on the per-event lists of Kreise and topics
-- (event_facts), so broad filters cost no joins; Kreise are numbers there (k) and become
-- five-digit AGS again at the end.
, kreis_events AS (
    SELECT unnest(kreise) AS k, topics, kreise FROM filtered_events
),
counts AS (
    SELECT k, count(*) AS events FROM kreis_events GROUP BY k
),
topics AS (
    SELECT k, max_by(topic, (n, topic), 3) AS top_topics
    FROM (SELECT k, topic, count(*) AS n
          FROM (SELECT k, unnest(topics) AS topic FROM kreis_events)
          GROUP BY ALL)
    GROUP BY k
),
partners AS (
    -- partner Kreise: the other Kreise of the same events
    SELECT k, max_by(partner, (n, partner), 3) AS top_partners
    FROM (SELECT k, partner, count(*) AS n
          FROM (SELECT k, unnest(kreise) AS partner FROM kreis_events)
          WHERE partner <> k
          GROUP BY ALL)
    GROUP BY k
)
SELECT lpad(c.k::VARCHAR, 5, '0') AS ags, c.events, array_to_string(t.top_topics, ',') AS top_topics,
       (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM (SELECT unnest(p.top_partners) AS a) u
        JOIN regions r ON r.ags = lpad(u.a::VARCHAR, 5, '0') AND r.level = 'kreis') AS top_partners
FROM counts c
LEFT JOIN topics t USING (k)
LEFT JOIN partners p USING (k)
ORDER BY ags;
