-- Body of map_kreise.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql.
, kreis_events AS (
    SELECT DISTINCT kreis_ags, event_id FROM parties
),
counts AS (
    SELECT kreis_ags, count(*) AS events FROM kreis_events GROUP BY kreis_ags
),
topics AS (
    SELECT kreis_ags, max_by(topic, (n, topic), 3) AS top_topics
    FROM (SELECT kreis_ags, topic, count(*) AS n
          FROM (SELECT k.kreis_ags, unnest(f.topics) AS topic
                FROM kreis_events k JOIN filtered_events f USING (event_id))
          GROUP BY ALL)
    GROUP BY kreis_ags
),
partners AS (
    SELECT kreis_ags, max_by(partner, (n, partner), 3) AS top_partners
    FROM (SELECT k.kreis_ags, o.ags AS partner, count(*) AS n
          FROM parties k JOIN parties o ON o.event_id = k.event_id AND o.kreis_ags <> k.kreis_ags
          GROUP BY ALL)
    GROUP BY kreis_ags
)
SELECT c.kreis_ags AS ags, c.events, array_to_string(t.top_topics, ',') AS top_topics,
       (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM (SELECT unnest(p.top_partners) AS a) u JOIN regions r ON r.ags = u.a)
           AS top_partners
FROM counts c
LEFT JOIN topics t USING (kreis_ags)
LEFT JOIN partners p USING (kreis_ags)
ORDER BY c.kreis_ags;
