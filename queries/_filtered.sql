-- Shared fragment (included by the dashboard queries): the events and participants
-- that pass the dashboard filters. Parameters:
--   $year_from, $year_to  INTEGER or NULL (NULL on both: all events, also undated ones)
--   $topics, $laender, $event_types  VARCHAR[] (empty: no restriction)
--   $search  VARCHAR or NULL (case-insensitive, in title and text)
filtered_events AS (
    SELECT e.event_id, e.doc_id, e.year, e.event_date, e.event_type, e.title
    FROM events e
    WHERE e.relevant
      AND (($year_from IS NULL AND $year_to IS NULL)
           OR e.year BETWEEN coalesce($year_from, 0) AND coalesce($year_to, 9999))
      AND (len(CAST($event_types AS VARCHAR[])) = 0
           OR e.event_type IN (SELECT unnest(CAST($event_types AS VARCHAR[]))))
      AND (len(CAST($topics AS VARCHAR[])) = 0
           OR e.event_id IN (SELECT t.event_id FROM event_topics t
                             WHERE t.topic IN (SELECT unnest(CAST($topics AS VARCHAR[])))))
      AND (len(CAST($laender AS VARCHAR[])) = 0
           OR e.event_id IN (SELECT p.event_id FROM event_participants p
                             WHERE p.role = 'participant'
                               AND left(p.ags, 2) IN (SELECT unnest(CAST($laender AS VARCHAR[])))))
      AND ($search IS NULL
           OR e.event_id IN (SELECT ev.event_id FROM events ev JOIN documents d USING (doc_id)
                             WHERE d.title ILIKE '%' || $search || '%'
                                OR d.clean_text ILIKE '%' || $search || '%'))
),
parties AS (
    -- one row per event and participating authority (Kreis-level AGS for kreisfreie Städte)
    SELECT DISTINCT p.event_id, p.ags, left(p.ags, 5) AS kreis_ags, left(p.ags, 2) AS land_ags
    FROM event_participants p
    JOIN filtered_events f USING (event_id)
    WHERE p.role = 'participant'
)
