-- The points where services are offered, for "near" searches (issue 4, ADR 13 "Service points").
--
-- One row per service_at_location whose location has a valid WGS84 point (both coordinates
-- numbers, latitude in [-90, 90], longitude in [-180, 180]: the points socialmap_location_rtree
-- holds), with the service's rid and a copy of the service's stemmed index row (the columns of
-- socialmap_search; NULL when the service has none, e.g. archived).
--
-- Why: a search near a point with words reads, per point in the circle, the service's index row.
-- Through socialmap_location_rtree that was four lookups per point (location, service_at_location
-- by location id, service by id, index row by rid) at random places in the file: about 5 µs a
-- point, 12 to 20 ms for the 2,500 points of a 10 km circle in a city (issue 4's benchmark,
-- docs/performance.md). This table is clustered on a grid cell (WITHOUT ROWID, primary key
-- cell first), so the points of a circle and their words lie together: one range per band of
-- latitude, a few hundred consecutive pages, 4 times faster.
--
-- cell = band * 36001 + column, band = floor((latitude + 90) / 0.01), column =
-- floor((longitude + 180) / 0.01): cells of 0.01 degree (about 1.1 km by 0.7 km here).
-- search_store.cc computes the same numbers for the bands of a box.
--
-- Derived data. The point and the service rid are kept by the triggers below, so every writer
-- (the use cases, the HSDS import, the spreadsheet import, erasure) keeps them right without
-- knowing this table, in its own transaction. The words are copied from the index
-- (socialmap_search_words) by the triggers when a point is made, and where the index rows are
-- written (search_store.cc: InsertIndexRow, DeleteIndexRow, DeleteAllIndexRows).
CREATE TABLE socialmap_service_point (
  cell           INTEGER NOT NULL,
  rid            INTEGER NOT NULL,  -- the service_at_location's
  service_rid    INTEGER NOT NULL,
  latitude       REAL NOT NULL,
  longitude      REAL NOT NULL,
  -- The service's index row: socialmap_search's five columns (name, alternate_name,
  -- target_groups, description, party_name) joined by a line feed, which no stem holds. One
  -- column instead of five halves the time SQLite takes to hand over a row.
  words          TEXT,
  tokens         INTEGER,           -- the index row's length in tokens, as FTS5's bm25 counts it
  PRIMARY KEY (cell, rid)
) WITHOUT ROWID;
CREATE INDEX socialmap_service_point_link ON socialmap_service_point(rid);
CREATE INDEX socialmap_service_point_service ON socialmap_service_point(service_rid);

-- The index rows as the points copy them: FTS5's content table of socialmap_search (id = rowid,
-- c0..c4 = the columns in declared order), the columns also joined by line feeds (words), and
-- each row's length in tokens. The stems are
-- separated by single spaces (SearchText), so a column with n spaces holds n + 1 tokens and an
-- empty one none: the count FTS5's bm25 uses (search_test.cc compares the scores).
CREATE VIEW socialmap_search_words (rid, name, alternate_name, target_groups, description, party_name, words,
  tokens) AS
SELECT id, c0, c1, c2, c3, c4, c0 || char(10) || c1 || char(10) || c2 || char(10) || c3 || char(10) || c4,
  (CASE WHEN c0 = '' THEN 0 ELSE length(c0) - length(replace(c0, ' ', '')) + 1 END) +
  (CASE WHEN c1 = '' THEN 0 ELSE length(c1) - length(replace(c1, ' ', '')) + 1 END) +
  (CASE WHEN c2 = '' THEN 0 ELSE length(c2) - length(replace(c2, ' ', '')) + 1 END) +
  (CASE WHEN c3 = '' THEN 0 ELSE length(c3) - length(replace(c3, ' ', '')) + 1 END) +
  (CASE WHEN c4 = '' THEN 0 ELSE length(c4) - length(replace(c4, ' ', '')) + 1 END)
FROM socialmap_search_content;

-- The rows socialmap_service_point should hold, from the tables they derive from, with the
-- link's location and service ids to select by: the one definition of a point (a valid WGS84
-- location, its cell, the service's rid and words) that the fill below and every trigger use.
CREATE VIEW socialmap_service_point_source AS
SELECT CAST((l.latitude + 90) / 0.01 AS INTEGER) * 36001 + CAST((l.longitude + 180) / 0.01 AS INTEGER) AS cell,
  sal.rid AS rid, s.rid AS service_rid, l.latitude AS latitude, l.longitude AS longitude, f.words AS words,
  f.tokens AS tokens, sal.location_id AS location_id, sal.service_id AS service_id
FROM socialmap_service_at_location sal
JOIN socialmap_location l ON l.id = sal.location_id
JOIN socialmap_service s ON s.id = sal.service_id
LEFT JOIN socialmap_search_words f ON f.rid = s.rid
WHERE typeof(l.latitude) IN ('real', 'integer') AND typeof(l.longitude) IN ('real', 'integer')
  AND l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180;

-- All points of the rows already there.
INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, words, tokens)
SELECT cell, rid, service_rid, latitude, longitude, words, tokens FROM socialmap_service_point_source;

-- A link between a service and a location: its point.
CREATE TRIGGER socialmap_service_point_link_insert AFTER INSERT ON socialmap_service_at_location BEGIN
  DELETE FROM socialmap_service_point WHERE rid = NEW.rid;
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, words, tokens)
  SELECT cell, rid, service_rid, latitude, longitude, words, tokens FROM socialmap_service_point_source WHERE rid = NEW.rid;
END;

CREATE TRIGGER socialmap_service_point_link_update
AFTER UPDATE OF rid, service_id, location_id ON socialmap_service_at_location BEGIN
  DELETE FROM socialmap_service_point WHERE rid IN (OLD.rid, NEW.rid);
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, words, tokens)
  SELECT cell, rid, service_rid, latitude, longitude, words, tokens FROM socialmap_service_point_source WHERE rid = NEW.rid;
END;

CREATE TRIGGER socialmap_service_point_link_delete AFTER DELETE ON socialmap_service_at_location BEGIN
  DELETE FROM socialmap_service_point WHERE rid = OLD.rid;
END;

-- A location: the points of its links (written before or after the location itself).
CREATE TRIGGER socialmap_service_point_location_insert AFTER INSERT ON socialmap_location BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.location_id = NEW.id);
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, words, tokens)
  SELECT cell, rid, service_rid, latitude, longitude, words, tokens FROM socialmap_service_point_source WHERE location_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_location_update
AFTER UPDATE OF id, latitude, longitude ON socialmap_location BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.location_id IN (OLD.id, NEW.id));
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, words, tokens)
  SELECT cell, rid, service_rid, latitude, longitude, words, tokens FROM socialmap_service_point_source WHERE location_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_location_delete AFTER DELETE ON socialmap_location BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.location_id = OLD.id);
END;

-- A service: the points of its links, with its rid.
CREATE TRIGGER socialmap_service_point_service_insert AFTER INSERT ON socialmap_service BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.service_id = NEW.id);
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, words, tokens)
  SELECT cell, rid, service_rid, latitude, longitude, words, tokens FROM socialmap_service_point_source WHERE service_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_service_update AFTER UPDATE OF rid, id ON socialmap_service BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.service_id IN (OLD.id, NEW.id));
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, words, tokens)
  SELECT cell, rid, service_rid, latitude, longitude, words, tokens FROM socialmap_service_point_source WHERE service_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_service_delete AFTER DELETE ON socialmap_service BEGIN
  DELETE FROM socialmap_service_point WHERE service_rid = OLD.rid;
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.service_id = OLD.id);
END;
