// All SQL of the HSDS import and export. Each modelled table has its statements here, with the HSDS
// columns in datapackage.json order: parameter ?k is the k-th field of the table (hsds_tables.h),
// the next one `extra`, then the table's own columns. hsds_store_test checks the order.
#include "hsds_store.h"

#include <map>

#include "wk/socialmap/socialmap.h"
#include "wk/store/db.h"

namespace wk::socialmap::hsds {
namespace {

struct TableSql {
  std::string_view upsert;  // ?1..?n fields, ?n+1 extra (+ own columns, see the callers)
  std::string_view select;  // fields in order, then extra (+ own columns)
  std::string_view exists;
};

constexpr std::string_view kUpsertParty = R"sql(
INSERT INTO socialmap_party (id, name, alternate_name, description, email, website, tax_status, tax_id,
  year_incorporated, legal_status, logo, uri, parent_organization_id, extra,
  kind, formal, source, assured_date, assurer_email, archived_at, created_at, updated_at)
VALUES (?1, ?2, ?3, COALESCE(?4, ''), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
  COALESCE(?15, 'organisatie'), COALESCE(?16, 1), COALESCE(?17, ?21), ?18, ?19, ?20, ?22, ?22)
ON CONFLICT(id) DO UPDATE SET
  (name, alternate_name, description, email, website, tax_status, tax_id, year_incorporated, legal_status, logo,
   uri, parent_organization_id, extra) =
  (excluded.name, excluded.alternate_name, excluded.description, excluded.email, excluded.website,
   excluded.tax_status, excluded.tax_id, excluded.year_incorporated, excluded.legal_status, excluded.logo,
   excluded.uri, excluded.parent_organization_id, excluded.extra),
  kind = COALESCE(?15, kind), formal = COALESCE(?16, formal), source = COALESCE(?17, source),
  assured_date = COALESCE(?18, assured_date), assurer_email = COALESCE(?19, assurer_email),
  archived_at = COALESCE(?20, archived_at), updated_at = ?22)sql";
constexpr std::string_view kSelectParty = R"sql(
SELECT id, name, alternate_name, description, email, website, tax_status, tax_id, year_incorporated, legal_status,
  logo, uri, parent_organization_id, extra,
  kind, formal, source, assured_date, assurer_email, archived_at, consent_publish
FROM socialmap_party)sql";
constexpr std::string_view kApplyParty = R"sql(
UPDATE socialmap_party SET kind = COALESCE(?2, kind), formal = COALESCE(?3, formal),
  source = COALESCE(?4, source), assured_date = COALESCE(?5, assured_date),
  assurer_email = COALESCE(?6, assurer_email), archived_at = COALESCE(?7, archived_at), updated_at = ?8
WHERE id = ?1)sql";

constexpr std::string_view kUpsertService = R"sql(
INSERT INTO socialmap_service (id, organization_id, program_id, name, alternate_name, description, url, email,
  status, interpretation_services, application_process, fees_description, wait_time, fees, accreditations,
  eligibility_description, minimum_age, maximum_age, assured_date, assurer_email, licenses, alert, last_modified,
  extra, source, archived_at, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, COALESCE(?6, ''), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
  ?21, ?22, ?23, ?24, COALESCE(?25, ?27), ?26, ?28, ?28)
ON CONFLICT(id) DO UPDATE SET
  (organization_id, program_id, name, alternate_name, description, url, email, status, interpretation_services,
   application_process, fees_description, wait_time, fees, accreditations, eligibility_description, minimum_age,
   maximum_age, assured_date, assurer_email, licenses, alert, last_modified, extra) =
  (excluded.organization_id, excluded.program_id, excluded.name, excluded.alternate_name, excluded.description,
   excluded.url, excluded.email, excluded.status, excluded.interpretation_services, excluded.application_process,
   excluded.fees_description, excluded.wait_time, excluded.fees, excluded.accreditations,
   excluded.eligibility_description, excluded.minimum_age, excluded.maximum_age, excluded.assured_date,
   excluded.assurer_email, excluded.licenses, excluded.alert, excluded.last_modified, excluded.extra),
  source = COALESCE(?25, source), archived_at = COALESCE(?26, archived_at), updated_at = ?28)sql";
