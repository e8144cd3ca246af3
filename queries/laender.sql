-- The 16 Länder with their AGS, for the federal-state filter.
SELECT ags, name FROM regions WHERE level = 'land' ORDER BY name;
