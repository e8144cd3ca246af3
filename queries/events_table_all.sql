-- events_table without filters and search, from the table materialised by refresh_views.sql.
SELECT * FROM view_events_all ORDER BY year DESC NULLS LAST, event_date DESC NULLS LAST, title, event_id LIMIT $limit;
