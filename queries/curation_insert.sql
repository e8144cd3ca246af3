INSERT INTO corrections VALUES ($correction_id, $seq, $doc_id, $field, $target, $before_value, $after_value,
                                $editor, $at, $reason);
