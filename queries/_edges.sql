-- Body of map_edges.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql.
, pairs AS (
    -- (x, y) with x < y is each pair once (pid follows the AGS order after a full refresh)
    SELECT a.pid AS x, b.pid AS y, any_value(a.ags) AS ags_a, any_value(b.ags) AS ags_b, count(*) AS events
    FROM parties a JOIN parties b ON a.eid = b.eid AND a.pid < b.pid
    GROUP BY x, y
    ORDER BY events DESC, x, y
    LIMIT $limit
)
SELECT p.ags_a, p.ags_b, ra.name AS name_a, rb.name AS name_b,
       ra.lon AS lon_a, ra.lat AS lat_a, rb.lon AS lon_b, rb.lat AS lat_b,
       ra.land_ags AS land_a, rb.land_ags AS land_b, p.events
FROM pairs p
JOIN regions ra ON ra.ags = p.ags_a
JOIN regions rb ON rb.ags = p.ags_b
ORDER BY p.events DESC, name_a, name_b;
