SELECT clean_text FROM documents WHERE doc_id = $doc_id;
