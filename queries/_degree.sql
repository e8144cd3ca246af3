-- Body of network_degree.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql.
, pairs AS (
    -- each pair of partners once
    SELECT DISTINCT a.ags AS x, b.ags AS y
    FROM parties a JOIN parties b ON a.event_id = b.event_id AND a.ags < b.ags
),
partners AS (
    SELECT ags, count(*) AS partner FROM (SELECT x AS ags FROM pairs UNION ALL SELECT y FROM pairs) GROUP BY ags
),
shared AS (
    -- events that have at least two participants
    SELECT event_id FROM parties GROUP BY event_id HAVING count(*) > 1
),
with_partners AS (
    SELECT p.ags, count(*) AS ereignisse FROM parties p SEMI JOIN shared s ON s.event_id = p.event_id GROUP BY p.ags
),
degree AS (
    SELECT d.ags, d.partner, e.ereignisse
    FROM partners d JOIN with_partners e USING (ags)
    ORDER BY d.partner DESC, e.ereignisse DESC, d.ags
    LIMIT $limit
)
SELECT d.ags, r.name, r.land_ags AS land, d.partner, d.ereignisse
FROM degree d JOIN regions r ON r.ags = d.ags
ORDER BY d.partner DESC, d.ereignisse DESC, r.name;
