-- A corrected year keeps the extracted day only when it lies in that year.
UPDATE events SET year = $year,
       event_date = CASE WHEN year(event_date) = $year THEN event_date END
WHERE doc_id = $doc_id;
