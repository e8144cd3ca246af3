-- network_degree without filters, from the table materialised by refresh_views.sql.
SELECT * FROM view_degree_all ORDER BY partner DESC, ereignisse DESC, ags LIMIT $limit;
