-- Shared fragment (after the filter fragment): the events under the filters and the free-text
-- search ($search), newest first and cut at $limit, one row each with names and codes. Sorted and
-- cut on event_facts' sort keys alone; the documents are read only for the search.
, shown_keys AS (
    -- sorted and cut on the sort keys alone: the lists and names are read for the kept rows only
    SELECT f.eid
    FROM filtered_events f
    WHERE $search IS NULL
       OR f.doc_id IN (SELECT d.doc_id FROM documents d
                       WHERE d.title ILIKE '%' || $search || '%' OR d.clean_text ILIKE '%' || $search || '%')
    ORDER BY f.year DESC NULLS LAST, f.event_date DESC NULLS LAST, f.doc_title, f.event_id
    LIMIT $limit
),
shown AS (
    SELECT f.* FROM event_facts f SEMI JOIN shown_keys k ON k.eid = f.eid
),
-- include: party_names
event_rows AS (
    SELECT s.event_id, s.event_date, s.year, s.doc_title AS title, s.event_type, n.participants, n.participant_ags,
           nullif(array_to_string(list_sort(list_transform(s.laender, lambda a: lm.laender[a])), '; '), '') AS laender,
           array_to_string(s.topics, ';') AS topics, s.source, s.doc_name AS document, s.published
    FROM shown s
    -- the Länder's names from one map, not a correlated join per row (a quarter of the query's time at 100 k)
    CROSS JOIN (SELECT map(list(ags), list(name)) AS laender FROM regions WHERE level = 'land') lm
    LEFT JOIN names n USING (eid)
)
