-- Events per topic and year (dated events only).
WITH
-- include: filtered
SELECT f.year, t.topic, count(DISTINCT t.event_id) AS events
FROM event_topics t JOIN filtered_events f USING (event_id)
WHERE f.year IS NOT NULL
GROUP BY f.year, t.topic
ORDER BY f.year, t.topic;
