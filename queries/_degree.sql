-- Body of network_degree.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql.
, degree AS (
    SELECT a.ags, count(DISTINCT b.ags) AS partner, count(DISTINCT a.event_id) AS ereignisse
    FROM parties a JOIN parties b ON a.event_id = b.event_id AND a.ags <> b.ags
    GROUP BY a.ags
    ORDER BY partner DESC, ereignisse DESC, a.ags
    LIMIT $limit
)
SELECT d.ags, r.name, r.land_ags AS land, d.partner, d.ereignisse
FROM degree d JOIN regions r ON r.ags = d.ags
ORDER BY d.partner DESC, d.ereignisse DESC, r.name;
