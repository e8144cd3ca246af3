-- Key figures under the filters: events, authorities, Länder, share of events across a Land border.
WITH
-- include: filtered
, per_event AS (
    SELECT f.event_id, count(DISTINCT p.land_ags) AS laender
    FROM filtered_events f LEFT JOIN parties p USING (event_id)
    GROUP BY f.event_id
)
SELECT
    (SELECT count(*) FROM filtered_events) AS events,
    (SELECT count(DISTINCT ags) FROM parties) AS authorities,
    (SELECT count(DISTINCT land_ags) FROM parties) AS laender,
    (SELECT avg(CASE WHEN laender > 1 THEN 1.0 ELSE 0.0 END) FROM per_event) AS cross_border_share;
