-- The unfiltered dashboard views, materialised after every write (the app's first page and
-- the heaviest aggregates then cost a table scan). Bound with empty filters and $limit.
CREATE OR REPLACE TABLE view_kreise_all AS
WITH
-- include: filtered
-- include: kreise
CREATE OR REPLACE TABLE view_degree_all AS
WITH
-- include: filtered
-- include: degree
CREATE OR REPLACE TABLE view_edges_all AS
WITH
-- include: filtered
-- include: edges
CREATE OR REPLACE TABLE view_events_all AS
WITH
-- include: filtered
-- include: events
CREATE OR REPLACE TABLE view_ranking_all AS
WITH
-- include: filtered
-- include: ranking
