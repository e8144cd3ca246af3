SELECT DISTINCT correction_id FROM corrections;
