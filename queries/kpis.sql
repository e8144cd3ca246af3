-- Key figures under the filters: events, authorities, Länder, share of events across a Land border.
-- Counted on the integer keys and the Land bit masks (no strings, no unnesting).
WITH
-- include: filtered
SELECT
    (SELECT count(*) FROM filtered_events) AS events,
    (SELECT count(DISTINCT pid) FROM parties) AS authorities,
    (SELECT bit_count(coalesce(bit_or(land_mask), 0))::BIGINT FROM filtered_events) AS laender,
    (SELECT avg(CASE WHEN bit_count(land_mask) > 1 THEN 1.0 ELSE 0.0 END) FROM filtered_events) AS cross_border_share;
