-- Events per topic under the filters.
WITH
-- include: filtered
SELECT t.topic, count(DISTINCT t.event_id) AS events
FROM event_topics t JOIN filtered_events f USING (event_id)
GROUP BY t.topic
ORDER BY events DESC, t.topic;
