-- Shared fragment (included by the dashboard queries): the relevant events and their
-- participants that pass the dashboard filters. Parameters:
--   $year_from, $year_to  INTEGER or NULL (NULL on both: all events, also undated ones)
--   $topics, $laender, $event_types  VARCHAR[] (empty: no restriction)
filtered_events AS (
    SELECT f.event_id, f.doc_id, f.year, f.event_date, f.event_type, f.title, f.topics, f.laender, f.kreise
    FROM event_facts f
    WHERE (($year_from IS NULL AND $year_to IS NULL)
           OR f.year BETWEEN coalesce($year_from, 0) AND coalesce($year_to, 9999))
      AND (len(CAST($event_types AS VARCHAR[])) = 0 OR list_contains(CAST($event_types AS VARCHAR[]), f.event_type))
      AND (len(CAST($topics AS VARCHAR[])) = 0 OR list_has_any(f.topics, CAST($topics AS VARCHAR[])))
      AND (len(CAST($laender AS VARCHAR[])) = 0 OR list_has_any(f.laender, CAST($laender AS VARCHAR[])))
),
parties AS (
    -- one row per event and participating authority (Kreis-level AGS for kreisfreie Städte)
    SELECT p.event_id, p.ags, p.kreis_ags, p.land_ags
    FROM event_parties p
    SEMI JOIN filtered_events f ON f.event_id = p.event_id
)
