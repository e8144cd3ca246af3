-- The Ereignisse download as CSV, written by DuckDB to $path in chunks (the app never holds the
-- table): semicolons and quoted texts for German Excel, ISO dates, empty cells for unknowns.
-- The page's UTF-8 byte order mark is added by the response (koopatlas/web/downloads.py).
COPY (
-- include: export_rows
) TO $path (FORMAT csv, HEADER, DELIMITER ';', QUOTE '"', DATEFORMAT '%Y-%m-%d', NULLSTR '',
            FORCE_QUOTE ("Ereignis-ID", "Titel", "Art", "Art (Code)", "Beteiligte", "AGS der Beteiligten",
                         "Länder", "Themen", "Themen (Codes)", "Quelle"));
