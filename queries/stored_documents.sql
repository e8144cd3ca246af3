-- Which of these documents ($doc_ids) are stored already: only those need delete_documents.sql
-- before they are written again (its DELETEs scan every event table, even for new documents).
SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(CAST($doc_ids AS VARCHAR[])));
