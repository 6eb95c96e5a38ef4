#include "hsds_objects_store.h"

#include <array>
#include <cctype>
#include <cmath>
#include <span>

namespace wk::socialmap::hsds_sql {
namespace {

// How a selected column becomes a JSON member.
enum class Kind { kText, kNumber, kUri, kEmail };
struct Column {
  std::string_view name;
  Kind kind = Kind::kText;
};

// --- Column lists: each SELECT below selects exactly these columns, in this order -----------------
#define WK_PARTY_COLUMNS                                                                                             \
  "p.id, p.name, p.alternate_name, p.description, p.email, p.website, p.tax_status, p.tax_id, p.year_incorporated, " \
  "p.legal_status, p.logo, p.uri, p.parent_organization_id "
constexpr std::array<Column, 13> kParty = {{{"id"},
                                            {"name"},
                                            {"alternate_name"},
                                            {"description"},
                                            {"email", Kind::kEmail},
                                            {"website", Kind::kUri},
                                            {"tax_status"},
                                            {"tax_id"},
                                            {"year_incorporated", Kind::kNumber},
                                            {"legal_status"},
                                            {"logo"},
                                            {"uri", Kind::kUri},
                                            {"parent_organization_id"}}};

// last_modified: the later of the package's value and our own last change.
#define WK_SERVICE_COLUMNS                                                                                     \
  "s.id, s.organization_id, s.program_id, s.name, s.alternate_name, s.description, s.url, s.email, s.status, " \
  "s.interpretation_services, s.application_process, s.fees_description, s.wait_time, s.fees, "                \
  "s.accreditations, s.eligibility_description, s.minimum_age, s.maximum_age, s.assured_date, "                \
  "s.assurer_email, s.licenses, s.alert, max(COALESCE(s.last_modified, ''), s.updated_at) "
constexpr std::array<Column, 23> kService = {{{"id"},
                                              {"organization_id"},
                                              {"program_id"},
                                              {"name"},
                                              {"alternate_name"},
                                              {"description"},
                                              {"url", Kind::kUri},
                                              {"email", Kind::kEmail},
                                              {"status"},
                                              {"interpretation_services"},
                                              {"application_process"},
                                              {"fees_description"},
                                              {"wait_time"},
                                              {"fees"},
                                              {"accreditations"},
                                              {"eligibility_description"},
                                              {"minimum_age", Kind::kNumber},
                                              {"maximum_age", Kind::kNumber},
                                              {"assured_date"},
                                              {"assurer_email", Kind::kEmail},
                                              {"licenses"},
                                              {"alert"},
                                              {"last_modified"}}};

#define WK_LOCATION_COLUMNS                                                                                      \
  "l.id, l.location_type, l.url, l.organization_id, l.name, l.alternate_name, l.description, l.transportation, " \
  "l.latitude, l.longitude, l.external_identifier, l.external_identifier_type "
constexpr std::array<Column, 12> kLocation = {{{"id"},
                                               {"location_type"},
                                               {"url", Kind::kUri},
                                               {"organization_id"},
                                               {"name"},
                                               {"alternate_name"},
                                               {"description"},
                                               {"transportation"},
                                               {"latitude", Kind::kNumber},
                                               {"longitude", Kind::kNumber},
                                               {"external_identifier"},
                                               {"external_identifier_type"}}};

#define WK_ADDRESS_COLUMNS                                                                                 \
  "id, location_id, attention, address_1, address_2, city, region, state_province, postal_code, country, " \
  "address_type "
constexpr std::array<Column, 11> kAddress = {{{"id"},
                                              {"location_id"},
                                              {"attention"},
                                              {"address_1"},
                                              {"address_2"},
                                              {"city"},
                                              {"region"},
                                              {"state_province"},
                                              {"postal_code"},
                                              {"country"},
                                              {"address_type"}}};

#define WK_SAL_COLUMNS "sal.id, sal.service_id, sal.location_id, sal.description "
constexpr std::array<Column, 4> kServiceAtLocation = {{{"id"}, {"service_id"}, {"location_id"}, {"description"}}};

#define WK_SCHEDULE_COLUMNS                                                                                      \
  "id, service_id, location_id, service_at_location_id, valid_from, valid_to, dtstart, timezone, until, count, " \
  "wkst, freq, interval, byday, byweekno, bymonthday, byyearday, description, opens_at, closes_at, "             \
  "schedule_link, attending_type, notes "
constexpr std::array<Column, 23> kSchedule = {{{"id"},
                                               {"service_id"},
                                               {"location_id"},
                                               {"service_at_location_id"},
                                               {"valid_from"},
                                               {"valid_to"},
                                               {"dtstart"},
                                               {"timezone", Kind::kNumber},
                                               {"until"},
                                               {"count", Kind::kNumber},
                                               {"wkst"},
                                               {"freq"},
                                               {"interval", Kind::kNumber},
                                               {"byday"},
                                               {"byweekno"},
                                               {"bymonthday"},
                                               {"byyearday"},
                                               {"description"},
                                               {"opens_at"},
                                               {"closes_at"},
                                               {"schedule_link", Kind::kUri},
                                               {"attending_type"},
                                               {"notes"}}};

#define WK_SERVICE_AREA_COLUMNS "id, service_id, name, description, extent, extent_type, uri "
constexpr std::array<Column, 7> kServiceArea = {
    {{"id"}, {"service_id"}, {"name"}, {"description"}, {"extent"}, {"extent_type"}, {"uri"}}};

#define WK_CONTACT_COLUMNS \
  "id, organization_id, service_id, service_at_location_id, location_id, name, title, department, email "
constexpr std::array<Column, 9> kContact = {{{"id"},
                                             {"organization_id"},
                                             {"service_id"},
                                             {"service_at_location_id"},
                                             {"location_id"},
                                             {"name"},
                                             {"title"},
                                             {"department"},
                                             {"email", Kind::kEmail}}};

#define WK_PHONE_COLUMNS                                                                                        \
  "id, location_id, service_id, organization_id, contact_id, service_at_location_id, number, extension, type, " \
  "description "
constexpr std::array<Column, 10> kPhone = {{{"id"},
                                            {"location_id"},
                                            {"service_id"},
                                            {"organization_id"},
                                            {"contact_id"},
                                            {"service_at_location_id"},
                                            {"number"},
                                            {"extension", Kind::kNumber},
                                            {"type"},
                                            {"description"}}};

#define WK_LANGUAGE_COLUMNS "id, service_id, location_id, phone_id, name, code, note "
constexpr std::array<Column, 7> kLanguage = {
    {{"id"}, {"service_id"}, {"location_id"}, {"phone_id"}, {"name"}, {"code"}, {"note"}}};

#define WK_TAXONOMY_COLUMNS "id, name, description, uri, version "
constexpr std::array<Column, 5> kTaxonomy = {{{"id"}, {"name"}, {"description"}, {"uri", Kind::kUri}, {"version"}}};

#define WK_TERM_COLUMNS "id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri "
constexpr std::array<Column, 9> kTerm = {{{"id"},
                                          {"code"},
                                          {"name"},
                                          {"description"},
                                          {"parent_id"},
                                          {"taxonomy"},
                                          {"language"},
                                          {"taxonomy_id"},
                                          {"term_uri", Kind::kUri}}};

#define WK_ATTRIBUTE_COLUMNS "id, link_id, taxonomy_term_id, link_type, link_entity, value "
constexpr std::array<Column, 6> kAttribute = {
    {{"id"}, {"link_id"}, {"taxonomy_term_id"}, {"link_type"}, {"link_entity"}, {"value"}}};

// --- Visibility ----------------------------------------------------------------------------------
#define WK_PARTY_VISIBLE "p.archived_at IS NULL AND (p.kind <> 'sleutelfiguur' OR p.consent_publish = 1) "
#define WK_SERVICE_FROM "FROM socialmap_service s JOIN socialmap_party p ON p.id = s.organization_id "
#define WK_SERVICE_VISIBLE "s.archived_at IS NULL AND " WK_PARTY_VISIBLE
// ?1 organization, ?2 terms (JSON array), ?3 terms of a taxonomy (JSON array), ?4 modified after,
// ?5 service ids (JSON array); NULL = no condition.
#define WK_SERVICE_FILTER                                                                  \
  "AND (?1 IS NULL OR s.organization_id = ?1) "                                            \
  "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM socialmap_attribute a WHERE a.link_id = s.id " \
  "     AND a.taxonomy_term_id IN (SELECT value FROM json_each(?2)))) "                    \
  "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM socialmap_attribute a WHERE a.link_id = s.id " \
  "     AND a.taxonomy_term_id IN (SELECT value FROM json_each(?3)))) "                    \
  "AND (?4 IS NULL OR max(COALESCE(s.last_modified, ''), s.updated_at) >= ?4) "            \
  "AND (?5 IS NULL OR s.id IN (SELECT value FROM json_each(?5))) "
// ?6 postcode of the location (upper case, without spaces).
#define WK_SAL_FROM                                    \
  "FROM socialmap_service_at_location sal "            \
  "JOIN socialmap_service s ON s.id = sal.service_id " \
  "JOIN socialmap_party p ON p.id = s.organization_id "
#define WK_SAL_FILTER                                                                                     \
  "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM socialmap_address ad WHERE ad.location_id = sal.location_id " \
  "     AND replace(upper(ad.postal_code), ' ', '') = ?6)) "

constexpr std::string_view kSelectOrganization =
    "SELECT " WK_PARTY_COLUMNS "FROM socialmap_party p WHERE p.id = ?1 AND " WK_PARTY_VISIBLE;
// ?1 name part (LIKE pattern, NULL = all), ?2 limit, ?3 offset.
constexpr std::string_view kSelectOrganizations =
    "SELECT " WK_PARTY_COLUMNS "FROM socialmap_party p WHERE " WK_PARTY_VISIBLE
    "AND (?1 IS NULL OR p.name LIKE ?1 ESCAPE '\\' OR p.alternate_name LIKE ?1 ESCAPE '\\') "
    "ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?2 OFFSET ?3";
constexpr std::string_view kCountOrganizations =
    "SELECT count(*) FROM socialmap_party p WHERE " WK_PARTY_VISIBLE
    "AND (?1 IS NULL OR p.name LIKE ?1 ESCAPE '\\' OR p.alternate_name LIKE ?1 ESCAPE '\\')";

constexpr std::string_view kSelectService =
    "SELECT " WK_SERVICE_COLUMNS WK_SERVICE_FROM "WHERE s.id = ?1 AND " WK_SERVICE_VISIBLE;
constexpr std::string_view kSelectServices =
    "SELECT " WK_SERVICE_COLUMNS WK_SERVICE_FROM "WHERE " WK_SERVICE_VISIBLE WK_SERVICE_FILTER
    "ORDER BY s.name COLLATE NOCASE, s.id LIMIT ?6 OFFSET ?7";
constexpr std::string_view kCountServices =
    "SELECT count(*) " WK_SERVICE_FROM "WHERE " WK_SERVICE_VISIBLE WK_SERVICE_FILTER;
constexpr std::string_view kMatchingServiceIds =
    "SELECT s.id " WK_SERVICE_FROM "WHERE " WK_SERVICE_VISIBLE WK_SERVICE_FILTER;

constexpr std::string_view kSelectServiceAtLocation =
    "SELECT " WK_SAL_COLUMNS WK_SAL_FROM "WHERE sal.id = ?1 AND " WK_SERVICE_VISIBLE;
constexpr std::string_view kSelectServiceAtLocations =
    "SELECT " WK_SAL_COLUMNS WK_SAL_FROM "WHERE " WK_SERVICE_VISIBLE WK_SERVICE_FILTER WK_SAL_FILTER
    "ORDER BY sal.id LIMIT ?7 OFFSET ?8";
constexpr std::string_view kCountServiceAtLocations =
    "SELECT count(*) " WK_SAL_FROM "WHERE " WK_SERVICE_VISIBLE WK_SERVICE_FILTER WK_SAL_FILTER;

constexpr std::string_view kSelectLocation = "SELECT " WK_LOCATION_COLUMNS "FROM socialmap_location l WHERE l.id = ?1";

// ?1 JSON array of ids left out, ?2 name part (LIKE pattern or NULL), ?3 limit, ?4 offset.
constexpr std::string_view kSelectTaxonomy = "SELECT " WK_TAXONOMY_COLUMNS "FROM socialmap_taxonomy WHERE id = ?1";
constexpr std::string_view kSelectTaxonomies =
    "SELECT " WK_TAXONOMY_COLUMNS
    "FROM socialmap_taxonomy WHERE id NOT IN (SELECT value FROM json_each(?1)) "
    "AND (?2 IS NULL OR name LIKE ?2 ESCAPE '\\') ORDER BY name, id LIMIT ?3 OFFSET ?4";
constexpr std::string_view kCountTaxonomies =
    "SELECT count(*) FROM socialmap_taxonomy WHERE id NOT IN (SELECT value FROM json_each(?1)) "
    "AND (?2 IS NULL OR name LIKE ?2 ESCAPE '\\')";
constexpr std::string_view kSelectTerm = "SELECT " WK_TERM_COLUMNS "FROM socialmap_taxonomy_term WHERE id = ?1";
// ?1 ids left out, ?2 taxonomy, ?3 parent, ?4 top only (0/1), ?5 name part, ?6 limit, ?7 offset.
#define WK_TERM_FILTER                                                       \
  "WHERE id NOT IN (SELECT value FROM json_each(?1)) "                       \
  "AND (?2 IS NULL OR taxonomy_id = ?2) AND (?3 IS NULL OR parent_id = ?3) " \
  "AND (?4 = 0 OR parent_id IS NULL) AND (?5 IS NULL OR name LIKE ?5 ESCAPE '\\') "
constexpr std::string_view kSelectTerms = "SELECT " WK_TERM_COLUMNS "FROM socialmap_taxonomy_term " WK_TERM_FILTER
                                          "ORDER BY taxonomy_id, name, id LIMIT ?6 OFFSET ?7";
constexpr std::string_view kCountTerms = "SELECT count(*) FROM socialmap_taxonomy_term " WK_TERM_FILTER;
constexpr std::string_view kTermIdsOfTaxonomy = "SELECT id FROM socialmap_taxonomy_term WHERE taxonomy_id = ?1";

struct ChildQuery {
  Children which;
  std::string_view sql;
  std::span<const Column> columns;
};
#define WK_CHILDREN(columns, table, key) "SELECT " columns "FROM " table " WHERE " key " = ?1 ORDER BY id"
const std::array<ChildQuery, 19> kChildQueries = {{
    {Children::kPhonesOfService, WK_CHILDREN(WK_PHONE_COLUMNS, "socialmap_phone", "service_id"), kPhone},
    {Children::kPhonesOfOrganization, WK_CHILDREN(WK_PHONE_COLUMNS, "socialmap_phone", "organization_id"), kPhone},
    {Children::kPhonesOfLocation, WK_CHILDREN(WK_PHONE_COLUMNS, "socialmap_phone", "location_id"), kPhone},
    {Children::kPhonesOfContact, WK_CHILDREN(WK_PHONE_COLUMNS, "socialmap_phone", "contact_id"), kPhone},
    {Children::kPhonesOfServiceAtLocation, WK_CHILDREN(WK_PHONE_COLUMNS, "socialmap_phone", "service_at_location_id"),
     kPhone},
    {Children::kContactsOfService, WK_CHILDREN(WK_CONTACT_COLUMNS, "socialmap_contact", "service_id"), kContact},
    {Children::kContactsOfOrganization, WK_CHILDREN(WK_CONTACT_COLUMNS, "socialmap_contact", "organization_id"),
     kContact},
    {Children::kContactsOfServiceAtLocation,
     WK_CHILDREN(WK_CONTACT_COLUMNS, "socialmap_contact", "service_at_location_id"), kContact},
    {Children::kContactsOfLocation, WK_CHILDREN(WK_CONTACT_COLUMNS, "socialmap_contact", "location_id"), kContact},
    {Children::kSchedulesOfService, WK_CHILDREN(WK_SCHEDULE_COLUMNS, "socialmap_schedule", "service_id"), kSchedule},
    {Children::kSchedulesOfLocation, WK_CHILDREN(WK_SCHEDULE_COLUMNS, "socialmap_schedule", "location_id"), kSchedule},
    {Children::kSchedulesOfServiceAtLocation,
     WK_CHILDREN(WK_SCHEDULE_COLUMNS, "socialmap_schedule", "service_at_location_id"), kSchedule},
    {Children::kAddressesOfLocation, WK_CHILDREN(WK_ADDRESS_COLUMNS, "socialmap_address", "location_id"), kAddress},
    {Children::kLanguagesOfService, WK_CHILDREN(WK_LANGUAGE_COLUMNS, "socialmap_language", "service_id"), kLanguage},
    {Children::kLanguagesOfLocation, WK_CHILDREN(WK_LANGUAGE_COLUMNS, "socialmap_language", "location_id"), kLanguage},
    {Children::kServiceAreasOfService, WK_CHILDREN(WK_SERVICE_AREA_COLUMNS, "socialmap_service_area", "service_id"),
     kServiceArea},
    {Children::kServiceAtLocationsOfService,
     "SELECT " WK_SAL_COLUMNS "FROM socialmap_service_at_location sal WHERE sal.service_id = ?1 ORDER BY sal.id",
     kServiceAtLocation},
    {Children::kAttributesOf, WK_CHILDREN(WK_ATTRIBUTE_COLUMNS, "socialmap_attribute", "link_id"), kAttribute},
    {Children::kLocationsOfOrganization,
     "SELECT " WK_LOCATION_COLUMNS "FROM socialmap_location l WHERE l.organization_id = ?1 ORDER BY l.id", kLocation},
}};

// A number as JSON: whole numbers as integers ("12", not "12.0").
json Number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}

json RowJson(const store::Statement& st, std::span<const Column> columns) {
  json j = json::object();
  for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
    if (st.IsNull(i)) continue;
    const Column& c = columns[static_cast<std::size_t>(i)];
    switch (c.kind) {
      case Kind::kNumber: j[std::string(c.name)] = Number(st.Double(i)); break;
      case Kind::kText: {
        std::string v = st.Text(i);
        if (!v.empty() || c.name == "description") j[std::string(c.name)] = std::move(v);
        break;
      }
      case Kind::kUri:
      case Kind::kEmail: {
        std::string v = st.Text(i);
        if (c.kind == Kind::kUri ? LooksLikeUri(v) : LooksLikeEmail(v)) j[std::string(c.name)] = std::move(v);
        break;
      }
    }
  }
  return j;
}