constexpr std::string_view kSelectService = R"sql(
SELECT id, organization_id, program_id, name, alternate_name, description, url, email, status,
  interpretation_services, application_process, fees_description, wait_time, fees, accreditations,
  eligibility_description, minimum_age, maximum_age, assured_date, assurer_email, licenses, alert, last_modified,
  extra, source, archived_at
FROM socialmap_service)sql";
constexpr std::string_view kApplyService = R"sql(
UPDATE socialmap_service SET source = COALESCE(?4, source), assurer_email = COALESCE(?6, assurer_email),
  archived_at = COALESCE(?7, archived_at), updated_at = ?8
WHERE id = ?1)sql";

constexpr std::string_view kUpsertLocation = R"sql(
INSERT INTO socialmap_location (id, location_type, url, organization_id, name, alternate_name, description,
  transportation, latitude, longitude, external_identifier, external_identifier_type, extra, area_code)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
ON CONFLICT(id) DO UPDATE SET
  (location_type, url, organization_id, name, alternate_name, description, transportation, latitude, longitude,
   external_identifier, external_identifier_type, extra, area_code) =
  (excluded.location_type, excluded.url, excluded.organization_id, excluded.name, excluded.alternate_name,
   excluded.description, excluded.transportation, excluded.latitude, excluded.longitude,
   excluded.external_identifier, excluded.external_identifier_type, excluded.extra, excluded.area_code)
RETURNING rid)sql";
constexpr std::string_view kSelectLocation = R"sql(
SELECT id, location_type, url, organization_id, name, alternate_name, description, transportation, latitude,
  longitude, external_identifier, external_identifier_type, extra
FROM socialmap_location)sql";
constexpr std::string_view kDeletePoint = "DELETE FROM socialmap_location_rtree WHERE rid = ?1";
constexpr std::string_view kInsertPoint =
    "INSERT INTO socialmap_location_rtree (rid, min_lon, max_lon, min_lat, max_lat) VALUES (?1, ?2, ?2, ?3, ?3)";

constexpr std::string_view kUpsertAddress = R"sql(
INSERT INTO socialmap_address (id, location_id, attention, address_1, address_2, city, region, state_province,
  postal_code, country, address_type, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT(id) DO UPDATE SET
  (location_id, attention, address_1, address_2, city, region, state_province, postal_code, country, address_type,
   extra) =
  (excluded.location_id, excluded.attention, excluded.address_1, excluded.address_2, excluded.city,
   excluded.region, excluded.state_province, excluded.postal_code, excluded.country, excluded.address_type,
   excluded.extra))sql";
constexpr std::string_view kSelectAddress = R"sql(
SELECT id, location_id, attention, address_1, address_2, city, region, state_province, postal_code, country,
  address_type, extra
FROM socialmap_address)sql";

constexpr std::string_view kUpsertServiceAtLocation = R"sql(
INSERT INTO socialmap_service_at_location (id, service_id, location_id, description, extra)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT(id) DO UPDATE SET (service_id, location_id, description, extra) =
  (excluded.service_id, excluded.location_id, excluded.description, excluded.extra))sql";
constexpr std::string_view kSelectServiceAtLocation =
    "SELECT id, service_id, location_id, description, extra FROM socialmap_service_at_location";

constexpr std::string_view kUpsertSchedule = R"sql(
INSERT INTO socialmap_schedule (id, service_id, location_id, service_at_location_id, valid_from, valid_to, dtstart,
  timezone, until, count, wkst, freq, interval, byday, byweekno, bymonthday, byyearday, description, opens_at,
  closes_at, schedule_link, attending_type, notes, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
  ?24)
ON CONFLICT(id) DO UPDATE SET
  (service_id, location_id, service_at_location_id, valid_from, valid_to, dtstart, timezone, until, count, wkst,
   freq, interval, byday, byweekno, bymonthday, byyearday, description, opens_at, closes_at, schedule_link,
   attending_type, notes, extra) =
  (excluded.service_id, excluded.location_id, excluded.service_at_location_id, excluded.valid_from,
   excluded.valid_to, excluded.dtstart, excluded.timezone, excluded.until, excluded.count, excluded.wkst,
   excluded.freq, excluded.interval, excluded.byday, excluded.byweekno, excluded.bymonthday, excluded.byyearday,
   excluded.description, excluded.opens_at, excluded.closes_at, excluded.schedule_link, excluded.attending_type,
   excluded.notes, excluded.extra))sql";
