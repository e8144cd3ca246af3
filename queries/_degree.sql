-- Body of network_degree.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql. Pairs are counted on the integer keys (event_pairs).
, pairs AS (
    -- each pair of partners once; a pair with one event in the whole database (n_all = 1) has
    -- one row, so only the rest need the (costly) DISTINCT (n_all is never below the pair's number
    -- of rows: refresh_docs.sql recounts every pair its new rows belong to)
    SELECT DISTINCT x, y FROM pair_rows WHERE n_all >= 2
    UNION ALL
    SELECT x, y FROM pair_rows WHERE n_all = 1
),
partners AS (
    SELECT pid, count(*) AS partner FROM (SELECT x AS pid FROM pairs UNION ALL SELECT y FROM pairs) GROUP BY pid
),
with_partners AS (
    -- events that have at least two participants (event_parties.shared)
    SELECT pid, count(*) AS ereignisse FROM parties WHERE shared GROUP BY pid
),
degree AS (
    SELECT k.ags, d.partner, e.ereignisse
    FROM partners d JOIN with_partners e USING (pid) JOIN authority_keys k USING (pid)
    ORDER BY d.partner DESC, e.ereignisse DESC, k.ags
    LIMIT $limit
)
SELECT d.ags, r.name, r.land_ags AS land, d.partner, d.ereignisse
FROM degree d JOIN regions r ON r.ags = d.ags
ORDER BY d.partner DESC, d.ereignisse DESC, r.name;
