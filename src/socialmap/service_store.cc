// SQL of services (socialmap_service) with their languages and service areas.
#include <algorithm>

#include "languages.h"
#include "map_store.h"
#include "store_util.h"
#include "uuid.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap::sql {
namespace {

constexpr std::string_view kSelectService =
    "SELECT s.id, s.organization_id, p.name, s.name, s.alternate_name, s.description, s.url, s.email, s.status, "
    "s.application_process, s.fees_description, s.wait_time, s.eligibility_description, s.minimum_age, "
    "s.maximum_age, s.assured_date, s.assurer_email, s.source, s.archived_at, s.created_at, s.updated_at "
    "FROM socialmap_service s LEFT JOIN socialmap_party p ON p.id = s.organization_id WHERE s.id = ?1";
constexpr std::string_view kInsertService =
    "INSERT INTO socialmap_service(id, organization_id, name, alternate_name, description, url, email, status, "
    "application_process, fees_description, wait_time, eligibility_description, minimum_age, maximum_age, "
    "assured_date, assurer_email, source, last_modified, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18, ?18)";
constexpr std::string_view kUpdateService =
    "UPDATE socialmap_service SET organization_id = ?2, name = ?3, alternate_name = ?4, description = ?5, url = ?6, "
    "email = ?7, status = ?8, application_process = ?9, fees_description = ?10, wait_time = ?11, "
    "eligibility_description = ?12, minimum_age = ?13, maximum_age = ?14, source = ?15, last_modified = ?16, "
    "updated_at = ?16 WHERE id = ?1";
constexpr std::string_view kSetVerified =
    "UPDATE socialmap_service SET assured_date = ?2, assurer_email = ?3, source = ?4, last_modified = ?5, "
    "updated_at = ?5 WHERE id = ?1";
constexpr std::string_view kSetArchived =
    "UPDATE socialmap_service SET archived_at = ?2, last_modified = ?3, updated_at = ?3 WHERE id = ?1";
constexpr std::string_view kServiceIdsOfParty =
    "SELECT id FROM socialmap_service WHERE organization_id = ?1 AND (?2 OR archived_at IS NULL) "
    "ORDER BY name COLLATE NOCASE, id";
constexpr std::string_view kServicesOfArea =
    "SELECT s.id FROM socialmap_service s WHERE s.archived_at IS NULL AND ("
    "EXISTS (SELECT 1 FROM socialmap_service_at_location sal JOIN socialmap_location l ON l.id = sal.location_id "
    "WHERE sal.service_id = s.id AND l.area_code IN (SELECT value FROM json_each(?1))) OR "
    "EXISTS (SELECT 1 FROM socialmap_service_area a WHERE a.service_id = s.id AND a.extent_type = ?3 "
    "AND a.extent IN (SELECT value FROM json_each(?2)))) "
    "ORDER BY s.name COLLATE NOCASE, s.id";
constexpr std::string_view kPartiesLocatedIn =
    "SELECT DISTINCT s.organization_id FROM socialmap_service s "
    "JOIN socialmap_service_at_location sal ON sal.service_id = s.id "
    "JOIN socialmap_location l ON l.id = sal.location_id "
    "WHERE s.archived_at IS NULL AND l.area_code IN (SELECT value FROM json_each(?1))";

constexpr std::string_view kServiceChildIds =
    "SELECT location_id FROM socialmap_service_at_location WHERE service_id = ?1 UNION ALL "
    "SELECT id FROM socialmap_schedule WHERE service_id = ?1 UNION ALL "
    "SELECT id FROM socialmap_phone WHERE service_id = ?1 UNION ALL "
    "SELECT id FROM socialmap_contact WHERE service_id = ?1";
constexpr std::string_view kDeleteService = "DELETE FROM socialmap_service WHERE id = ?1";
constexpr std::string_view kDeleteServiceAttributes = "DELETE FROM socialmap_attribute WHERE link_id = ?1";
constexpr std::string_view kDeleteServiceLanguages = "DELETE FROM socialmap_language WHERE service_id = ?1";
constexpr std::string_view kDeleteServiceAreas = "DELETE FROM socialmap_service_area WHERE service_id = ?1";
constexpr std::string_view kDeleteServiceSchedules =
    "DELETE FROM socialmap_schedule WHERE service_id = ?1 OR service_at_location_id IN "
    "(SELECT id FROM socialmap_service_at_location WHERE service_id = ?1)";
constexpr std::string_view kDeleteServicePhones =
    "DELETE FROM socialmap_phone WHERE service_id = ?1 OR contact_id IN "
    "(SELECT id FROM socialmap_contact WHERE service_id = ?1)";
constexpr std::string_view kDeleteServiceContacts = "DELETE FROM socialmap_contact WHERE service_id = ?1";
constexpr std::string_view kDeleteServiceLinks = "DELETE FROM socialmap_service_at_location WHERE service_id = ?1";

constexpr std::string_view kSelectLanguages =
    "SELECT code FROM socialmap_language WHERE service_id = ?1 AND code IS NOT NULL ORDER BY rid";
constexpr std::string_view kDeleteLanguagesExcept =
    "DELETE FROM socialmap_language WHERE service_id = ?1 AND (code IS NULL OR code NOT IN "
    "(SELECT value FROM json_each(?2)))";
constexpr std::string_view kInsertLanguage =
    "INSERT INTO socialmap_language(id, service_id, name, code) VALUES (?1, ?2, ?3, ?4)";

constexpr std::string_view kSelectServiceAreas =
    "SELECT extent FROM socialmap_service_area WHERE service_id = ?1 AND extent_type = ?2 ORDER BY rid";
constexpr std::string_view kDeleteServiceAreasExcept =
    "DELETE FROM socialmap_service_area WHERE service_id = ?1 AND extent_type = ?2 AND extent NOT IN "
    "(SELECT value FROM json_each(?3))";
constexpr std::string_view kInsertServiceArea =
    "INSERT INTO socialmap_service_area(id, service_id, name, extent, extent_type) VALUES (?1, ?2, ?3, ?4, ?5)";

Service ReadService(const store::Statement& st) {
  Service s;
  s.id = st.Text(0);
  s.party_id = st.Text(1);
  s.party_name = st.Text(2);
  s.name = st.Text(3);
  s.alternate_name = st.Text(4);
  s.description = st.Text(5);
  s.url = st.Text(6);
  s.email = st.Text(7);
  s.status = ParseServiceStatus(st.Text(8)).value_or(ServiceStatus::kActive);
  s.application_process = st.Text(9);
  s.cost = st.Text(10);
  s.wait_time = st.Text(11);
  s.eligibility = st.Text(12);
  if (auto v = st.OptDouble(13)) s.minimum_age = static_cast<int>(*v);
  if (auto v = st.OptDouble(14)) s.maximum_age = static_cast<int>(*v);
  s.verification.assured_date = st.Text(15);
  s.verification.assurer = st.Text(16);
  s.verification.source = st.Text(17);
  s.archived = !st.IsNull(18);
  s.created_at = st.Text(19);
  s.updated_at = st.Text(20);
  return s;
}

std::optional<double> Age(const std::optional<int>& age) {
  if (!age) return std::nullopt;
  return static_cast<double>(*age);
}

}  // namespace