constexpr std::string_view kSelectSchedule = R"sql(
SELECT id, service_id, location_id, service_at_location_id, valid_from, valid_to, dtstart, timezone, until, count,
  wkst, freq, interval, byday, byweekno, bymonthday, byyearday, description, opens_at, closes_at, schedule_link,
  attending_type, notes, extra
FROM socialmap_schedule)sql";

constexpr std::string_view kUpsertServiceArea = R"sql(
INSERT INTO socialmap_service_area (id, service_id, name, description, extent, extent_type, uri, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT(id) DO UPDATE SET (service_id, name, description, extent, extent_type, uri, extra) =
  (excluded.service_id, excluded.name, excluded.description, excluded.extent, excluded.extent_type, excluded.uri,
   excluded.extra))sql";
constexpr std::string_view kSelectServiceArea =
    "SELECT id, service_id, name, description, extent, extent_type, uri, extra FROM socialmap_service_area";

constexpr std::string_view kUpsertContact = R"sql(
INSERT INTO socialmap_contact (id, organization_id, service_id, service_at_location_id, location_id, name, title,
  department, email, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT(id) DO UPDATE SET
  (organization_id, service_id, service_at_location_id, location_id, name, title, department, email, extra) =
  (excluded.organization_id, excluded.service_id, excluded.service_at_location_id, excluded.location_id,
   excluded.name, excluded.title, excluded.department, excluded.email, excluded.extra))sql";
constexpr std::string_view kSelectContact = R"sql(
SELECT id, organization_id, service_id, service_at_location_id, location_id, name, title, department, email, extra
FROM socialmap_contact)sql";

// ?12: number_key, the digits of the number for the duplicate check (NormalisePhone).
constexpr std::string_view kUpsertPhone = R"sql(
INSERT INTO socialmap_phone (id, location_id, service_id, organization_id, contact_id, service_at_location_id,
  number, extension, type, description, extra, number_key)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT(id) DO UPDATE SET
  (location_id, service_id, organization_id, contact_id, service_at_location_id, number, extension, type,
   description, extra, number_key) =
  (excluded.location_id, excluded.service_id, excluded.organization_id, excluded.contact_id,
   excluded.service_at_location_id, excluded.number, excluded.extension, excluded.type, excluded.description,
   excluded.extra, excluded.number_key))sql";
constexpr std::string_view kSelectPhone = R"sql(
SELECT id, location_id, service_id, organization_id, contact_id, service_at_location_id, number, extension, type,
  description, extra
FROM socialmap_phone)sql";

constexpr std::string_view kUpsertLanguage = R"sql(
INSERT INTO socialmap_language (id, service_id, location_id, phone_id, name, code, note, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT(id) DO UPDATE SET (service_id, location_id, phone_id, name, code, note, extra) =
  (excluded.service_id, excluded.location_id, excluded.phone_id, excluded.name, excluded.code, excluded.note,
   excluded.extra))sql";
constexpr std::string_view kSelectLanguage =
    "SELECT id, service_id, location_id, phone_id, name, code, note, extra FROM socialmap_language";

constexpr std::string_view kUpsertTaxonomy = R"sql(
INSERT INTO socialmap_taxonomy (id, name, description, uri, version, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT(id) DO UPDATE SET (name, description, uri, version, extra) =
  (excluded.name, excluded.description, excluded.uri, excluded.version, excluded.extra))sql";
constexpr std::string_view kSelectTaxonomy =
    "SELECT id, name, description, uri, version, extra FROM socialmap_taxonomy";

constexpr std::string_view kUpsertTaxonomyTerm = R"sql(
INSERT INTO socialmap_taxonomy_term (id, code, name, description, parent_id, taxonomy, language, taxonomy_id,
  term_uri, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT(id) DO UPDATE SET
  (code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri, extra) =
  (excluded.code, excluded.name, excluded.description, excluded.parent_id, excluded.taxonomy, excluded.language,
   excluded.taxonomy_id, excluded.term_uri, excluded.extra))sql";
