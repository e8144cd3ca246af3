-- Events per Kreis under the filters (a participating Gemeinde counts for its Kreis), with the
-- Kreis' top topics and top partners for the hover. Only Kreise with events; shapes come from map_shapes.
WITH
-- include: filtered
-- include: kreise
