-- Shared fragment of export_events_csv.sql and export_events_parquet.sql: the events of one year ($year,
-- NULL: the undated ones) under the filters and the search, as an analyst gets them: German
-- headers, labels beside the codes, AGS as text, dates as dates, the source as web address or
-- file name only (never a path on the server). The labels come as parallel lists
-- ($type_codes/$type_labels, $topic_codes/$topic_labels). A download is written year by year,
-- newest first (export_years.sql): one sort of all rows would hold the whole table in memory.
WITH
-- include: filtered
, shown AS (
    SELECT f.eid, f.event_id, f.doc_id, f.year, f.event_date, f.event_type, f.doc_title, f.topics, f.laender,
           f.source, f.published
    FROM filtered_events f
    WHERE f.year IS NOT DISTINCT FROM $year
      AND ($search IS NULL
       OR f.doc_id IN (SELECT d.doc_id FROM documents d
                       WHERE d.title ILIKE '%' || $search || '%' OR d.clean_text ILIKE '%' || $search || '%'))
),
-- include: party_names
labels AS (
    SELECT map(CAST($type_codes AS VARCHAR[]), CAST($type_labels AS VARCHAR[])) AS types,
           map(CAST($topic_codes AS VARCHAR[]), CAST($topic_labels AS VARCHAR[])) AS topics,
           (SELECT map(list(ags), list(name)) FROM regions WHERE level = 'land') AS laender
)
SELECT h.event_id AS "Ereignis-ID", h.event_date AS "Datum", h.year AS "Jahr", h.doc_title AS "Titel",
       coalesce(l.types[h.event_type], h.event_type) AS "Art", h.event_type AS "Art (Code)",
       n.participants AS "Beteiligte", replace(n.participant_ags, ';', '; ') AS "AGS der Beteiligten",
       nullif(array_to_string(list_sort(list_transform(h.laender, lambda a: l.laender[a])), '; '), '') AS "Länder",
       nullif(array_to_string(list_transform(h.topics, lambda t: coalesce(l.topics[t], t)), '; '), '') AS "Themen",
       nullif(array_to_string(h.topics, '; '), '') AS "Themen (Codes)",
       CASE WHEN h.source LIKE 'http://%' OR h.source LIKE 'https://%' THEN h.source
            ELSE regexp_extract(h.source, '[^/]*$') END AS "Quelle",
       h.published AS "Veröffentlicht"
FROM shown h
LEFT JOIN names n USING (eid)
CROSS JOIN labels l
ORDER BY h.year DESC NULLS LAST, h.event_date DESC NULLS LAST, h.doc_title, h.event_id
