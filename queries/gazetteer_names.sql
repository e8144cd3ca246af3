-- All name variants for the matcher (every column: a database built before the word frequencies has no zipf).
SELECT * FROM region_names;
