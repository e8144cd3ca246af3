-- Empty the reference tables before they are loaded again (inside one transaction).
DELETE FROM regions;
DELETE FROM region_shapes;
DELETE FROM region_names;
DELETE FROM associations;
DELETE FROM association_members;
DELETE FROM aliases;
DELETE FROM foreign_names;
