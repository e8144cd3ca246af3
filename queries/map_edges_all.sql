-- map_edges without filters, from the table materialised by refresh_views.sql.
SELECT * FROM view_edges_all ORDER BY events DESC, ags_a, ags_b LIMIT $limit;
