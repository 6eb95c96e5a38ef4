-- Filter terms on the service points (issue 4, ADR 13 "Filter terms on the points").
--
-- A near search with a filter ("dagbesteding, Wlz, within 10 km of Zwolle") read every point in
-- the circle with its words (about 2,900 rows for 10 km in a city), matched the words, and then
-- asked SQL per matching service whether it has the term (EXISTS on socialmap_attribute). Here
-- each point also carries its service's filter terms as bits (vocabulary.csv: filter_bit, one per
-- term of the domain, law, access and target-group taxonomies), so the scan itself keeps only the
-- points whose service has an asked term: for Wlz in Zwolle 255 of 2,875 rows, and no lookups.
--
-- Where the bits come from: like the words, from the index. A service's index row is written
-- (search_store.cc InsertIndexRow) whenever the service, its party or its terms change, and the
-- bits are written beside it in socialmap_search_terms; the view socialmap_search_words hands
-- both to the points. The bits of rows indexed before this migration are computed here from
-- socialmap_attribute with the filter_bit numbers of vocabulary.csv as they are now (a term
-- keeps its bit for good, see vocabulary.h).
--
-- socialmap_service_point is made again with the new column before the words (a scan that
-- tests the bits then reads the start of a row only); its views and triggers are those of 0006
-- with the column added.
CREATE TABLE socialmap_search_terms (
  rid    INTEGER PRIMARY KEY,  -- the index row's (socialmap_search rowid = socialmap_service.rid)
  terms  INTEGER NOT NULL      -- bit filter_bit set for every vocabulary term the service has
);

WITH bits (id, bit) AS (VALUES
  ('953cef8f-40a4-568c-baaa-8b0ad1f399db', 0),
  ('7b4442d5-faa0-520f-9f69-4d0877d0ee5a', 1),
  ('bef14d3c-5c72-5b76-93db-7df48be86847', 2),
  ('3e433099-1a46-5faf-a769-da02519cbd8e', 3),
  ('28edaa75-b9e8-5f48-9294-3d947bfe5281', 4),
  ('a9feb81d-3b04-5db8-aeba-3ffd8a234813', 5),
  ('27294672-d8ff-500f-9e1a-02993984e154', 6),
  ('2e850dce-eefc-5ae7-8ef7-85f4c35c1e88', 7),
  ('6ed8643a-08a5-52f5-9def-9aeab7f16cc7', 8),
  ('26cb55e7-3503-5afb-bb0a-3943576ded08', 9),
  ('7f32884a-718b-5a9c-9934-55b7f25793ff', 10),
  ('4b8216ed-7695-503a-9fa6-e91a677cf93b', 11),
  ('9c470f3e-2f6f-5f05-ab50-59146c33a0a7', 12),
  ('988b25c5-71bf-5fe6-ba27-b7fdca24a1bc', 13),
  ('2fbd596d-26ee-5733-8794-2ac295515cf0', 14),
  ('30200a76-b9f8-553f-9033-0ab6fdf901e2', 15),
  ('87ac6e8e-e9c8-5ded-91f8-eb8db5d7fc5f', 16),
  ('fd90a754-70e8-590d-941b-243b87630f1b', 17),
  ('cccb6059-e1ac-5ac8-bcf6-1d9b3f3b7aac', 18),
  ('c31f1043-ee09-592f-a26a-fbfe15cf16de', 19),
  ('ff32ee24-e273-5aa2-af47-497c692d92ca', 20),
  ('e8d68371-7608-554e-8c5f-2ceac11e41c2', 21),
  ('aa99a269-99bc-54f1-926d-1e2fff7677ee', 22),
  ('79b11966-004b-5b34-acae-ea32fe34cef6', 23),
  ('c2397582-a68c-5a38-b096-bf4adb5753d0', 24),
  ('1929005c-9f8c-597b-b280-f51e801c3ef2', 25),
  ('8c7cd459-81a3-590e-97aa-504cb5c97731', 26),
  ('9ba32263-a769-5c83-a7bf-30546492d0a2', 27),
  ('c6af4f1f-24e0-5d13-adaa-a9674e2c8ec1', 28),
  ('3dee3ba8-4c7e-50a3-9354-ab6549d4de45', 29),
  ('9ce213ad-6613-5b7d-9064-2cab68fde94d', 30),
  ('51450003-c1af-5c6e-9b15-49b9d88a163a', 31),
  ('7c4b1173-5d50-5d15-99e9-bfdbd47a45b7', 32),
  ('0482fe81-e931-5bb2-a421-41ccaf6718a9', 33),
  ('d88be20d-553a-5ea5-af0f-ab702f4d2ece', 34),
  ('32480427-f413-5a9c-a85f-ba268042258e', 35),
  ('c0588c7a-1f26-5811-b7bc-9dff42e14cf5', 36),
  ('0c2fdc49-64d8-5a58-98e7-bcad18050b15', 37),
  ('4a6d6d23-2a01-5cf0-8952-7c9e7aab86a9', 38),
  ('fcd90d78-bb26-54b5-b37d-1a8b67dff1c2', 39),
  ('9b3c097d-09ce-5b82-ad76-476ea7723f6b', 40))
