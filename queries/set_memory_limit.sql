-- DuckDB's memory limit for this database (the app's: config.app_db_memory). A setting, not a
-- connection option, so other connections to the same file (tests, the upload extractor) open
-- with the same configuration.
SET memory_limit = $memory;
