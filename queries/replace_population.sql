DELETE FROM population;
INSERT INTO population SELECT ags, level, ewz, $stand FROM population_frame;