constexpr std::string_view kSelectTaxonomyTerm = R"sql(
SELECT id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri, extra
FROM socialmap_taxonomy_term)sql";

constexpr std::string_view kUpsertAttribute = R"sql(
INSERT INTO socialmap_attribute (id, link_id, taxonomy_term_id, link_type, link_entity, value, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT(id) DO UPDATE SET (link_id, taxonomy_term_id, link_type, link_entity, value, extra) =
  (excluded.link_id, excluded.taxonomy_term_id, excluded.link_type, excluded.link_entity, excluded.value,
   excluded.extra))sql";
constexpr std::string_view kSelectAttribute =
    "SELECT id, link_id, taxonomy_term_id, link_type, link_entity, value, extra FROM socialmap_attribute";

// Imported history keeps changed_at NULL (it was not made here).
constexpr std::string_view kUpsertMetadata = R"sql(
INSERT INTO socialmap_metadata (id, resource_id, resource_type, last_action_date, last_action_type, field_name,
  previous_value, replacement_value, updated_by, extra)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT(id) DO UPDATE SET
  (resource_id, resource_type, last_action_date, last_action_type, field_name, previous_value, replacement_value,
   updated_by, extra) =
  (excluded.resource_id, excluded.resource_type, excluded.last_action_date, excluded.last_action_type,
   excluded.field_name, excluded.previous_value, excluded.replacement_value, excluded.updated_by, excluded.extra))sql";
constexpr std::string_view kSelectMetadata = R"sql(
SELECT id, resource_id, resource_type, last_action_date, last_action_type, field_name, previous_value,
  replacement_value, updated_by, extra
FROM socialmap_metadata)sql";

constexpr std::string_view kUpsertKept = R"sql(
INSERT INTO socialmap_hsds_row (table_name, id, json) VALUES (?1, ?2, ?3)
ON CONFLICT(table_name, id) DO UPDATE SET json = excluded.json)sql";
constexpr std::string_view kSelectKept = "SELECT json FROM socialmap_hsds_row WHERE table_name = ?1";
constexpr std::string_view kKeptExists = "SELECT 1 FROM socialmap_hsds_row WHERE table_name = ?1 AND id = ?2";

const std::map<std::string_view, TableSql>& Sql() {
  static const std::map<std::string_view, TableSql> kSql = {
      {"organization", {kUpsertParty, kSelectParty, "SELECT 1 FROM socialmap_party WHERE id = ?1"}},
      {"service", {kUpsertService, kSelectService, "SELECT 1 FROM socialmap_service WHERE id = ?1"}},
      {"location", {kUpsertLocation, kSelectLocation, "SELECT 1 FROM socialmap_location WHERE id = ?1"}},
      {"address", {kUpsertAddress, kSelectAddress, "SELECT 1 FROM socialmap_address WHERE id = ?1"}},
      {"service_at_location",
       {kUpsertServiceAtLocation, kSelectServiceAtLocation,
        "SELECT 1 FROM socialmap_service_at_location WHERE id = ?1"}},
      {"schedule", {kUpsertSchedule, kSelectSchedule, "SELECT 1 FROM socialmap_schedule WHERE id = ?1"}},
      {"service_area", {kUpsertServiceArea, kSelectServiceArea, "SELECT 1 FROM socialmap_service_area WHERE id = ?1"}},
      {"contact", {kUpsertContact, kSelectContact, "SELECT 1 FROM socialmap_contact WHERE id = ?1"}},
      {"phone", {kUpsertPhone, kSelectPhone, "SELECT 1 FROM socialmap_phone WHERE id = ?1"}},
      {"language", {kUpsertLanguage, kSelectLanguage, "SELECT 1 FROM socialmap_language WHERE id = ?1"}},
      {"taxonomy", {kUpsertTaxonomy, kSelectTaxonomy, "SELECT 1 FROM socialmap_taxonomy WHERE id = ?1"}},
      {"taxonomy_term",
       {kUpsertTaxonomyTerm, kSelectTaxonomyTerm, "SELECT 1 FROM socialmap_taxonomy_term WHERE id = ?1"}},
      {"attribute", {kUpsertAttribute, kSelectAttribute, "SELECT 1 FROM socialmap_attribute WHERE id = ?1"}},
      {"metadata", {kUpsertMetadata, kSelectMetadata, "SELECT 1 FROM socialmap_metadata WHERE id = ?1"}},
  };
  return kSql;
}