INSERT INTO socialmap_search_terms (rid, terms)
SELECT c.id, COALESCE((SELECT sum(1 << b.bit) FROM bits b WHERE b.id IN
  (SELECT a.taxonomy_term_id FROM socialmap_attribute a WHERE a.link_id = s.id)), 0)
FROM socialmap_search_content c JOIN socialmap_service s ON s.rid = c.id;

DROP TRIGGER IF EXISTS socialmap_service_point_link_insert;
DROP TRIGGER IF EXISTS socialmap_service_point_link_update;
DROP TRIGGER IF EXISTS socialmap_service_point_link_delete;
DROP TRIGGER IF EXISTS socialmap_service_point_location_insert;
DROP TRIGGER IF EXISTS socialmap_service_point_location_update;
DROP TRIGGER IF EXISTS socialmap_service_point_location_delete;
DROP TRIGGER IF EXISTS socialmap_service_point_service_insert;
DROP TRIGGER IF EXISTS socialmap_service_point_service_update;
DROP TRIGGER IF EXISTS socialmap_service_point_service_delete;
DROP VIEW IF EXISTS socialmap_service_point_source;
DROP VIEW IF EXISTS socialmap_search_words;
DROP TABLE socialmap_service_point;

-- As in 0006, with `terms` (NULL, like the words, when the service has no index row).
CREATE TABLE socialmap_service_point (
  cell           INTEGER NOT NULL,
  rid            INTEGER NOT NULL,  -- the service_at_location's
  service_rid    INTEGER NOT NULL,
  latitude       REAL NOT NULL,
  longitude      REAL NOT NULL,
  terms          INTEGER,           -- the service's filter terms (socialmap_search_terms)
  tokens         INTEGER,           -- the index row's length in tokens, as FTS5's bm25 counts it
  -- The service's index row: socialmap_search's five columns (name, alternate_name,
  -- target_groups, description, party_name) joined by a line feed, which no stem holds.
  words          TEXT,
  PRIMARY KEY (cell, rid)
) WITHOUT ROWID;
CREATE INDEX socialmap_service_point_link ON socialmap_service_point(rid);
CREATE INDEX socialmap_service_point_service ON socialmap_service_point(service_rid);

-- As in 0006, with the filter terms.
CREATE VIEW socialmap_search_words (rid, name, alternate_name, target_groups, description, party_name, words,
  tokens, terms) AS
SELECT c.id, c0, c1, c2, c3, c4, c0 || char(10) || c1 || char(10) || c2 || char(10) || c3 || char(10) || c4,
  (CASE WHEN c0 = '' THEN 0 ELSE length(c0) - length(replace(c0, ' ', '')) + 1 END) +
  (CASE WHEN c1 = '' THEN 0 ELSE length(c1) - length(replace(c1, ' ', '')) + 1 END) +
  (CASE WHEN c2 = '' THEN 0 ELSE length(c2) - length(replace(c2, ' ', '')) + 1 END) +
  (CASE WHEN c3 = '' THEN 0 ELSE length(c3) - length(replace(c3, ' ', '')) + 1 END) +
  (CASE WHEN c4 = '' THEN 0 ELSE length(c4) - length(replace(c4, ' ', '')) + 1 END),
  COALESCE(t.terms, 0)
