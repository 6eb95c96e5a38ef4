// HSDS JSON objects by id for the /hsds/ API (hsds.h), and the nested objects the lists share.
// The nesting follows HSDS 3.0's compiled schemas and examples_json/: a child appears under every
// object its foreign keys name (a phone with a service_id and a location_id is in both).
#include <algorithm>

#include "hsds_objects_internal.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap {
namespace hsds_objects {
namespace {

using hsds_sql::Children;

Result<void> Nest(store::Db& db, json& into, std::string_view member, Children which, const std::string& id) {
  auto rows = hsds_sql::SelectChildren(db, which, id);
  if (!rows) return Fail(rows.error());
  into[std::string(member)] = std::move(*rows);
  return {};
}

// HSDS 3.0's schedule.json allows freq WEEKLY or MONTHLY only. DAILY (every day) is the same as
// WEEKLY on all seven days; any other value is left out rather than answered invalid.
json FixSchedule(json s) {
  auto freq = s.find("freq");
  if (freq != s.end() && *freq != "WEEKLY" && *freq != "MONTHLY") {
    const bool every_day = *freq == "DAILY" && s.value("interval", 1) == 1 && !s.contains("byday");
    if (every_day) {
      *freq = "WEEKLY";
      s["byday"] = "MO,TU,WE,TH,FR,SA,SU";
    } else {
      s.erase(freq);
    }
  }
  static const std::vector<std::string> kDays = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  if (auto w = s.find("wkst"); w != s.end() && std::ranges::find(kDays, w->get<std::string>()) == kDays.end()) {
    s.erase(w);
  }
  return s;
}

Result<void> NestSchedules(store::Db& db, json& into, Children which, const std::string& id) {
  auto rows = hsds_sql::SelectChildren(db, which, id);
  if (!rows) return Fail(rows.error());
  json list = json::array();
  for (auto& s : *rows) list.push_back(FixSchedule(std::move(s)));
  into["schedules"] = std::move(list);
  return {};
}

// Contacts with their phones.
Result<void> NestContacts(store::Db& db, json& into, Children which, const std::string& id) {
  auto rows = hsds_sql::SelectChildren(db, which, id);
  if (!rows) return Fail(rows.error());
  for (auto& c : *rows) {
    if (auto r = Nest(db, c, "phones", Children::kPhonesOfContact, c["id"]); !r) return r;
  }
  into["contacts"] = std::move(*rows);
  return {};
}

// Attributes with their taxonomy term (and its taxonomy).
Result<void> NestAttributes(store::Db& db, json& into, const std::string& id) {
  auto rows = hsds_sql::SelectChildren(db, Children::kAttributesOf, id);
  if (!rows) return Fail(rows.error());
  for (auto& a : *rows) {
    if (!a.contains("taxonomy_term_id")) continue;
    auto term = AnyTerm(db, a["taxonomy_term_id"]);
    if (!term) return Fail(term.error());
    if (*term) a["taxonomy_term"] = std::move(**term);
  }
  into["attributes"] = std::move(*rows);
  return {};
}

// The location of a service_at_location: fully nested, or its own fields with its addresses.
Result<void> NestLocation(store::Db& db, json& sal, bool full) {
  if (!sal.contains("location_id")) return {};
  auto location = hsds_sql::SelectLocation(db, sal["location_id"]);
  if (!location) return Fail(location.error());
  if (!*location) return {};
  json& l = **location;
  if (full) {
    auto nested = FullLocation(db, std::move(l));
    if (!nested) return Fail(nested.error());
    sal["location"] = std::move(*nested);
    return {};
  }
  if (auto r = Nest(db, l, "addresses", Children::kAddressesOfLocation, l["id"]); !r) return r;
  sal["location"] = std::move(l);
  return {};
}

Result<void> NestSalChildren(store::Db& db, json& sal) {
  const std::string id = sal["id"];
  if (auto r = NestContacts(db, sal, Children::kContactsOfServiceAtLocation, id); !r) return r;
  if (auto r = Nest(db, sal, "phones", Children::kPhonesOfServiceAtLocation, id); !r) return r;
  if (auto r = NestSchedules(db, sal, Children::kSchedulesOfServiceAtLocation, id); !r) return r;
  return NestAttributes(db, sal, id);
}

Result<json> Organization(store::Db& db, const std::string& id, OrganizationCache& cache) {
  if (auto it = cache.find(id); it != cache.end()) return it->second;
  auto org = hsds_sql::SelectOrganization(db, id);
  if (!org) return Fail(org.error());
  if (!*org) return json(nullptr);
  cache.emplace(id, **org);
  return std::move(**org);
}

json TaxonomyJson(const Taxonomy& t) {
  return {{"id", t.id}, {"name", t.name}, {"description", t.label + ": " + t.description}};
}

json TermJson(const Term& t) {
  json j = {
      {"id", t.id},      {"code", t.code}, {"name", t.name}, {"description", t.description}, {"taxonomy", t.taxonomy},
      {"language", "nl"}};
  for (const auto& tax : Taxonomies()) {
    if (tax.name == t.taxonomy) {
      j["taxonomy_id"] = tax.id;
      j["taxonomy_detail"] = TaxonomyJson(tax);
    }
  }
  return j;
}

std::unexpected<Error> NotFound(std::string_view what, const std::string& id) {
  return Fail(ErrorCode::kNotFound, "Geen " + std::string(what) + " met id '" + id + "'.");
}

}  // namespace

Result<json> BasicService(store::Db& db, json service, OrganizationCache& cache) {
  if (service.contains("organization_id")) {
    auto org = Organization(db, service["organization_id"], cache);
    if (!org) return Fail(org.error());
    if (!org->is_null()) service["organization"] = std::move(*org);
  }
  return service;
}

Result<json> FullService(store::Db& db, json service, OrganizationCache& cache) {
  auto s = BasicService(db, std::move(service), cache);
  if (!s) return s;
  const std::string id = (*s)["id"];
  if (auto r = Nest(db, *s, "phones", Children::kPhonesOfService, id); !r) return Fail(r.error());
  if (auto r = NestSchedules(db, *s, Children::kSchedulesOfService, id); !r) return Fail(r.error());
  if (auto r = Nest(db, *s, "service_areas", Children::kServiceAreasOfService, id); !r) return Fail(r.error());
  if (auto r = Nest(db, *s, "languages", Children::kLanguagesOfService, id); !r) return Fail(r.error());
  if (auto r = NestContacts(db, *s, Children::kContactsOfService, id); !r) return Fail(r.error());
  if (auto r = NestAttributes(db, *s, id); !r) return Fail(r.error());
  auto sals = hsds_sql::SelectChildren(db, Children::kServiceAtLocationsOfService, id);
  if (!sals) return Fail(sals.error());
  json list = json::array();
  for (auto& sal : *sals) {
    if (auto r = NestLocation(db, sal, true); !r) return Fail(r.error());
    if (auto r = NestSalChildren(db, sal); !r) return Fail(r.error());
    list.push_back(std::move(sal));
  }
  (*s)["service_at_locations"] = std::move(list);
  return s;
}

Result<json> FullLocation(store::Db& db, json location) {
  const std::string id = location["id"];
  if (auto r = Nest(db, location, "addresses", Children::kAddressesOfLocation, id); !r) return Fail(r.error());
  if (auto r = Nest(db, location, "phones", Children::kPhonesOfLocation, id); !r) return Fail(r.error());
  if (auto r = NestSchedules(db, location, Children::kSchedulesOfLocation, id); !r) return Fail(r.error());
  if (auto r = Nest(db, location, "languages", Children::kLanguagesOfLocation, id); !r) return Fail(r.error());
  if (auto r = NestAttributes(db, location, id); !r) return Fail(r.error());
  return location;
}

Result<json> FullOrganization(store::Db& db, json org, bool full_service) {
  const std::string id = org["id"];
  if (auto r = NestContacts(db, org, Children::kContactsOfOrganization, id); !r) return Fail(r.error());
  if (auto r = Nest(db, org, "phones", Children::kPhonesOfOrganization, id); !r) return Fail(r.error());
  if (auto r = NestAttributes(db, org, id); !r) return Fail(r.error());
  auto locations = hsds_sql::SelectChildren(db, Children::kLocationsOfOrganization, id);
  if (!locations) return Fail(locations.error());
  json list = json::array();
  for (auto& l : *locations) {
    auto full = FullLocation(db, std::move(l));
    if (!full) return full;
    list.push_back(std::move(*full));
  }
  org["locations"] = std::move(list);
  hsds_sql::ServiceFilter filter;
  filter.organization_id = id;
  auto services = hsds_sql::SelectServices(db, filter, {.limit = -1, .offset = 0});
  if (!services) return Fail(services.error());
  OrganizationCache cache;
  cache.emplace(id, org);
  json out = json::array();
  for (auto& s : *services) {
    if (full_service) {
      auto full = FullService(db, std::move(s), cache);
      if (!full) return full;
      full->erase("organization");  // it is nested in this organization
      out.push_back(std::move(*full));
    } else {
      out.push_back(std::move(s));
    }
  }
  org["services"] = std::move(out);
  return org;
}

Result<json> ServiceAtLocation(store::Db& db, json sal, bool full, OrganizationCache& cache) {
  if (auto r = NestLocation(db, sal, full); !r) return Fail(r.error());
  if (sal.contains("service_id")) {
    auto service = hsds_sql::SelectService(db, sal["service_id"]);
    if (!service) return Fail(service.error());
    if (*service) {
      auto nested = full ? FullService(db, std::move(**service), cache) : json(std::move(**service));
      if (!nested) return nested;
      sal["service"] = std::move(*nested);
    }
  }
  if (full) {
    if (auto r = NestSalChildren(db, sal); !r) return Fail(r.error());
  }
  return sal;
}

std::optional<json> ProjectTaxonomy(const std::string& id) {
  for (const auto& t : Taxonomies()) {
    if (t.id == id) return TaxonomyJson(t);
  }
  return std::nullopt;
}

std::optional<json> ProjectTerm(const std::string& id) {
  const Term* t = FindTermById(id);
  if (t == nullptr) return std::nullopt;
  return TermJson(*t);
}

std::vector<json> ProjectTaxonomies() {
  std::vector<json> out;
  for (const auto& t : Taxonomies()) out.push_back(TaxonomyJson(t));
  return out;
}

std::vector<json> ProjectTerms() {
  std::vector<json> out;
  for (const auto& tax : Taxonomies()) {
    for (const auto& t : Terms(tax.name)) out.push_back(TermJson(t));
  }
  return out;
}

std::vector<std::string> ProjectTaxonomyIds() {
  std::vector<std::string> out;
  for (const auto& t : Taxonomies()) out.push_back(t.id);
  return out;
}

std::vector<std::string> ProjectTermIds() {
  std::vector<std::string> out;
  for (const auto& tax : Taxonomies()) {
    for (const auto& t : Terms(tax.name)) out.push_back(t.id);
  }
  return out;
}

Result<std::optional<json>> AnyTerm(store::Db& db, const std::string& id) {
  if (auto project = ProjectTerm(id)) return project;
  auto term = hsds_sql::SelectTaxonomyTerm(db, id);
  if (!term || !*term) return term;
  json& t = **term;
  if (t.contains("taxonomy_id")) {
    std::optional<json> detail = ProjectTaxonomy(t["taxonomy_id"]);
    if (!detail) {
      auto stored = hsds_sql::SelectTaxonomy(db, t["taxonomy_id"]);
      if (!stored) return Fail(stored.error());
      detail = std::move(*stored);
    }
    if (detail) t["taxonomy_detail"] = std::move(*detail);
  }
  return term;
}

json Page(std::vector<json> contents, std::int64_t total, const HsdsPage& page) {
  const std::int64_t per_page = std::max(1, page.per_page);
  const std::int64_t pages = (total + per_page - 1) / per_page;
  const auto size = static_cast<std::int64_t>(contents.size());
  return {{"total_items", total}, {"total_pages", pages},           {"page_number", page.page},
          {"size", size},         {"first_page", page.page == 1},   {"last_page", page.page >= pages},
          {"empty", size == 0},   {"contents", std::move(contents)}};
}

hsds_sql::PageWindow Window(const HsdsPage& page) {
  const std::int64_t per_page = std::clamp(page.per_page, 1, kHsdsMaxPerPage);
  return {.limit = per_page, .offset = (static_cast<std::int64_t>(std::max(page.page, 1)) - 1) * per_page};
}

}  // namespace hsds_objects

