-- Shared fragment of export_events_csv.sql and export_events_parquet.sql: every event under
-- the filters and the search (the rows and order of events_table.sql, $limit = all) as an
-- analyst gets it: German headers, labels beside the codes, AGS as text, dates as dates, the
-- source as web address or file name only (never a path on the server). The labels come as
-- parallel lists, $type_codes/$type_labels and $topic_codes/$topic_labels.
WITH
-- include: filtered
-- include: event_rows
, labels AS (
    SELECT map(CAST($type_codes AS VARCHAR[]), CAST($type_labels AS VARCHAR[])) AS types,
           map(CAST($topic_codes AS VARCHAR[]), CAST($topic_labels AS VARCHAR[])) AS topics
)
SELECT e.event_id AS "Ereignis-ID", e.event_date AS "Datum", e.year AS "Jahr", e.title AS "Titel",
       coalesce(l.types[e.event_type], e.event_type) AS "Art", e.event_type AS "Art (Code)",
       e.participants AS "Beteiligte", replace(e.participant_ags, ';', '; ') AS "AGS der Beteiligten",
       e.laender AS "Länder",
       nullif(array_to_string(list_transform(string_split(coalesce(e.topics, ''), ';'),
                                             lambda t: coalesce(l.topics[t], t)), '; '), '') AS "Themen",
       nullif(replace(e.topics, ';', '; '), '') AS "Themen (Codes)",
       CASE WHEN e.source LIKE 'http://%' OR e.source LIKE 'https://%' THEN e.source
            ELSE regexp_extract(e.source, '[^/]*$') END AS "Quelle",
       e.published AS "Veröffentlicht"
FROM event_rows e, labels l
ORDER BY e.year DESC NULLS LAST, e.event_date DESC NULLS LAST, e.title, e.event_id
