-- map_kreise without filters, from the table materialised by refresh_views.sql.
SELECT * FROM view_kreise_all ORDER BY ags;
