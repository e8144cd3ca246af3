-- Number of regions per level.
SELECT level, count(*) AS n FROM regions GROUP BY level ORDER BY level;