using hsds_objects::json;

Result<json> HsdsServiceJson(store::Db& db, const std::string& id) {
  auto row = hsds_sql::SelectService(db, id);
  if (!row) return Fail(row.error());
  if (!*row) return hsds_objects::NotFound("dienst", id);
  hsds_objects::OrganizationCache cache;
  return hsds_objects::FullService(db, std::move(**row), cache);
}

Result<json> HsdsOrganizationJson(store::Db& db, const std::string& id, bool full_service) {
  auto row = hsds_sql::SelectOrganization(db, id);
  if (!row) return Fail(row.error());
  if (!*row) return hsds_objects::NotFound("organisatie", id);
  return hsds_objects::FullOrganization(db, std::move(**row), full_service);
}

Result<json> HsdsServiceAtLocationJson(store::Db& db, const std::string& id) {
  auto row = hsds_sql::SelectServiceAtLocation(db, id);
  if (!row) return Fail(row.error());
  if (!*row) return hsds_objects::NotFound("dienst op locatie", id);
  hsds_objects::OrganizationCache cache;
  return hsds_objects::ServiceAtLocation(db, std::move(**row), true, cache);
}

Result<json> HsdsTaxonomyJson(store::Db& db, const std::string& id) {
  if (auto project = hsds_objects::ProjectTaxonomy(id)) return std::move(*project);
  auto row = hsds_sql::SelectTaxonomy(db, id);
  if (!row) return Fail(row.error());
  if (!*row) return hsds_objects::NotFound("taxonomie", id);
  return std::move(**row);
}

Result<json> HsdsTaxonomyTermJson(store::Db& db, const std::string& id) {
  auto term = hsds_objects::AnyTerm(db, id);
  if (!term) return Fail(term.error());
  if (!*term) return hsds_objects::NotFound("taxonomieterm", id);
  return std::move(**term);
}

}  // namespace wk::socialmap
