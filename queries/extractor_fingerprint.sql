-- A fingerprint of the tables the extractor is built from: a worker may reuse an extractor
-- loaded from another copy of the database only when these tables are the same.
SELECT (SELECT count(*) || ':' || coalesce(bit_xor(hash(variant, ags, kind, level)), 0) FROM region_names)
    || '|' || (SELECT count(*) || ':' || coalesce(bit_xor(hash(ags, name, kreis_ags)), 0) FROM regions)
    || '|' || (SELECT count(*) || ':' || coalesce(bit_xor(hash(ars, name)), 0) FROM associations)
    || '|' || (SELECT count(*) || ':' || coalesce(bit_xor(hash(variant, name, country)), 0) FROM foreign_names)
    AS fingerprint;
