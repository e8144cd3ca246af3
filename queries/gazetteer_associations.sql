-- Ämter, Samtgemeinden, Verbandsgemeinden …: their names for linked 9-digit codes.
SELECT ars, name, bez, kreis_ags FROM associations;