Result<std::vector<json>> Rows(store::Statement& st, std::span<const Column> columns) {
  if (st.ColumnCount() != static_cast<int>(columns.size())) {
    return Fail(ErrorCode::kInternal, "hsds_objects_store: column list does not match its query");
  }
  std::vector<json> out;
  while (true) {
    auto row = st.Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back(RowJson(st, columns));
  }
  return out;
}

Result<std::optional<json>> One(store::Db& db, std::string_view sql, std::span<const Column> columns,
                                const std::string& id) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->Bind(1, id);
  auto rows = Rows(*st, columns);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<json>();
  return std::optional<json>(std::move(rows->front()));
}

Result<std::int64_t> Count(store::Statement& st) {
  auto row = st.Step();
  if (!row) return Fail(row.error());
  return *row ? st.Int(0) : 0;
}

std::optional<std::string> JsonList(const std::optional<std::vector<std::string>>& ids) {
  if (!ids) return std::nullopt;
  return json(*ids).dump();
}
std::optional<std::string> NonEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}
// A LIKE pattern for "contains", with LIKE's own wildcards escaped.
std::optional<std::string> ContainsPattern(const std::string& part) {
  if (part.empty()) return std::nullopt;
  std::string p = "%";
  for (char c : part) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

void BindServiceFilter(store::Statement& st, const ServiceFilter& f) {
  st.Bind(1, NonEmpty(f.organization_id))
      .Bind(2, JsonList(f.terms))
      .Bind(3, JsonList(f.taxonomy_terms))
      .Bind(4, NonEmpty(f.modified_after))
      .Bind(5, JsonList(f.only_ids));
}

void BindTermFilter(store::Statement& st, const TermFilter& f) {
  st.Bind(1, json(f.except).dump())
      .Bind(2, NonEmpty(f.taxonomy_id))
      .Bind(3, NonEmpty(f.parent_id))
      .Bind(4, f.top_only ? 1 : 0)
      .Bind(5, ContainsPattern(f.name_contains));
}

}  // namespace