const TableSql& SqlOf(std::string_view table) {
  return Sql().at(table);
}

// Binds the row's fields to ?1..?n in table order and `extra` to ?n+1; returns n+1.
int BindFields(store::Statement& stmt, const Table& table, const Row& row) {
  int i = 0;
  for (const Field& field : table.fields) {
    ++i;
    auto it = row.values.find(field.name);
    if (it == row.values.end() || it->is_null()) {
      stmt.Bind(i, std::nullopt);
    } else if (it->is_number()) {
      stmt.Bind(i, it->get<double>());
    } else if (it->is_string()) {
      stmt.Bind(i, it->get<std::string>());
    } else {
      stmt.Bind(i, ValueText(*it));
    }
  }
  stmt.Bind(++i, row.extra.dump());
  return i;
}

nlohmann::json ParseExtra(const std::string& text) {
  auto extra = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return extra.is_object() ? extra : nlohmann::json::object();
}

// Reads the fields (columns 0..n-1) and extra (column n) of the current row.
StoredRow ReadFields(const store::Statement& stmt, const Table& table) {
  StoredRow row;
  int c = 0;
  for (const Field& field : table.fields) {
    if (!stmt.IsNull(c)) {
      if (field.type == FieldType::kNumber || field.type == FieldType::kInteger) {
        row.values[field.name] = stmt.Double(c);
      } else if (auto text = stmt.Text(c); !text.empty()) {
        row.values[field.name] = std::move(text);
      }
    }
    ++c;
  }
  row.extra = ParseExtra(stmt.Text(c));
  return row;
}

void BindOwn(store::Statement& stmt, int first, const OwnFields& own) {
  stmt.Bind(first, own.kind);
  if (own.formal) {
    stmt.Bind(first + 1, *own.formal ? 1 : 0);
  } else {
    stmt.Bind(first + 1, std::nullopt);
  }
  stmt.Bind(first + 2, own.source);
  stmt.Bind(first + 3, own.assured_date);
  stmt.Bind(first + 4, own.assurer_email);
  stmt.Bind(first + 5, own.archived_at);
}

}  // namespace

std::string StoredRow::Id() const {
  return Text("id");
}

std::string StoredRow::Text(std::string_view field) const {
  auto it = values.find(field);
  return it == values.end() ? std::string() : ValueText(*it);
}

Result<bool> RowExists(store::Db& db, std::string_view table, const std::string& id) {
  const Table* t = FindTable(table);
  if (t == nullptr) return false;
  if (!t->modelled) {
    auto stmt = db.Prepare(kKeptExists);
    if (!stmt) return Fail(stmt.error());
    stmt->BindAll(table, id);
    return stmt->Step();
  }
  auto stmt = db.Prepare(SqlOf(table).exists);
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, id);
  return stmt->Step();
}

Result<void> UpsertParty(store::Db& db, const Row& row, const OwnFields& own, const std::string& default_source,
                         const std::string& now) {
  auto stmt = db.Prepare(kUpsertParty);
  if (!stmt) return Fail(stmt.error());
  int n = BindFields(*stmt, *FindTable("organization"), row);  // 14
  BindOwn(*stmt, n + 1, own);                                  // 15..20
  stmt->Bind(n + 7, default_source);                           // 21
  stmt->Bind(n + 8, now);                                      // 22
  return stmt->Run();
}

Result<void> UpsertService(store::Db& db, const Row& row, const OwnFields& own, const std::string& default_source,
                           const std::string& now) {
  auto stmt = db.Prepare(kUpsertService);
  if (!stmt) return Fail(stmt.error());
  int n = BindFields(*stmt, *FindTable("service"), row);  // 24
  stmt->Bind(n + 1, own.source);                          // 25
  stmt->Bind(n + 2, own.archived_at);                     // 26
  stmt->Bind(n + 3, default_source);                      // 27
  stmt->Bind(n + 4, now);                                 // 28
  return stmt->Run();
}

