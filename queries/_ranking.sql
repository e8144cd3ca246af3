-- Body of kreis_ranking.sql (after the filter fragment); also materialised for the unfiltered
-- view by refresh_views.sql. Per Kreis (a Gemeinde counts for its Kreis): events, partner Kreise,
-- partner Kreise in another Land, and the share of its events that reach across a Land border.
-- Kreise are numbers (event_facts.kreise): the Land is k // 1000.
, kreis_events AS (
    SELECT unnest(kreise) AS k, kreise, land_mask FROM filtered_events
),
counts AS (
    -- an event reaches across a Land border for k when another Land takes part: a bit test on the
    -- event's land_mask; the list test only where a Land itself (a number < 1000) is in the list
    SELECT k, count(*) AS events,
           count(*) FILTER (WHERE CASE WHEN kreise[1] >= 1000 THEN land_mask & ~(1 << (k // 1000)) <> 0
                                       ELSE len(list_filter(kreise, lambda x: x // 1000 <> k // 1000)) > 0 END)
               AS cross_events
    FROM kreis_events GROUP BY k
),
pairs AS (
    -- the distinct pairs of Kreise of the filtered events (each pair once, a < b)
    SELECT DISTINCT unnest(kreis_links) AS code FROM filtered_events
),
per_kreis AS (
    SELECT k, count(*) AS partners, count(*) FILTER (WHERE partner // 1000 <> k // 1000) AS partners_other_land
    FROM (SELECT code // 100000 AS k, code % 100000 AS partner FROM pairs
          UNION ALL SELECT code % 100000, code // 100000 FROM pairs)
    GROUP BY k
)
SELECT lpad(c.k::VARCHAR, 5, '0') AS ags, r.name, r.bez, l.name AS land, c.events,
       coalesce(p.partners, 0) AS partners, coalesce(p.partners_other_land, 0) AS partners_other_land,
       c.cross_events / c.events AS cross_share
FROM counts c
LEFT JOIN per_kreis p USING (k)
JOIN regions r ON r.ags = lpad(c.k::VARCHAR, 5, '0') AND r.level = 'kreis'
JOIN regions l ON l.ags = r.land_ags AND l.level = 'land'
ORDER BY c.events DESC, partners DESC, ags;
