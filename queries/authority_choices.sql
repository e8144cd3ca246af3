-- Every authority an editor can add to an event: Kreise, kreisangehörige Gemeinden, Verbände
-- and the city-states (as Kreis), labelled with kind and Kreis.
SELECT r.ags, r.name, r.bez, r.level, k.name AS kreis
FROM regions r LEFT JOIN regions k ON k.ags = r.kreis_ags AND k.level = 'kreis'
WHERE r.level IN ('kreis', 'gemeinde', 'verband')
  AND NOT (r.level = 'gemeinde' AND r.kreisfrei)
ORDER BY r.name, r.level, r.ags;
