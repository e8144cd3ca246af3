-- Events per topic and year; year NULL: the events without a year (only there when the
-- filters count them, $undated), shown as „ohne Jahr“.
WITH
-- include: filtered
SELECT year, topic, count(*) AS events
FROM (SELECT year, unnest(topics) AS topic FROM filtered_events)
GROUP BY year, topic
ORDER BY year NULLS LAST, topic;
