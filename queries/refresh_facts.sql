-- Rebuild the dashboard's denormalised tables from the events (run after every write).
-- They are derived data, so they are replaced whole (this also upgrades older databases).
-- eid (event) and pid (authority) are dense integer keys for the joins and pair counts of
-- the dashboard, which hash integers much faster than AGS and event-id strings.
CREATE OR REPLACE TEMP TABLE event_keys AS
SELECT event_id, row_number() OVER (ORDER BY event_id)::INTEGER AS eid FROM events WHERE relevant;
CREATE OR REPLACE TABLE event_parties AS
WITH parties AS (
    SELECT DISTINCT p.event_id, p.ags FROM event_participants p WHERE p.role = 'participant'
)
SELECT k.eid, dense_rank() OVER (ORDER BY p.ags)::INTEGER AS pid, p.event_id, p.ags,
       left(p.ags, 5) AS kreis_ags, left(p.ags, 2) AS land_ags
FROM parties p JOIN event_keys k USING (event_id)
ORDER BY k.eid, p.ags;
-- Bit positions of the topics for event_facts.topic_mask (one BIGINT, so at most 63 topics).
CREATE OR REPLACE TABLE topic_bits AS
SELECT topic, (row_number() OVER (ORDER BY topic) - 1)::INTEGER AS bit FROM (SELECT DISTINCT topic FROM event_topics);
SELECT CASE WHEN count(*) > 63 THEN error('topic_mask holds 63 topics, found ' || count(*)) END FROM topic_bits;
-- land_mask has bit n set for Land n (AGS 01–16), topic_mask the bits of the topics: the
-- dashboard filters test them with one AND instead of comparing lists.
CREATE OR REPLACE TABLE event_facts AS
SELECT k.eid, e.event_id, e.doc_id, e.year, e.event_date, e.event_type, e.title, d.title AS doc_title,
       coalesce(t.topics, []::VARCHAR[]) AS topics, coalesce(l.laender, []::VARCHAR[]) AS laender,
       coalesce(l.kreise, []::INTEGER[]) AS kreise,
       coalesce(l.land_mask, 0)::INTEGER AS land_mask, coalesce(t.topic_mask, 0)::BIGINT AS topic_mask
FROM events e
JOIN event_keys k USING (event_id)
JOIN documents d USING (doc_id)
LEFT JOIN (SELECT event_id, list(DISTINCT topic ORDER BY topic) AS topics, bit_or(1::BIGINT << b.bit) AS topic_mask
           FROM event_topics JOIN topic_bits b USING (topic) GROUP BY event_id) t
       USING (event_id)
LEFT JOIN (SELECT event_id, list(DISTINCT land_ags ORDER BY land_ags) AS laender,
                  list(DISTINCT kreis_ags::INTEGER ORDER BY kreis_ags::INTEGER) AS kreise,
                  bit_or(1 << land_ags::INTEGER) AS land_mask
           FROM event_parties GROUP BY event_id) l
       USING (event_id)
WHERE e.relevant
ORDER BY k.eid;
DROP TABLE event_keys;