Result<std::vector<json>> SelectChildren(store::Db& db, Children which, const std::string& id) {
  for (const auto& q : kChildQueries) {
    if (q.which != which) continue;
    auto st = db.Prepare(q.sql);
    if (!st) return Fail(st.error());
    st->Bind(1, id);
    return Rows(*st, q.columns);
  }
  return Fail(ErrorCode::kInternal, "hsds_objects_store: no query for these children");
}

Result<std::optional<json>> SelectOrganization(store::Db& db, const std::string& id) {
  return One(db, kSelectOrganization, kParty, id);
}
Result<std::optional<json>> SelectService(store::Db& db, const std::string& id) {
  return One(db, kSelectService, kService, id);
}
Result<std::optional<json>> SelectServiceAtLocation(store::Db& db, const std::string& id) {
  return One(db, kSelectServiceAtLocation, kServiceAtLocation, id);
}
Result<std::optional<json>> SelectLocation(store::Db& db, const std::string& id) {
  return One(db, kSelectLocation, kLocation, id);
}
Result<std::optional<json>> SelectTaxonomy(store::Db& db, const std::string& id) {
  return One(db, kSelectTaxonomy, kTaxonomy, id);
}
Result<std::optional<json>> SelectTaxonomyTerm(store::Db& db, const std::string& id) {
  return One(db, kSelectTerm, kTerm, id);
}

