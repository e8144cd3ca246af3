-- Kooperationsatlas schema. Reference tables (regions ...) are refreshed by
-- `python -m koopatlas geo`; the document tables are only ever added to.

CREATE TABLE IF NOT EXISTS regions (
    ags        VARCHAR PRIMARY KEY,  -- 2 (Land), 5 (Kreis), 8 (Gemeinde) or 9 digits (Verband: ARS prefix)
    name       VARCHAR NOT NULL,     -- official name (GEN)
    bez        VARCHAR NOT NULL,     -- Land, Landkreis, Kreis, Kreisfreie Stadt, Stadt, Gemeinde ...
    level      VARCHAR NOT NULL,     -- land / kreis / gemeinde / verband
    land_ags   VARCHAR NOT NULL,
    kreis_ags  VARCHAR,
    lon        DOUBLE,               -- representative point, inside the area
    lat        DOUBLE,
    area_km2   DOUBLE,
    nuts       VARCHAR,
    kreisfrei  BOOLEAN
);

CREATE TABLE IF NOT EXISTS region_shapes (
    ags     VARCHAR NOT NULL,
    level   VARCHAR NOT NULL,
    geojson VARCHAR NOT NULL,        -- simplified display geometry, EPSG:4326
    PRIMARY KEY (ags, level)
);

CREATE TABLE IF NOT EXISTS region_names (
    variant VARCHAR NOT NULL,        -- a form in which texts name the region
    ags     VARCHAR NOT NULL,        -- AGS, or the 9-digit ARS of an association
    kind    VARCHAR NOT NULL,        -- official, short, prefixed, genitive, stem, association, alias
    level   VARCHAR NOT NULL,        -- land / kreis / gemeinde / verband
    zipf    DOUBLE                   -- how frequent a one-word variant is as a German word (wordfreq, Zipf)
);
-- databases built before the word frequencies: empty until the next `geo` (the linker then asks wordfreq)
ALTER TABLE region_names ADD COLUMN IF NOT EXISTS zipf DOUBLE;

