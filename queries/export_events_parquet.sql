-- The Ereignisse download as Parquet, written by DuckDB to $path row group by row group.
COPY (
-- include: export_rows
) TO $path (FORMAT parquet, COMPRESSION zstd);
