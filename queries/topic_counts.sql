-- Events per topic under the filters.
WITH
-- include: filtered
SELECT topic, count(*) AS events
FROM (SELECT unnest(topics) AS topic FROM filtered_events)
GROUP BY topic
ORDER BY events DESC, topic;
