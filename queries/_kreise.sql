-- Body of map_kreise.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql. Works on the per-event lists of Kreise and topics
-- (event_facts), so broad filters cost no joins.
, kreis_events AS (
    SELECT unnest(kreise) AS kreis_ags, topics, kreise FROM filtered_events
),
counts AS (
    SELECT kreis_ags, count(*) AS events FROM kreis_events GROUP BY kreis_ags
),
topics AS (
    SELECT kreis_ags, max_by(topic, (n, topic), 3) AS top_topics
    FROM (SELECT kreis_ags, topic, count(*) AS n
          FROM (SELECT kreis_ags, unnest(topics) AS topic FROM kreis_events)
          GROUP BY ALL)
    GROUP BY kreis_ags
),
partners AS (
    -- partner Kreise: the other Kreise of the same events
    SELECT kreis_ags, max_by(partner, (n, partner), 3) AS top_partners
    FROM (SELECT kreis_ags, partner, count(*) AS n
          FROM (SELECT kreis_ags, unnest(kreise) AS partner FROM kreis_events)
          WHERE partner <> kreis_ags
          GROUP BY ALL)
    GROUP BY kreis_ags
)
SELECT c.kreis_ags AS ags, c.events, array_to_string(t.top_topics, ',') AS top_topics,
       (SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM (SELECT unnest(p.top_partners) AS a) u
        JOIN regions r ON r.ags = u.a AND r.level = 'kreis') AS top_partners
FROM counts c
LEFT JOIN topics t USING (kreis_ags)
LEFT JOIN partners p USING (kreis_ags)
ORDER BY c.kreis_ags;
