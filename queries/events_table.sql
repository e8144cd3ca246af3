-- One row per event under the filters: the Ereignisse table and its downloads.
WITH
-- include: filtered
SELECT f.event_id, f.event_date, f.year, d.title, f.event_type,
       (SELECT string_agg(r.name, '; ' ORDER BY r.name) FROM parties p JOIN regions r ON r.ags = p.ags
        WHERE p.event_id = f.event_id) AS participants,
       (SELECT string_agg(DISTINCT p.ags, ';' ORDER BY p.ags) FROM parties p WHERE p.event_id = f.event_id) AS participant_ags,
       (SELECT string_agg(DISTINCT r.name, '; ' ORDER BY r.name) FROM parties p JOIN regions r ON r.ags = p.land_ags
        WHERE p.event_id = f.event_id) AS laender,
       (SELECT string_agg(t.topic, ';' ORDER BY t.topic) FROM event_topics t WHERE t.event_id = f.event_id) AS topics,
       d.source, d.name AS document, d.published
FROM filtered_events f
JOIN documents d USING (doc_id)
ORDER BY f.year DESC NULLS LAST, f.event_date DESC NULLS LAST, d.title;
