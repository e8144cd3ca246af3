UPDATE events SET event_type = $event_type WHERE doc_id = $doc_id;
