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
-- include: facts_rows
ORDER BY k.eid;
DROP TABLE event_keys;