Result<std::optional<Service>> SelectService(store::Db& db, std::string_view id) {
  auto rows = Rows(db, kSelectService, ReadService, id);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<Service>();
  return std::optional<Service>(std::move(rows->front()));
}

Result<void> InsertService(store::Db& db, const Service& s, std::string_view now) {
  auto st = db.Prepare(kInsertService);
  if (!st) return Fail(st.error());
  st->BindAll(s.id, s.party_id, s.name, OrNull(s.alternate_name), s.description, OrNull(s.url), OrNull(s.email),
              ServiceStatusCode(s.status), OrNull(s.application_process), OrNull(s.cost), OrNull(s.wait_time),
              OrNull(s.eligibility), Age(s.minimum_age), Age(s.maximum_age), OrNull(s.verification.assured_date),
              OrNull(s.verification.assurer), s.verification.source, now);
  return st->Run();
}

Result<void> UpdateService(store::Db& db, const Service& s, std::string_view now) {
  return Run(db, kUpdateService, s.id, s.party_id, s.name, OrNull(s.alternate_name), s.description, OrNull(s.url),
             OrNull(s.email), ServiceStatusCode(s.status), OrNull(s.application_process), OrNull(s.cost),
             OrNull(s.wait_time), OrNull(s.eligibility), Age(s.minimum_age), Age(s.maximum_age), s.verification.source,
             now);
}

