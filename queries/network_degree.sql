-- Per authority: number of distinct partners (degree) and of events with partners; the $limit best connected.
WITH
-- include: filtered
-- include: degree
