-- The social map (sociale kaart, issue 4, ADR 13): parties and their services, modelled on Open
-- Referral HSDS 3.0 so that a package round-trips. Conventions of every table here:
--   rid    INTEGER PRIMARY KEY: stable row number (FTS5 and R*Tree key on it; VACUUM keeps it)
--   id     the HSDS identifier (a UUID), unique, what every reference and export uses
--   HSDS columns keep their HSDS names; an empty CSV field is NULL (HSDS CSV cannot tell "" from
--   absent); numbers are REAL and exported in their shortest form ("35", "4.1").
--   extra  a JSON object of the columns of this HSDS table that the package had but this schema
--          does not (custom columns); export writes them back. '{}' when none.
-- Our own columns (not in HSDS) come after the HSDS ones and are exported as HSDS `attributes`
-- of the project taxonomies (see ADR 13), so nothing is lost.

-- A party (HSDS organization): organisation, initiative, informal group or key figure.
CREATE TABLE socialmap_party (
  rid                    INTEGER PRIMARY KEY,
  id                     TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  alternate_name         TEXT,
  description            TEXT NOT NULL DEFAULT '',
  email                  TEXT,
  website                TEXT,
  tax_status             TEXT,
  tax_id                 TEXT,
  year_incorporated      REAL,
  legal_status           TEXT,
  logo                   TEXT,
  uri                    TEXT,
  parent_organization_id TEXT,
  extra                  TEXT NOT NULL DEFAULT '{}',
  -- own columns
  kind            TEXT NOT NULL DEFAULT 'organisatie'
                  CHECK (kind IN ('organisatie', 'initiatief', 'informele-groep', 'sleutelfiguur')),
  formal          INTEGER NOT NULL DEFAULT 1 CHECK (formal IN (0, 1)),
  source          TEXT NOT NULL DEFAULT '',   -- where the information comes from
  assured_date    TEXT,                       -- last verified (YYYY-MM-DD), NULL = never
  assurer_email   TEXT,                       -- who verified it (HSDS name), email or user name
  -- Key figures only: consent to be on the social map (date, purpose) and to be published
  -- (exports, /hsds/). Without consent_publish = 1 a key figure never leaves Wijkkompas.
  consent_date    TEXT,
  consent_purpose TEXT,
  consent_publish INTEGER NOT NULL DEFAULT 0 CHECK (consent_publish IN (0, 1)),
  archived_at     TEXT,                       -- NULL = active; archived parties are not searched or exported
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX socialmap_party_name ON socialmap_party(name COLLATE NOCASE);
CREATE INDEX socialmap_party_assured ON socialmap_party(assured_date);

-- A service (HSDS service) a party offers.
CREATE TABLE socialmap_service (
  rid                     INTEGER PRIMARY KEY,
  id                      TEXT NOT NULL UNIQUE,
  organization_id         TEXT NOT NULL,       -- socialmap_party.id
  program_id              TEXT,
  name                    TEXT NOT NULL,
  alternate_name          TEXT,
  description             TEXT NOT NULL DEFAULT '',
  url                     TEXT,
  email                   TEXT,
  status                  TEXT NOT NULL DEFAULT 'active',  -- HSDS: active, inactive, defunct, temporarily closed
  interpretation_services TEXT,
  application_process     TEXT,                -- how to apply
  fees_description        TEXT,                -- cost
  wait_time               TEXT,
  fees                    TEXT,
  accreditations          TEXT,
  eligibility_description TEXT,
  minimum_age             REAL,
  maximum_age             REAL,
  assured_date            TEXT,                -- last verified (YYYY-MM-DD)
  assurer_email           TEXT,
  licenses                TEXT,
  alert                   TEXT,
  last_modified           TEXT,
  extra                   TEXT NOT NULL DEFAULT '{}',
  -- own columns
  source      TEXT NOT NULL DEFAULT '',
  archived_at TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX socialmap_service_party ON socialmap_service(organization_id);
CREATE INDEX socialmap_service_assured ON socialmap_service(assured_date);

-- A place (HSDS location), with the buurt it lies in (areas::Locate, NULL when outside every
-- loaded buurt or without coordinates).
CREATE TABLE socialmap_location (
  rid                      INTEGER PRIMARY KEY,  -- also the key in socialmap_location_rtree
  id                       TEXT NOT NULL UNIQUE,
  location_type            TEXT NOT NULL DEFAULT 'physical',
  url                      TEXT,
  organization_id          TEXT,
  name                     TEXT,
  alternate_name           TEXT,
  description              TEXT,
  transportation           TEXT,                 -- how to get there (the wegwijzer prints it)
  latitude                 REAL,                 -- WGS84
  longitude                REAL,
  external_identifier      TEXT,
  external_identifier_type TEXT,
  extra                    TEXT NOT NULL DEFAULT '{}',
  area_code                TEXT                  -- own: buurt code from the point
);
CREATE INDEX socialmap_location_party ON socialmap_location(organization_id);
CREATE INDEX socialmap_location_area ON socialmap_location(area_code);
-- Points of locations with valid WGS84 coordinates, for "near" searches.
CREATE VIRTUAL TABLE socialmap_location_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE socialmap_address (
  rid            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  location_id    TEXT NOT NULL,
  attention      TEXT,
  address_1      TEXT NOT NULL,        -- street and number: "Burgemeester Reigerstraat 12"
  address_2      TEXT,
  city           TEXT NOT NULL,
  region         TEXT,
  state_province TEXT NOT NULL,        -- HSDS requires it; for NL the province
  postal_code    TEXT NOT NULL,        -- "3581 KP"
  country        TEXT NOT NULL,        -- ISO 3166-1 alpha-2: "NL"
  address_type   TEXT NOT NULL DEFAULT 'physical',
  extra          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_address_location ON socialmap_address(location_id);

CREATE TABLE socialmap_service_at_location (
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  service_id  TEXT NOT NULL,
  location_id TEXT NOT NULL,
  description TEXT,
  extra       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_sal_service ON socialmap_service_at_location(service_id);
CREATE INDEX socialmap_sal_location ON socialmap_service_at_location(location_id);

-- Opening hours and recurring sessions, RFC 5545 RRULE split into columns as HSDS does.
CREATE TABLE socialmap_schedule (
  rid                    INTEGER PRIMARY KEY,
  id                     TEXT NOT NULL UNIQUE,
  service_id             TEXT,
  location_id            TEXT,
  service_at_location_id TEXT,
  valid_from             TEXT,
  valid_to               TEXT,
  dtstart                TEXT,
  timezone               REAL,
  until                  TEXT,
  count                  REAL,
  wkst                   TEXT,
  freq                   TEXT,                 -- WEEKLY, DAILY, MONTHLY, ...
  interval               REAL,
  byday                  TEXT,                 -- "MO,TU", "1MO", "-1FR"
  byweekno               TEXT,
  bymonthday             TEXT,
  byyearday              TEXT,
  description            TEXT,
  opens_at               TEXT,                 -- "09:00" or "09:00:00"
  closes_at              TEXT,
  schedule_link          TEXT,
  attending_type         TEXT,
  notes                  TEXT,
  extra                  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_schedule_service ON socialmap_schedule(service_id);
CREATE INDEX socialmap_schedule_sal ON socialmap_schedule(service_at_location_id);

-- The areas a service serves. Our areas: extent_type = 'wijkkompas-gebied', extent = CBS code.
CREATE TABLE socialmap_service_area (
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  service_id  TEXT,
  name        TEXT,
  description TEXT,
  extent      TEXT,
  extent_type TEXT,
  uri         TEXT,
  extra       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_service_area_service ON socialmap_service_area(service_id);
CREATE INDEX socialmap_service_area_extent ON socialmap_service_area(extent_type, extent);

-- Contacts are roles ("Coördinator vrijwilligers"), never a resident's private details.
CREATE TABLE socialmap_contact (
  rid                    INTEGER PRIMARY KEY,
  id                     TEXT NOT NULL UNIQUE,
  organization_id        TEXT,
  service_id             TEXT,
  service_at_location_id TEXT,
  location_id            TEXT,
  name                   TEXT,
  title                  TEXT,
  department             TEXT,
  email                  TEXT,
  extra                  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_contact_party ON socialmap_contact(organization_id);
CREATE INDEX socialmap_contact_service ON socialmap_contact(service_id);

CREATE TABLE socialmap_phone (
  rid                    INTEGER PRIMARY KEY,
  id                     TEXT NOT NULL UNIQUE,
  location_id            TEXT,
  service_id             TEXT,
  organization_id        TEXT,
  contact_id             TEXT,
  service_at_location_id TEXT,
  number                 TEXT NOT NULL,
  extension              REAL,
  type                   TEXT,
  description            TEXT,
  extra                  TEXT NOT NULL DEFAULT '{}',
  number_key             TEXT NOT NULL DEFAULT ''  -- own: digits only, +31 -> 0 (duplicate check)
);
CREATE INDEX socialmap_phone_party ON socialmap_phone(organization_id);
CREATE INDEX socialmap_phone_service ON socialmap_phone(service_id);
CREATE INDEX socialmap_phone_key ON socialmap_phone(number_key);

CREATE TABLE socialmap_language (
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  service_id  TEXT,
  location_id TEXT,
  phone_id    TEXT,
  name        TEXT,                 -- "Nederlands", "Arabisch"
  code        TEXT,                 -- ISO 639: "nl", "ar"
  note        TEXT,
  extra       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_language_service ON socialmap_language(service_id);

CREATE TABLE socialmap_taxonomy (
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  uri         TEXT,
  version     TEXT,
  extra       TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE socialmap_taxonomy_term (
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  code        TEXT,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  parent_id   TEXT,
  taxonomy    TEXT,
  language    TEXT,
  taxonomy_id TEXT,
  term_uri    TEXT,
  extra       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_term_taxonomy ON socialmap_taxonomy_term(taxonomy_id, code);

-- Links of parties and services to taxonomy terms (HSDS attribute): domains, laws, access
-- routes, target groups, party kinds, and terms of imported taxonomies.
CREATE TABLE socialmap_attribute (
  rid              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  link_id          TEXT,
  taxonomy_term_id TEXT,
  link_type        TEXT,             -- "organization", "service", ...
  link_entity      TEXT,
  value            TEXT,
  extra            TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX socialmap_attribute_link ON socialmap_attribute(link_id, taxonomy_term_id);
CREATE INDEX socialmap_attribute_term ON socialmap_attribute(taxonomy_term_id, link_id);

-- The change history (HSDS metadata): one row per changed field, appended in the transaction of
-- the change. Erasing a key figure deletes the rows of the party and of its contacts and phones.
CREATE TABLE socialmap_metadata (
  rid               INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  resource_id       TEXT,
  resource_type     TEXT,            -- "organization", "service", "location", ...
  last_action_date  TEXT NOT NULL,   -- YYYY-MM-DD
  last_action_type  TEXT NOT NULL,   -- "create", "update", "verify", "archive", "import"
  field_name        TEXT NOT NULL,
  previous_value    TEXT NOT NULL,
  replacement_value TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  extra             TEXT NOT NULL DEFAULT '{}',
  changed_at        TEXT,            -- own: full UTC time (ISO 8601) when made here, NULL if imported
  parent_id         TEXT             -- own: the party or service a location, contact, phone or schedule
                                     -- row belongs to (History, erasure); NULL for their own rows
);
CREATE INDEX socialmap_metadata_resource ON socialmap_metadata(resource_id, rid);
CREATE INDEX socialmap_metadata_parent ON socialmap_metadata(parent_id, rid);

-- Rows of HSDS tables the model does not use (accessibility, cost_options, funding, programs,
-- required_documents, organization_identifiers, meta_table_descriptions, ...), kept as the JSON
-- object of the row (column -> CSV text, in the package's column order) and exported again.
CREATE TABLE socialmap_hsds_row (
  table_name TEXT NOT NULL,          -- HSDS resource name: "funding", "programs", ...
  id         TEXT NOT NULL,
  json       TEXT NOT NULL,
  PRIMARY KEY (table_name, id)
) WITHOUT ROWID;

-- Full-text search over services (rowid = socialmap_service.rid). The text is stemmed by
-- wk::socialmap::SearchText before it is stored here, and a query the same way. Column order is
-- the bm25 weight order of ADR 13: bm25(socialmap_search, 10, 5, 3, 1, 1).
CREATE VIRTUAL TABLE socialmap_search USING fts5(
  name, alternate_name, target_groups, description, party_name,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The social map's settings: whether it is published (open /hsds/ without login).
CREATE TABLE socialmap_setting (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
