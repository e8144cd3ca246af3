-- Choices for the sidebar filters: year range, event types present, events without a year.
SELECT min(year) AS year_min, max(year) AS year_max,
       list(DISTINCT event_type ORDER BY event_type) FILTER (WHERE event_type IS NOT NULL) AS event_types,
       count(*) FILTER (WHERE year IS NULL) AS undated
FROM events
WHERE relevant;
