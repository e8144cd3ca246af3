-- Events per topic and Land of the participating authorities.
WITH
-- include: filtered
, pairs AS (
    SELECT topic, unnest(laender) AS land
    FROM (SELECT unnest(topics) AS topic, laender FROM filtered_events)
)
SELECT r.name AS land, p.topic, count(*) AS events
FROM pairs p JOIN regions r ON r.ags = p.land
GROUP BY ALL
ORDER BY land, p.topic;