Result<std::vector<json>> SelectServices(store::Db& db, const ServiceFilter& filter, const PageWindow& window) {
  auto st = db.Prepare(kSelectServices);
  if (!st) return Fail(st.error());
  BindServiceFilter(*st, filter);
  st->Bind(6, window.limit).Bind(7, window.offset);
  return Rows(*st, kService);
}

Result<std::int64_t> CountServices(store::Db& db, const ServiceFilter& filter) {
  auto st = db.Prepare(kCountServices);
  if (!st) return Fail(st.error());
  BindServiceFilter(*st, filter);
  return Count(*st);
}

Result<std::vector<std::string>> MatchingServiceIds(store::Db& db, const ServiceFilter& filter) {
  auto st = db.Prepare(kMatchingServiceIds);
  if (!st) return Fail(st.error());
  BindServiceFilter(*st, filter);
  std::vector<std::string> ids;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    ids.push_back(st->Text(0));
  }
  return ids;
}

Result<std::vector<json>> SelectServiceAtLocations(store::Db& db, const ServiceFilter& filter,
                                                   const PageWindow& window) {
  auto st = db.Prepare(kSelectServiceAtLocations);
  if (!st) return Fail(st.error());
  BindServiceFilter(*st, filter);
  st->Bind(6, NonEmpty(filter.postal_code)).Bind(7, window.limit).Bind(8, window.offset);
  return Rows(*st, kServiceAtLocation);
}

