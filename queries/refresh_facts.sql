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
       left(p.ags, 5) AS kreis_ags, left(p.ags, 2) AS land_ags,
       -- the event's filter columns, filled from event_facts below
       NULL::INTEGER AS year, NULL::VARCHAR AS event_type, NULL::BIGINT AS topic_mask, NULL::INTEGER AS land_mask,
       NULL::TINYINT AS level_mask, NULL::BOOLEAN AS shared
FROM parties p JOIN event_keys k USING (event_id)
ORDER BY k.eid, p.ags;
CREATE OR REPLACE TABLE authority_keys AS SELECT DISTINCT pid, ags FROM event_parties ORDER BY pid;
CREATE OR REPLACE TABLE event_pairs (eid INTEGER, x INTEGER, y INTEGER, year INTEGER, event_type VARCHAR,
                                     topic_mask BIGINT, land_mask INTEGER, level_mask TINYINT, n_all INTEGER);
-- Bit positions of the topics for event_facts.topic_mask (one BIGINT, so at most 63 topics).
CREATE OR REPLACE TABLE topic_bits AS
SELECT topic, (row_number() OVER (ORDER BY topic) - 1)::INTEGER AS bit FROM (SELECT DISTINCT topic FROM event_topics);
SELECT CASE WHEN count(*) > 63 THEN error('topic_mask holds 63 topics, found ' || count(*)) END FROM topic_bits;
-- land_mask has bit n set for Land n (AGS 01–16), topic_mask the bits of the topics: the
-- dashboard filters test them with one AND instead of comparing lists.
CREATE OR REPLACE TABLE event_facts AS
-- include: facts_rows
ORDER BY k.eid;
-- the events' filter columns onto their participations (see _match.sql), and their pairs
CREATE OR REPLACE TEMP TABLE party_base AS SELECT * EXCLUDE (year, event_type, topic_mask, land_mask, level_mask, shared)
FROM event_parties;
CREATE OR REPLACE TABLE event_parties AS
SELECT p.*, f.year, f.event_type, f.topic_mask, f.land_mask, f.level_mask,
       count(*) OVER (PARTITION BY p.eid) > 1 AS shared
FROM party_base p JOIN event_facts f USING (eid)
ORDER BY p.eid, p.ags;
DROP TABLE party_base;
-- include: pair_rows
-- Each pair's unfiltered count on its rows, strongest pairs first: the map's top pairs under a
-- filter are found among the pairs strong enough unfiltered, whose rows are then a short prefix
-- of the table (row groups skipped by their n_all range; see queries.top_pairs).
CREATE OR REPLACE TABLE event_pairs AS
SELECT * REPLACE (count(*) OVER (PARTITION BY x, y)::INTEGER AS n_all) FROM event_pairs
ORDER BY n_all DESC, x, y, eid;
DROP TABLE event_keys;
