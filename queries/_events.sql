-- Body of events_table.sql (after the filter fragment); also materialised for the
-- unfiltered view by refresh_views.sql.
-- include: event_rows
SELECT * FROM event_rows
ORDER BY year DESC NULLS LAST, event_date DESC NULLS LAST, title, event_id;
