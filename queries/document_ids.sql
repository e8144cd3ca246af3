-- Every stored document's id (ingest skips these texts unless --force).
SELECT doc_id FROM documents;
