-- One year of the Ereignisse download as CSV, written by DuckDB to $path (the header only with
-- the first year, $header): semicolons and quoted texts for German Excel, ISO dates, empty cells
-- for unknowns. The UTF-8 byte order mark is added by the response (koopatlas/web/downloads.py).
COPY (
-- include: export_rows
) TO $path (FORMAT csv, HEADER $header, DELIMITER ';', QUOTE '"', DATEFORMAT '%Y-%m-%d', NULLSTR '',
            FORCE_QUOTE ("Ereignis-ID", "Titel", "Art", "Art (Code)", "Beteiligte", "AGS der Beteiligten",
                         "Länder", "Themen", "Themen (Codes)", "Quelle"));