Result<void> SetServiceVerified(store::Db& db, std::string_view id, std::string_view date, std::string_view assurer,
                                std::string_view source, std::string_view now) {
  return Run(db, kSetVerified, id, date, OrNull(assurer), source, now);
}

Result<void> SetServiceArchived(store::Db& db, std::string_view id, std::string_view archived_at,
                                std::string_view now) {
  return Run(db, kSetArchived, id, OrNull(archived_at), now);
}

Result<std::vector<std::string>> SelectServiceIdsOfParty(store::Db& db, std::string_view party_id,
                                                         bool include_archived) {
  return Texts(db, kServiceIdsOfParty, party_id, include_archived ? 1 : 0);
}

Result<std::vector<std::string>> SelectServicesOfArea(store::Db& db, const std::vector<std::string>& buurt_codes,
                                                      const std::vector<std::string>& area_codes) {
  return Texts(db, kServicesOfArea, JsonArray(buurt_codes), JsonArray(area_codes), kAreaExtentType);
}

Result<std::vector<std::string>> SelectPartiesLocatedIn(store::Db& db, const std::vector<std::string>& buurt_codes) {
  return Texts(db, kPartiesLocatedIn, JsonArray(buurt_codes));
}

Result<std::vector<std::string>> SelectServiceChildIds(store::Db& db, std::string_view id) {
  return Texts(db, kServiceChildIds, id);
}

Result<void> DeleteServiceRows(store::Db& db, std::string_view id) {
  // Children first: phones of contacts before the contacts, schedules before the links.
  for (std::string_view sql :
       {kDeleteServiceAttributes, kDeleteServiceLanguages, kDeleteServiceAreas, kDeleteServiceSchedules,
        kDeleteServicePhones, kDeleteServiceContacts, kDeleteServiceLinks, kDeleteService}) {
    if (auto r = Run(db, sql, id); !r) return r;
  }
  return {};
}

Result<std::vector<std::string>> SelectLanguages(store::Db& db, std::string_view service_id) {
  return Texts(db, kSelectLanguages, service_id);
}

Result<void> ReplaceLanguages(store::Db& db, std::string_view service_id, const std::vector<std::string>& codes) {
  auto had = SelectLanguages(db, service_id);
  if (!had) return Fail(had.error());
  if (auto r = Run(db, kDeleteLanguagesExcept, service_id, JsonArray(codes)); !r) return r;
  for (const std::string& code : codes) {
    if (std::find(had->begin(), had->end(), code) != had->end()) continue;
    if (auto r = Run(db, kInsertLanguage, NewUuid(), service_id, OrNull(LanguageName(code)), code); !r) return r;
  }
  return {};
}

Result<std::vector<std::string>> SelectServiceAreas(store::Db& db, std::string_view service_id) {
  return Texts(db, kSelectServiceAreas, service_id, kAreaExtentType);
}

Result<void> ReplaceServiceAreas(store::Db& db, std::string_view service_id, const std::vector<std::string>& codes,
                                 const std::vector<std::string>& names) {
  auto had = SelectServiceAreas(db, service_id);
  if (!had) return Fail(had.error());
  if (auto r = Run(db, kDeleteServiceAreasExcept, service_id, kAreaExtentType, JsonArray(codes)); !r) return r;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (std::find(had->begin(), had->end(), codes[i]) != had->end()) continue;
    if (auto r = Run(db, kInsertServiceArea, NewUuid(), service_id, OrNull(names[i]), codes[i], kAreaExtentType); !r) {
      return r;
    }
  }
  return {};
}

}  // namespace wk::socialmap::sql
