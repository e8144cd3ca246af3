-- The Kreise ranked by events under the filters (the table beside the map; also its
-- keyboard and screen-reader alternative).
WITH
-- include: filtered
-- include: ranking
