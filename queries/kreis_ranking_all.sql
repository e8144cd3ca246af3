-- kreis_ranking without filters, from the table materialised by refresh_views.sql.
SELECT * FROM view_ranking_all ORDER BY events DESC, partners DESC, ags;
