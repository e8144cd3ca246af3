-- Body of events_table.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql.
, shown AS (
    SELECT f.*, d.title AS doc_title, d.source, d.name AS document, d.published
    FROM filtered_events f
    JOIN documents d USING (doc_id)
    WHERE $search IS NULL OR d.title ILIKE '%' || $search || '%' OR d.clean_text ILIKE '%' || $search || '%'
    ORDER BY f.year DESC NULLS LAST, f.event_date DESC NULLS LAST, d.title, f.event_id
    LIMIT $limit
),
names AS (
    SELECT p.event_id, string_agg(r.name, '; ' ORDER BY r.name) AS participants,
           string_agg(p.ags, ';' ORDER BY p.ags) AS participant_ags
    FROM event_parties p SEMI JOIN shown s ON s.event_id = p.event_id
    JOIN regions r ON r.ags = p.ags
    GROUP BY p.event_id
)
SELECT s.event_id, s.event_date, s.year, s.doc_title AS title, s.event_type, n.participants, n.participant_ags,
       (SELECT string_agg(r.name, '; ' ORDER BY r.name) FROM (SELECT unnest(s.laender) AS land) u
        JOIN regions r ON r.ags = u.land) AS laender,
       array_to_string(s.topics, ';') AS topics, s.source, s.document, s.published
FROM shown s LEFT JOIN names n USING (event_id)
ORDER BY s.year DESC NULLS LAST, s.event_date DESC NULLS LAST, s.doc_title, s.event_id;
