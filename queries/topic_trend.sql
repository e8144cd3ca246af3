-- Events per topic and year (dated events only).
WITH
-- include: filtered
SELECT year, topic, count(*) AS events
FROM (SELECT year, unnest(topics) AS topic FROM filtered_events WHERE year IS NOT NULL)
GROUP BY year, topic
ORDER BY year, topic;