Result<std::int64_t> CountServiceAtLocations(store::Db& db, const ServiceFilter& filter) {
  auto st = db.Prepare(kCountServiceAtLocations);
  if (!st) return Fail(st.error());
  BindServiceFilter(*st, filter);
  st->Bind(6, NonEmpty(filter.postal_code));
  return Count(*st);
}

Result<std::vector<json>> SelectOrganizations(store::Db& db, const std::string& name_contains,
                                              const PageWindow& window) {
  auto st = db.Prepare(kSelectOrganizations);
  if (!st) return Fail(st.error());
  st->Bind(1, ContainsPattern(name_contains)).Bind(2, window.limit).Bind(3, window.offset);
  return Rows(*st, kParty);
}

Result<std::int64_t> CountOrganizations(store::Db& db, const std::string& name_contains) {
  auto st = db.Prepare(kCountOrganizations);
  if (!st) return Fail(st.error());
  st->Bind(1, ContainsPattern(name_contains));
  return Count(*st);
}

Result<std::vector<json>> SelectTaxonomies(store::Db& db, const std::vector<std::string>& except,
                                           const std::string& name_contains, const PageWindow& window) {
  auto st = db.Prepare(kSelectTaxonomies);
  if (!st) return Fail(st.error());
  st->Bind(1, json(except).dump()).Bind(2, ContainsPattern(name_contains)).Bind(3, window.limit).Bind(4, window.offset);
  return Rows(*st, kTaxonomy);
}

