-- The dashboard filters as one condition on a row `f` carrying an event's filter columns
-- (year, event_type, topic_mask, land_mask, level_mask): event_facts, event_parties and
-- event_pairs all carry them, so each is filtered by its own scan, without a join. Needs the
-- CTE `wanted w` of _filtered.sql.
(CASE WHEN f.year IS NULL THEN coalesce($undated, true)
      ELSE ($year_from IS NULL AND $year_to IS NULL)
           OR f.year BETWEEN coalesce($year_from, 0) AND coalesce($year_to, 9999) END)
AND (len(CAST($event_types AS VARCHAR[])) = 0 OR list_contains(CAST($event_types AS VARCHAR[]), f.event_type))
AND (len(CAST($topics AS VARCHAR[])) = 0 OR f.topic_mask & w.topic_mask <> 0)
-- all 16 Länder selected („eines davon“) is no Land restriction: the unfiltered case
AND (len(CAST($laender AS VARCHAR[])) = 0 OR (w.land_mask = 131070 AND NOT coalesce($land_all, false))
     OR CASE WHEN coalesce($land_all, false) THEN f.land_mask & w.land_mask = w.land_mask
             ELSE f.land_mask & w.land_mask <> 0 END)
-- bits 11–16 (Berlin, Brandenburg, Mecklenburg-Vorpommern, Sachsen, Sachsen-Anhalt, Thüringen) = 129024,
-- bits 1–10 = 2046
AND CASE $ost_west WHEN 'ost' THEN f.land_mask & 2046 = 0 AND f.land_mask & 129024 <> 0
                   WHEN 'west' THEN f.land_mask & 129024 = 0 AND f.land_mask & 2046 <> 0
                   WHEN 'ostwest' THEN f.land_mask & 129024 <> 0 AND f.land_mask & 2046 <> 0
                   ELSE true END
AND CASE $ebene WHEN 'kreis' THEN f.level_mask = 1 WHEN 'gemeinde' THEN f.level_mask = 2
                WHEN 'gemischt' THEN f.level_mask = 3 ELSE true END
