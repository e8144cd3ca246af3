-- Events per topic and Land of the participating authorities.
WITH
-- include: filtered
SELECT r.name AS land, t.topic, count(DISTINCT t.event_id) AS events
FROM event_topics t
JOIN parties p USING (event_id)
JOIN regions r ON r.ags = p.land_ags
GROUP BY r.name, t.topic
ORDER BY r.name, t.topic;