CREATE TABLE IF NOT EXISTS associations (
    ars       VARCHAR PRIMARY KEY,   -- Amt, Samtgemeinde, Verbandsgemeinde ... (VG5000 VWG)
    name      VARCHAR NOT NULL,
    bez       VARCHAR NOT NULL,
    kreis_ags VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS association_members (
    ars VARCHAR NOT NULL,
    ags VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS foreign_names (
    variant    VARCHAR NOT NULL,     -- a name of a place abroad, also exonyms (Breslau, Stettin)
    name       VARCHAR NOT NULL,     -- GeoNames' name (Wrocław, Szczecin)
    country    VARCHAR NOT NULL,     -- ISO 3166-1 alpha-2
    population INTEGER,
    kind       VARCHAR NOT NULL,     -- name / exonym (data/exonyms.csv) / alternate (GeoNames)
    lon        DOUBLE,               -- GeoNames' coordinates: a German name shared by several places
    lat        DOUBLE                -- is read as the one near the places abroad the text names
);
-- databases built before the coordinates: the columns stay empty until the next `geo`
ALTER TABLE foreign_names ADD COLUMN IF NOT EXISTS lon DOUBLE;
ALTER TABLE foreign_names ADD COLUMN IF NOT EXISTS lat DOUBLE;

CREATE TABLE IF NOT EXISTS aliases (
    name VARCHAR NOT NULL,           -- former Kreis or city district
    kind VARCHAR NOT NULL,           -- former_kreis / bezirk
    ags  VARCHAR NOT NULL,           -- today's AGS
    year INTEGER,
    note VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id     VARCHAR PRIMARY KEY,  -- hash of the clean text
    name       VARCHAR NOT NULL,     -- file stem or URL
    source     VARCHAR NOT NULL,     -- path or URL
    title      VARCHAR,
    published  DATE,
    raw_text   VARCHAR NOT NULL,
    clean_text VARCHAR NOT NULL,
    contact    VARCHAR,              -- press-contact footer, kept apart from the body
    captions   VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS events (
    event_id   VARCHAR PRIMARY KEY,
    doc_id     VARCHAR NOT NULL,
    relevant   BOOLEAN NOT NULL,
    year       INTEGER,
    event_date DATE,
    event_type VARCHAR,
    title      VARCHAR,
    summary    VARCHAR
);

CREATE TABLE IF NOT EXISTS event_participants (
    event_id   VARCHAR NOT NULL,
    ags        VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,     -- participant / location / mentioned
    mention    VARCHAR,
    start_char INTEGER,              -- offsets into documents.clean_text
    end_char   INTEGER,
    confidence DOUBLE
);

CREATE TABLE IF NOT EXISTS event_foreign_partners (
    event_id VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    country  VARCHAR
);

CREATE TABLE IF NOT EXISTS event_topics (
    event_id VARCHAR NOT NULL,
    topic    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS funding (
    event_id   VARCHAR NOT NULL,
    programme  VARCHAR,
    funder     VARCHAR,
    amount_eur DOUBLE
);

CREATE TABLE IF NOT EXISTS people (
    event_id VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    office   VARCHAR,
    ags      VARCHAR
);

-- Denormalised views of the relevant events for the dashboard filters, rebuilt after
-- every write (queries/refresh_facts.sql): one scan filters by year, type, topics, Länder.
CREATE TABLE IF NOT EXISTS event_facts (
    eid        INTEGER,    -- dense integer key of the event (refresh_facts.sql)
    event_id   VARCHAR PRIMARY KEY,
    doc_id     VARCHAR NOT NULL,
    year       INTEGER,
    event_date DATE,
    event_type VARCHAR,
    title      VARCHAR,
    doc_title  VARCHAR,    -- documents.title, the events table sorts by it
    source     VARCHAR,    -- documents.source, .name, .published: the tables of events show them
    doc_name   VARCHAR,    -- without reading (and joining) a million documents for a page of rows
    published  DATE,
    topics     VARCHAR[],
    laender    VARCHAR[],
    kreise     INTEGER[],  -- Kreis AGS of the participants as numbers (a Gemeinde counts for its
                           -- Kreis); integers make the Kreis × Kreis counts of the map fast
    land_mask  INTEGER,    -- bit n set when Land n takes part
    topic_mask BIGINT,     -- the bits of the topics (topic_bits)
    level_mask TINYINT,    -- 1: Kreise / kreisfreie Städte take part, 2: Gemeinden / Verbände, 3: both
    kreis_links  INTEGER[], -- each pair of kreise once as a × 100000 + b (a < b)
    kreis_topics INTEGER[]  -- each Kreis and topic bit as k × 64 + bit
);

CREATE TABLE IF NOT EXISTS topic_bits (
    topic VARCHAR,
    bit   INTEGER
);

CREATE TABLE IF NOT EXISTS event_parties (
    eid       INTEGER,      -- event_facts.eid
    pid       INTEGER,      -- dense integer key of the authority, ordered like ags
    event_id  VARCHAR NOT NULL,
    ags       VARCHAR NOT NULL,
    kreis_ags VARCHAR NOT NULL,
    land_ags  VARCHAR NOT NULL,
    -- the event's filter columns (as in event_facts), so the participations filter without a join
    year       INTEGER,
    event_type VARCHAR,
    topic_mask BIGINT,
    land_mask  INTEGER,
    level_mask TINYINT,
    shared     BOOLEAN       -- the event has at least two participants
);

CREATE TABLE IF NOT EXISTS authority_keys (
    pid INTEGER,            -- event_parties.pid
    ags VARCHAR
);

-- Each pair of participants of an event once (x < y as pids), with the event's filter columns.
CREATE TABLE IF NOT EXISTS event_pairs (
    eid        INTEGER,
    x          INTEGER,
    y          INTEGER,
    year       INTEGER,
    event_type VARCHAR,
    topic_mask BIGINT,
    land_mask  INTEGER,
    level_mask TINYINT,
    n_all      INTEGER      -- the pair's events without filters: its most under any filter
);
-- (view_kreise_all, view_degree_all, view_edges_all, view_events_all, view_ranking_all: refresh_views.sql)

-- Editors' corrections (koopatlas/curation.py), one row per changed field. They are applied over
-- the extraction after every write, so re-extracting never loses them; never deleted.
CREATE TABLE IF NOT EXISTS corrections (
    correction_id VARCHAR NOT NULL,   -- one save of one editor
    seq           INTEGER NOT NULL,   -- order of the change within the save
    doc_id        VARCHAR NOT NULL,
    field         VARCHAR NOT NULL,   -- relevant / year / event_type / topics / role
    target        VARCHAR NOT NULL,   -- the AGS of a role change, '' otherwise
    before_value  VARCHAR,            -- JSON
    after_value   VARCHAR,            -- JSON (a role of null: removed from the event)
    editor        VARCHAR NOT NULL,
    saved_at      TIMESTAMP NOT NULL,
    reason        VARCHAR,
    PRIMARY KEY (correction_id, seq)
);

-- Inhabitants (EWZ) from BKG VG250-EW, optional (`python -m koopatlas population`).
CREATE TABLE IF NOT EXISTS population (
    ags   VARCHAR NOT NULL,
    level VARCHAR NOT NULL,      -- kreis / gemeinde
    ewz   BIGINT NOT NULL,
    stand VARCHAR                -- the product the figures come from
);
