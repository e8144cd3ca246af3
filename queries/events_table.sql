-- The events under the filters and the free-text search ($search, case-insensitive, in title
-- and text), newest first: the Ereignisse table ($limit rows) and its downloads.
WITH
-- include: filtered
-- include: events
