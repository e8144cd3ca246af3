-- The years of a download, newest first, undated last (NULL): it is written one year at a time.
WITH
-- include: filtered
SELECT DISTINCT f.year
FROM filtered_events f
WHERE $search IS NULL
   OR f.doc_id IN (SELECT d.doc_id FROM documents d
                   WHERE d.title ILIKE '%' || $search || '%' OR d.clean_text ILIKE '%' || $search || '%')
ORDER BY f.year DESC NULLS LAST;