Result<std::int64_t> CountTaxonomies(store::Db& db, const std::vector<std::string>& except,
                                     const std::string& name_contains) {
  auto st = db.Prepare(kCountTaxonomies);
  if (!st) return Fail(st.error());
  st->Bind(1, json(except).dump()).Bind(2, ContainsPattern(name_contains));
  return Count(*st);
}

Result<std::vector<json>> SelectTaxonomyTerms(store::Db& db, const TermFilter& filter, const PageWindow& window) {
  auto st = db.Prepare(kSelectTerms);
  if (!st) return Fail(st.error());
  BindTermFilter(*st, filter);
  st->Bind(6, window.limit).Bind(7, window.offset);
  return Rows(*st, kTerm);
}

Result<std::int64_t> CountTaxonomyTerms(store::Db& db, const TermFilter& filter) {
  auto st = db.Prepare(kCountTerms);
  if (!st) return Fail(st.error());
  BindTermFilter(*st, filter);
  return Count(*st);
}

Result<std::vector<std::string>> TermIdsOfTaxonomy(store::Db& db, const std::string& taxonomy_id) {
  auto st = db.Prepare(kTermIdsOfTaxonomy);
  if (!st) return Fail(st.error());
  st->Bind(1, taxonomy_id);
  std::vector<std::string> ids;
  while (true) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    ids.push_back(st->Text(0));
  }
  return ids;
}

// ajv-formats' "email": dot-separated atoms of letters, digits and !#$%&'*+/=?^_`{|}~- before the
// @, a host name of at least two labels after it.
bool LooksLikeEmail(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = s.substr(0, at), host = s.substr(at + 1);
  constexpr std::string_view kAtomExtra = "!#$%&'*+/=?^_`{|}~-";
  char prev = '.';
  for (char c : local) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || kAtomExtra.find(c) != std::string_view::npos;
    if (c == '.') {
      if (prev == '.') return false;
    } else if (!ok) {
      return false;
    }
    prev = c;
  }
  if (prev == '.') return false;
  int labels = 0;
  std::size_t start = 0;
  while (start <= host.size()) {
    auto dot = host.find('.', start);
    std::string_view label = host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

// An absolute URI: a scheme, ':', then printable ASCII without spaces, quotes, '<', '>', '\',
// '^', '`', '{', '|', '}' (the characters RFC 3986 does not allow unescaped).
bool LooksLikeUri(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  constexpr std::string_view kForbidden = " \"<>\\^`{|}";
  for (char c : s.substr(colon + 1)) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || kForbidden.find(c) != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace wk::socialmap::hsds_sql
