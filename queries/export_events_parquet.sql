-- One year of the Ereignisse download as a Parquet part, written by DuckDB to $path; the parts
-- are joined into one file row group by row group (koopatlas/web/downloads.py).
COPY (
-- include: export_rows
) TO $path (FORMAT parquet, COMPRESSION zstd);
