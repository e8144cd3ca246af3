-- Pairs of authorities that took part in the same events, with coordinates and Länder;
-- the $limit strongest pairs (the map and the network drawing cannot show more).
WITH
-- include: filtered
-- include: edges