Result<std::int64_t> UpsertLocation(store::Db& db, const Row& row, const std::optional<std::string>& area_code) {
  auto stmt = db.Prepare(kUpsertLocation);
  if (!stmt) return Fail(stmt.error());
  int n = BindFields(*stmt, *FindTable("location"), row);  // 13
  stmt->Bind(n + 1, area_code);
  auto step = stmt->Step();
  if (!step) return Fail(step.error());
  if (!*step) return Fail(ErrorCode::kInternal, "De locatie is niet opgeslagen.");
  return stmt->Int(0);
}

Result<void> SetLocationPoint(store::Db& db, std::int64_t rid, const std::optional<Point>& point) {
  auto del = db.Prepare(kDeletePoint);
  if (!del) return Fail(del.error());
  if (auto r = del->Bind(1, rid).Run(); !r) return r;
  if (!point) return {};
  auto ins = db.Prepare(kInsertPoint);
  if (!ins) return Fail(ins.error());
  return ins->BindAll(rid, point->lon, point->lat).Run();
}

Result<void> UpsertModelledRow(store::Db& db, const Table& table, const Row& row) {
  auto stmt = db.Prepare(SqlOf(table.name).upsert);
  if (!stmt) return Fail(stmt.error());
  int n = BindFields(*stmt, table, row);
  if (table.name == "phone") stmt->Bind(n + 1, NormalisePhone(row.Text("number")));
  return stmt->Run();
}

Result<void> UpsertKeptRow(store::Db& db, const Table& table, const Row& row) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (const Field& field : table.fields) {
    auto it = row.values.find(field.name);
    if (it != row.values.end() && !it->is_null()) json[field.name] = ValueText(*it);
  }
  for (const auto& [name, value] : row.extra.items()) json[name] = ValueText(value);  // sorted by name
  auto stmt = db.Prepare(kUpsertKept);
  if (!stmt) return Fail(stmt.error());
  return stmt->BindAll(table.name, row.Id(), json.dump()).Run();
}

Result<void> ApplyOwnFields(store::Db& db, std::string_view table, const std::string& id, const OwnFields& own,
                            const std::string& now) {
  auto stmt = db.Prepare(table == "organization" ? kApplyParty : kApplyService);
  if (!stmt) return Fail(stmt.error());
  stmt->Bind(1, id);
  BindOwn(*stmt, 2, own);  // 2..7
  stmt->Bind(8, now);
  return stmt->Run();
}

Result<std::vector<StoredRow>> ReadRows(store::Db& db, const Table& table) {
  std::vector<StoredRow> rows;
  if (!table.modelled) {
    auto stmt = db.Prepare(kSelectKept);
    if (!stmt) return Fail(stmt.error());
    stmt->Bind(1, table.name);
    while (true) {
      auto step = stmt->Step();
      if (!step) return Fail(step.error());
      if (!*step) break;
      StoredRow row;
      const nlohmann::json stored = ParseExtra(stmt->Text(0));
      for (const auto& [name, value] : stored.items()) {
        (FindField(table, name) != nullptr ? row.values : row.extra)[name] = value;
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }
  auto stmt = db.Prepare(SqlOf(table.name).select);
  if (!stmt) return Fail(stmt.error());
  const int n = static_cast<int>(table.fields.size()) + 1;  // fields, extra, then own columns
  while (true) {
    auto step = stmt->Step();
    if (!step) return Fail(step.error());
    if (!*step) break;
    StoredRow row = ReadFields(*stmt, table);
    for (int c = n; c < stmt->ColumnCount(); ++c) {
      static constexpr std::string_view kPartyOwn[] = {"kind",          "formal",      "source",         "assured_date",
                                                       "assurer_email", "archived_at", "consent_publish"};
      static constexpr std::string_view kServiceOwn[] = {"source", "archived_at"};
      const std::string_view name = table.name == "organization" ? kPartyOwn[c - n] : kServiceOwn[c - n];
      if (stmt->IsNull(c)) continue;
      if (name == "formal" || name == "consent_publish") {
        row.own[std::string(name)] = stmt->Int(c) != 0;
      } else {
        row.own[std::string(name)] = stmt->Text(c);
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace wk::socialmap::hsds
