-- All name variants for the matcher.
SELECT variant, ags, kind, level FROM region_names;
