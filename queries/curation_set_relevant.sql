UPDATE events SET relevant = $relevant WHERE doc_id = $doc_id;
