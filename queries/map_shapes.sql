-- Display geometries of one level (land / kreis / gemeinde) with names.
SELECT s.ags, r.name, r.bez, r.land_ags, s.geojson
FROM region_shapes s
JOIN regions r ON r.ags = s.ags AND r.level = s.level
WHERE s.level = $level
ORDER BY s.ags;
