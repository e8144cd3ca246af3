-- Body of network_degree.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql. Pairs are counted on the integer keys eid/pid.
, pairs AS (
    -- each pair of partners once
    SELECT DISTINCT a.pid AS x, b.pid AS y
    FROM parties a JOIN parties b ON a.eid = b.eid AND a.pid < b.pid
),
partners AS (
    SELECT pid, count(*) AS partner FROM (SELECT x AS pid FROM pairs UNION ALL SELECT y FROM pairs) GROUP BY pid
),
shared AS (
    -- events that have at least two participants
    SELECT eid FROM parties GROUP BY eid HAVING count(*) > 1
),
with_partners AS (
    SELECT p.pid, any_value(p.ags) AS ags, count(*) AS ereignisse
    FROM parties p SEMI JOIN shared s ON s.eid = p.eid
    GROUP BY p.pid
),
degree AS (
    SELECT e.ags, d.partner, e.ereignisse
    FROM partners d JOIN with_partners e USING (pid)
    ORDER BY d.partner DESC, e.ereignisse DESC, e.ags
    LIMIT $limit
)
SELECT d.ags, r.name, r.land_ags AS land, d.partner, d.ereignisse
FROM degree d JOIN regions r ON r.ags = d.ags
ORDER BY d.partner DESC, d.ereignisse DESC, r.name;
