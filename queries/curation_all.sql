-- Every recorded change, in the order it was saved (applied in this order).
SELECT doc_id, field, target, after_value FROM corrections ORDER BY saved_at, correction_id, seq;
