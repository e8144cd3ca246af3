-- Choices for the sidebar filters: year range and event types present in the data.
SELECT min(year) AS year_min, max(year) AS year_max,
       list(DISTINCT event_type ORDER BY event_type) FILTER (WHERE event_type IS NOT NULL) AS event_types
FROM events
WHERE relevant;
