-- Key figures under the filters: events, authorities, Länder, share of events across a Land border.
WITH
-- include: filtered
SELECT
    (SELECT count(*) FROM filtered_events) AS events,
    (SELECT count(DISTINCT ags) FROM parties) AS authorities,
    (SELECT count(DISTINCT land) FROM (SELECT unnest(laender) AS land FROM filtered_events)) AS laender,
    (SELECT avg(CASE WHEN len(laender) > 1 THEN 1.0 ELSE 0.0 END) FROM filtered_events) AS cross_border_share;
