-- Topics, funding, people and foreign partners of one event, as labelled rows.
SELECT 'Thema' AS kind, topic AS value FROM event_topics WHERE event_id = $event_id
UNION ALL
SELECT 'Förderung', concat_ws(' · ', programme, funder,
       CASE WHEN amount_eur IS NOT NULL THEN format('{:,.0f} €', amount_eur) END)
FROM funding WHERE event_id = $event_id
UNION ALL
SELECT 'Person', concat_ws(' · ', office, name) FROM people WHERE event_id = $event_id
UNION ALL
SELECT 'Ausländischer Partner', concat_ws(' ', name, '(' || country || ')') FROM event_foreign_partners WHERE event_id = $event_id;
