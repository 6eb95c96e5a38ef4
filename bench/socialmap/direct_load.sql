-- The benchmark's fallback load, used only while `wijkkompas import hsds` is not in the build: the
-- generated package's CSV files (imported by sqlite3's .import into temporary text tables first,
-- see run.sh) copied into the social map's tables with plain INSERT ... SELECT, without any
-- validation, history or audit; the R*Tree of the points filled here, the full-text index by
-- direct_index.cc. Not how Wijkkompas loads data: a way to get the same rows into the same schema.
BEGIN;
INSERT INTO socialmap_party(id, name, description, email, website, created_at, updated_at)
  SELECT id, name, description, NULLIF(email, ''), NULLIF(website, ''), '2026-11-29T00:00:00Z', '2026-11-29T00:00:00Z'
  FROM csv_organizations;
INSERT INTO socialmap_service(id, organization_id, name, description, status, fees_description, minimum_age,
                              assured_date, created_at, updated_at)
  SELECT id, organization_id, name, description, status, NULLIF(fees_description, ''),
         CAST(NULLIF(minimum_age, '') AS REAL), NULLIF(assured_date, ''), '2026-11-29T00:00:00Z', '2026-11-29T00:00:00Z'
  FROM csv_services;
INSERT INTO socialmap_location(id, location_type, organization_id, name, latitude, longitude)
  SELECT id, location_type, organization_id, name, CAST(latitude AS REAL), CAST(longitude AS REAL) FROM csv_locations;
INSERT INTO socialmap_address(id, location_id, address_1, city, state_province, postal_code, country, address_type)
  SELECT id, location_id, address_1, city, state_province, postal_code, country, address_type FROM csv_addresses;
INSERT INTO socialmap_service_at_location(id, service_id, location_id)
  SELECT id, service_id, location_id FROM csv_service_at_location;
INSERT INTO socialmap_schedule(id, service_id, freq, interval, byday, opens_at, closes_at)
  SELECT id, service_id, freq, CAST(interval AS REAL), byday, opens_at, closes_at FROM csv_schedules;
INSERT INTO socialmap_attribute(id, link_id, taxonomy_term_id, link_type, link_entity)
  SELECT id, link_id, taxonomy_term_id, link_type, link_entity FROM csv_attributes;
INSERT INTO socialmap_location_rtree(rid, min_lon, max_lon, min_lat, max_lat)
  SELECT rid, longitude, longitude, latitude, latitude FROM socialmap_location WHERE latitude IS NOT NULL;
DROP TABLE csv_organizations; DROP TABLE csv_services; DROP TABLE csv_locations; DROP TABLE csv_addresses;
DROP TABLE csv_service_at_location; DROP TABLE csv_schedules; DROP TABLE csv_attributes;
COMMIT;