FROM socialmap_search_content c LEFT JOIN socialmap_search_terms t ON t.rid = c.id;

-- As in 0006 (the one definition of a point), with the filter terms.
CREATE VIEW socialmap_service_point_source AS
SELECT CAST((l.latitude + 90) / 0.01 AS INTEGER) * 36001 + CAST((l.longitude + 180) / 0.01 AS INTEGER) AS cell,
  sal.rid AS rid, s.rid AS service_rid, l.latitude AS latitude, l.longitude AS longitude, f.terms AS terms,
  f.tokens AS tokens, f.words AS words, sal.location_id AS location_id, sal.service_id AS service_id
FROM socialmap_service_at_location sal
JOIN socialmap_location l ON l.id = sal.location_id
JOIN socialmap_service s ON s.id = sal.service_id
LEFT JOIN socialmap_search_words f ON f.rid = s.rid
WHERE typeof(l.latitude) IN ('real', 'integer') AND typeof(l.longitude) IN ('real', 'integer')
  AND l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180;

INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, terms, tokens, words)
SELECT cell, rid, service_rid, latitude, longitude, terms, tokens, words FROM socialmap_service_point_source ORDER BY cell, rid;

-- The triggers of 0006, with the filter terms.
CREATE TRIGGER socialmap_service_point_link_insert AFTER INSERT ON socialmap_service_at_location BEGIN
  DELETE FROM socialmap_service_point WHERE rid = NEW.rid;
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, terms, tokens, words)
  SELECT cell, rid, service_rid, latitude, longitude, terms, tokens, words FROM socialmap_service_point_source WHERE rid = NEW.rid;
END;

CREATE TRIGGER socialmap_service_point_link_update
AFTER UPDATE OF rid, service_id, location_id ON socialmap_service_at_location BEGIN
  DELETE FROM socialmap_service_point WHERE rid IN (OLD.rid, NEW.rid);
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, terms, tokens, words)
  SELECT cell, rid, service_rid, latitude, longitude, terms, tokens, words FROM socialmap_service_point_source WHERE rid = NEW.rid;
END;

CREATE TRIGGER socialmap_service_point_link_delete AFTER DELETE ON socialmap_service_at_location BEGIN
  DELETE FROM socialmap_service_point WHERE rid = OLD.rid;
END;

CREATE TRIGGER socialmap_service_point_location_insert AFTER INSERT ON socialmap_location BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.location_id = NEW.id);
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, terms, tokens, words)
  SELECT cell, rid, service_rid, latitude, longitude, terms, tokens, words FROM socialmap_service_point_source WHERE location_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_location_update
AFTER UPDATE OF id, latitude, longitude ON socialmap_location BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.location_id IN (OLD.id, NEW.id));
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, terms, tokens, words)
  SELECT cell, rid, service_rid, latitude, longitude, terms, tokens, words FROM socialmap_service_point_source WHERE location_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_location_delete AFTER DELETE ON socialmap_location BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.location_id = OLD.id);
END;

CREATE TRIGGER socialmap_service_point_service_insert AFTER INSERT ON socialmap_service BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.service_id = NEW.id);
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, terms, tokens, words)
  SELECT cell, rid, service_rid, latitude, longitude, terms, tokens, words FROM socialmap_service_point_source WHERE service_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_service_update AFTER UPDATE OF rid, id ON socialmap_service BEGIN
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.service_id IN (OLD.id, NEW.id));
  INSERT INTO socialmap_service_point (cell, rid, service_rid, latitude, longitude, terms, tokens, words)
  SELECT cell, rid, service_rid, latitude, longitude, terms, tokens, words FROM socialmap_service_point_source WHERE service_id = NEW.id;
END;

CREATE TRIGGER socialmap_service_point_service_delete AFTER DELETE ON socialmap_service BEGIN
  DELETE FROM socialmap_service_point WHERE service_rid = OLD.rid;
  DELETE FROM socialmap_service_point
  WHERE rid IN (SELECT sal.rid FROM socialmap_service_at_location sal WHERE sal.service_id = OLD.id);
END;
