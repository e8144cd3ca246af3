-- Body of map_edges.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql. Counts the prepared pairs (event_pairs) on integer keys.
, pairs AS (
    -- (x, y) with x < y is each pair once (pid follows the AGS order after a full refresh)
    SELECT x, y, count(*) AS events
    FROM pair_rows
    WHERE n_all >= $min_pair  -- 0: every pair; more: only pairs that strong unfiltered (queries.top_pairs)
    GROUP BY x, y
    ORDER BY events DESC, x, y
    LIMIT $limit
)
SELECT ka.ags AS ags_a, kb.ags AS ags_b, ra.name AS name_a, rb.name AS name_b,
       ra.lon AS lon_a, ra.lat AS lat_a, rb.lon AS lon_b, rb.lat AS lat_b,
       ra.land_ags AS land_a, rb.land_ags AS land_b, p.events
FROM pairs p
JOIN authority_keys ka ON ka.pid = p.x
JOIN authority_keys kb ON kb.pid = p.y
JOIN regions ra ON ra.ags = ka.ags
JOIN regions rb ON rb.ags = kb.ags
ORDER BY p.events DESC, name_a, name_b;
