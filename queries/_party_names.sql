-- Shared fragment (after a CTE `shown` of events with eid): per event its participants' names
-- with their kind („Görlitz (Landkreis)“) and their AGS (';'-separated), both in a fixed order.
names AS (
    SELECT p.eid, string_agg(r.name || ' (' || r.bez || ')', '; ' ORDER BY r.name, r.bez) AS participants,
           string_agg(p.ags, ';' ORDER BY p.ags) AS participant_ags
    FROM event_parties p SEMI JOIN shown s ON s.eid = p.eid
    JOIN regions r ON r.ags = p.ags
    GROUP BY p.eid
),
