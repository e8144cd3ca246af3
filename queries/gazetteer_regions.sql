-- Region facts the extractor needs to choose between candidates.
SELECT ags, name, bez, level, land_ags, kreis_ags, lon, lat, area_km2, kreisfrei
FROM regions;
