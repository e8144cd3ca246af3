-- Inhabitants of the given regions (AGS of Kreise or Gemeinden; a kreisfreie Stadt by its Kreis code).
SELECT ags, ewz, stand FROM population WHERE list_contains($ags_list::VARCHAR[], ags);
