-- How many pairs of participants have n events together, per n (unfiltered, strongest first):
-- queries.top_pairs picks from it the n_all bounds worth trying for the map's top pairs.
-- After a partial refresh some counts are too high (rows / n is then an estimate): the bound stays valid.
SELECT n_all, (count(*) // n_all)::BIGINT AS pairs
FROM event_pairs
WHERE n_all > 0
GROUP BY n_all
ORDER BY n_all DESC;
