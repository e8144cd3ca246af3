-- Shared fragment (included by the dashboard queries): the relevant events and their
-- participants that pass the dashboard filters. Parameters:
--   $year_from, $year_to  INTEGER or NULL (NULL on both: no year restriction)
--   $undated  BOOLEAN: whether events without a year count (they have no year to restrict)
--   $land_all BOOLEAN: true = the event links all selected Länder ("zwischen Sachsen und Bayern"),
--             false = at least one of them takes part
--   $ost_west VARCHAR or NULL: 'ost' / 'west' (every party in the East / the West; East = Berlin
--             and the Länder 12–16), 'ostwest' (parties in both)
--   $ebene VARCHAR or NULL: 'kreis' (only Kreise and kreisfreie Städte take part), 'gemeinde'
--             (only Gemeinden and Verbände), 'gemischt' (both levels)
--   $topics, $laender, $event_types  VARCHAR[] (empty: no restriction)
-- Topics and Länder are tested as bit masks (see refresh_facts.sql); an unknown topic or
-- Land sets no bit and so matches nothing. The condition itself is _match.sql.
wanted AS (
    SELECT (SELECT coalesce(bit_or(1 << TRY_CAST(l AS INTEGER)), 0)
            FROM unnest(CAST($laender AS VARCHAR[])) AS u(l)
            WHERE TRY_CAST(l AS INTEGER) BETWEEN 1 AND 16)::INTEGER AS land_mask,
           (SELECT coalesce(bit_or(1::BIGINT << b.bit), 0)
            FROM topic_bits b WHERE list_contains(CAST($topics AS VARCHAR[]), b.topic))::BIGINT AS topic_mask
),
filtered_events AS (
    SELECT f.eid, f.event_id, f.doc_id, f.year, f.event_date, f.event_type, f.title, f.doc_title, f.topics, f.laender, f.kreise,
           f.land_mask, f.source, f.doc_name, f.published, f.kreis_links, f.kreis_topics
    FROM event_facts f, wanted w
    WHERE
-- include: match
),
parties AS (
    -- one row per event and participating authority (Kreis-level AGS for kreisfreie Städte)
    SELECT f.eid, f.pid, f.event_id, f.ags, f.kreis_ags, f.land_ags, f.shared
    FROM event_parties f, wanted w
    WHERE
-- include: match
),
pair_rows AS NOT MATERIALIZED (
    -- one row per event and pair of its participants (x < y as pids)
    SELECT f.eid, f.x, f.y, f.n_all
    FROM event_pairs f, wanted w
    WHERE
-- include: match
)