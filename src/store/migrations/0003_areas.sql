-- Areas (gemeente -> wijk -> buurt) with CBS codes, their boundaries, and CBS statistics per area
-- and year. The indicator metadata is not a table: it is the compiled-in catalogue
-- (src/areas/indicators.csv), so values refer to indicators by code.
CREATE TABLE areas_area (
  code        TEXT PRIMARY KEY,                 -- CBS code: GM0344, WK034403, BU03440301
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('gemeente', 'wijk', 'buurt')),
  parent_code TEXT REFERENCES areas_area(code), -- NULL for a gemeente
  search_key  TEXT NOT NULL                     -- name folded for search (lower case, no diacritics)
);
CREATE INDEX areas_area_parent ON areas_area(parent_code);
CREATE INDEX areas_area_search ON areas_area(search_key);

-- One boundary per area, WGS84 (lon, lat), as GeoJSON geometry text with ~6 decimals.
-- `geojson` (often tens of KB, spilling into overflow pages) is the LAST column on purpose:
-- SQLite reads a row's columns in order, so every read of an area's bounding box would otherwise
-- walk the GeoJSON's overflow pages (a third of an API request's work before this order).
CREATE TABLE areas_geometry (
  id          INTEGER PRIMARY KEY,              -- also the id in areas_bbox
  area_code   TEXT NOT NULL UNIQUE REFERENCES areas_area(code),
  min_lon     REAL NOT NULL,
  min_lat     REAL NOT NULL,
  max_lon     REAL NOT NULL,
  max_lat     REAL NOT NULL,
  year        INTEGER,                          -- of the boundary file, when known
  file        TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  geojson     TEXT NOT NULL                     -- keep last (see above)
);
-- Bounding boxes for point-in-area candidates. R*Tree stores 32-bit floats rounded outwards, so
-- it may return a few extra candidates, never too few.
CREATE VIRTUAL TABLE areas_bbox USING rtree(id, min_lon, max_lon, min_lat, max_lat);

-- One row: a number every import (CBS, boundaries, demo) raises inside its own write transaction,
-- so that whoever keeps answers derived from area data (the web layer's read cache) can tell
-- cheaply, from any process, that they are stale.
CREATE TABLE areas_generation (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO areas_generation(id, generation) VALUES (1, 0);

-- Where a set of values comes from (one row per import).
CREATE TABLE areas_source (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,                    -- 'Kerncijfers wijken en buurten 2024'
  publisher   TEXT NOT NULL,                    -- 'CBS'
  year        INTEGER NOT NULL,
  licence     TEXT NOT NULL,                    -- 'CC BY 4.0'
  imported_at TEXT NOT NULL,
  file        TEXT NOT NULL
);

-- A statistic of an area in a year. value NULL = missing: CBS's '.' (secret or not yet known),
-- never 0.
CREATE TABLE areas_value (
  area_code      TEXT NOT NULL REFERENCES areas_area(code),
  indicator_code TEXT NOT NULL,
  year           INTEGER NOT NULL,
  value          REAL,
  source_id      INTEGER NOT NULL REFERENCES areas_source(id),
  PRIMARY KEY (area_code, year, indicator_code)
) WITHOUT ROWID;
CREATE INDEX areas_value_indicator ON areas_value(indicator_code, year);
