-- One region's facts.
SELECT r.ags, r.name, r.bez, r.level, r.lon, r.lat, r.area_km2, r.nuts, l.name AS land, k.name AS kreis
FROM regions r
LEFT JOIN regions l ON l.ags = r.land_ags AND l.level = 'land'
LEFT JOIN regions k ON k.ags = r.kreis_ags AND k.level = 'kreis'
WHERE r.ags = $ags;
