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
-- Land sets no bit and so matches nothing.
wanted AS (
    SELECT (SELECT coalesce(bit_or(1 << TRY_CAST(l AS INTEGER)), 0)
            FROM unnest(CAST($laender AS VARCHAR[])) AS u(l)
            WHERE TRY_CAST(l AS INTEGER) BETWEEN 1 AND 16)::INTEGER AS land_mask,
           (SELECT coalesce(bit_or(1::BIGINT << b.bit), 0)
            FROM topic_bits b WHERE list_contains(CAST($topics AS VARCHAR[]), b.topic))::BIGINT AS topic_mask
),
filtered_events AS (
    SELECT f.eid, f.event_id, f.doc_id, f.year, f.event_date, f.event_type, f.title, f.doc_title, f.topics, f.laender, f.kreise
    FROM event_facts f, wanted w
    WHERE (CASE WHEN f.year IS NULL THEN coalesce($undated, true)
                ELSE ($year_from IS NULL AND $year_to IS NULL)
                     OR f.year BETWEEN coalesce($year_from, 0) AND coalesce($year_to, 9999) END)
      AND (len(CAST($event_types AS VARCHAR[])) = 0 OR list_contains(CAST($event_types AS VARCHAR[]), f.event_type))
      AND (len(CAST($topics AS VARCHAR[])) = 0 OR f.topic_mask & w.topic_mask <> 0)
      AND (len(CAST($laender AS VARCHAR[])) = 0
           OR CASE WHEN coalesce($land_all, false) THEN f.land_mask & w.land_mask = w.land_mask
                   ELSE f.land_mask & w.land_mask <> 0 END)
      -- bits 11–16 (Berlin, Brandenburg, Mecklenburg-Vorpommern, Sachsen, Sachsen-Anhalt, Thüringen) = 129024,
      -- bits 1–10 = 2046
      AND CASE $ost_west WHEN 'ost' THEN f.land_mask & 2046 = 0 AND f.land_mask & 129024 <> 0
                         WHEN 'west' THEN f.land_mask & 129024 = 0 AND f.land_mask & 2046 <> 0
                         WHEN 'ostwest' THEN f.land_mask & 129024 <> 0 AND f.land_mask & 2046 <> 0
                         ELSE true END
      AND CASE $ebene WHEN 'kreis' THEN f.level_mask = 1 WHEN 'gemeinde' THEN f.level_mask = 2
                      WHEN 'gemischt' THEN f.level_mask = 3 ELSE true END
),
parties AS (
    -- one row per event and participating authority (Kreis-level AGS for kreisfreie Städte)
    SELECT p.eid, p.pid, p.event_id, p.ags, p.kreis_ags, p.land_ags
    FROM event_parties p
    SEMI JOIN filtered_events f ON f.eid = p.eid
)
