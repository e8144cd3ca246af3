-- Is a document (by hash of its clean text) already stored?
SELECT doc_id FROM documents WHERE doc_id = $doc_id;
