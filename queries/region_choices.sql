-- Every Kreis and Gemeinde for the region picker: "Name (Bezeichnung, Kreis)".
SELECT r.ags, r.name, r.bez, r.level, k.name AS kreis
FROM regions r LEFT JOIN regions k ON k.ags = r.kreis_ags AND k.level = 'kreis'
WHERE r.level IN ('kreis', 'gemeinde')
  AND NOT (r.level = 'gemeinde' AND r.kreisfrei)
ORDER BY r.name, r.level, r.ags;
