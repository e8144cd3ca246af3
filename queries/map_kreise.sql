-- Events per Kreis under the filters (a participating Gemeinde counts for its Kreis),
-- with the Kreis' top topics and top partners for the hover.
WITH
-- include: filtered
, kreis_events AS (
    SELECT DISTINCT kreis_ags, event_id FROM parties
),
counts AS (
    SELECT kreis_ags, count(*) AS events FROM kreis_events GROUP BY kreis_ags
),
topic_rank AS (
    SELECT k.kreis_ags, t.topic, count(*) AS n,
           row_number() OVER (PARTITION BY k.kreis_ags ORDER BY count(*) DESC, t.topic) AS rk
    FROM kreis_events k JOIN event_topics t USING (event_id)
    GROUP BY k.kreis_ags, t.topic
),
partner_rank AS (
    SELECT k.kreis_ags, r.name AS partner, count(DISTINCT k.event_id) AS n,
           row_number() OVER (PARTITION BY k.kreis_ags ORDER BY count(DISTINCT k.event_id) DESC, r.name) AS rk
    FROM kreis_events k
    JOIN parties o ON o.event_id = k.event_id AND o.kreis_ags <> k.kreis_ags
    JOIN regions r ON r.ags = o.ags
    GROUP BY k.kreis_ags, r.name
)
SELECT s.ags, r.name, r.bez, r.land_ags, s.geojson, coalesce(c.events, 0) AS events,
       (SELECT string_agg(topic, ',' ORDER BY rk) FROM topic_rank t WHERE t.kreis_ags = s.ags AND rk <= 3) AS top_topics,
       (SELECT string_agg(partner, ', ' ORDER BY rk) FROM partner_rank p WHERE p.kreis_ags = s.ags AND rk <= 3) AS top_partners
FROM region_shapes s
JOIN regions r ON r.ags = s.ags AND r.level = 'kreis'
LEFT JOIN counts c ON c.kreis_ags = s.ags
WHERE s.level = 'kreis'
ORDER BY s.ags;
