SELECT DISTINCT c.doc_id FROM corrections c SEMI JOIN events e ON e.doc_id = c.doc_id;
