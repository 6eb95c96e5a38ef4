// The SQL of the /hsds/ API's objects (hsds_objects.cc): rows of the HSDS tables of migration 0005
// read as HSDS JSON objects. A row becomes an object with its HSDS columns as members: NULL
// columns are left out (HSDS types them as string or number, never null), REAL columns are
// numbers (whole numbers without ".0"), and a `uri`/`email` value that does not have that
// format is left out, so that every answer validates against the HSDS schemas. Our own columns
// (kind, archived_at, area_code, ...) and `extra` are not members.
//
// Visibility (ADR 13): archived parties and services, and key figures without consent to
// publish (with their services), are never read here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include "wk/store/db.h"

namespace wk::socialmap::hsds_sql {

using nlohmann::json;

// Children of an object by one foreign key, each list sorted by id.
enum class Children {
  kPhonesOfService,
  kPhonesOfOrganization,
  kPhonesOfLocation,
  kPhonesOfContact,
  kPhonesOfServiceAtLocation,
  kContactsOfService,
  kContactsOfOrganization,
  kContactsOfServiceAtLocation,
  kContactsOfLocation,
  kSchedulesOfService,
  kSchedulesOfLocation,
  kSchedulesOfServiceAtLocation,
  kAddressesOfLocation,
  kLanguagesOfService,
  kLanguagesOfLocation,
  kServiceAreasOfService,
  kServiceAtLocationsOfService,
  kAttributesOf,  // by link_id
  kLocationsOfOrganization,
};
Result<std::vector<json>> SelectChildren(store::Db& db, Children which, const std::string& id);

// One visible row by id, or nullopt.
Result<std::optional<json>> SelectOrganization(store::Db& db, const std::string& id);
Result<std::optional<json>> SelectService(store::Db& db, const std::string& id);
Result<std::optional<json>> SelectServiceAtLocation(store::Db& db, const std::string& id);
Result<std::optional<json>> SelectLocation(store::Db& db, const std::string& id);
// Taxonomies and terms stored in the database (imported ones; the project's own are compiled in).
Result<std::optional<json>> SelectTaxonomy(store::Db& db, const std::string& id);
Result<std::optional<json>> SelectTaxonomyTerm(store::Db& db, const std::string& id);

// The filters of the service and service_at_location lists; an unset member is no condition.
struct ServiceFilter {
  std::string organization_id;
  std::optional<std::vector<std::string>> terms;           // has an attribute with one of these terms
  std::optional<std::vector<std::string>> taxonomy_terms;  // the same, for the taxonomy_id filter
  std::string modified_after;                              // last_modified >= this (ISO 8601 text)
  std::optional<std::vector<std::string>> only_ids;        // among these service ids (search hits)
  std::string postal_code;  // service_at_location only: the location's postcode, upper case, no spaces
};
struct PageWindow {
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};
// Visible services matching `filter`, by name then id; and their count.
Result<std::vector<json>> SelectServices(store::Db& db, const ServiceFilter& filter, const PageWindow& window);
Result<std::int64_t> CountServices(store::Db& db, const ServiceFilter& filter);
// The ids of visible services among filter.only_ids that match the other conditions (any order).
Result<std::vector<std::string>> MatchingServiceIds(store::Db& db, const ServiceFilter& filter);
// service_at_location rows of visible services matching `filter`, by id.
Result<std::vector<json>> SelectServiceAtLocations(store::Db& db, const ServiceFilter& filter,
                                                   const PageWindow& window);
Result<std::int64_t> CountServiceAtLocations(store::Db& db, const ServiceFilter& filter);

// Visible organizations whose name or alternate name contains `name_contains` ("" = all), by name.
Result<std::vector<json>> SelectOrganizations(store::Db& db, const std::string& name_contains,
                                              const PageWindow& window);
Result<std::int64_t> CountOrganizations(store::Db& db, const std::string& name_contains);

// Taxonomies and terms in the database, leaving out the ids in `except` (the compiled-in ones).
Result<std::vector<json>> SelectTaxonomies(store::Db& db, const std::vector<std::string>& except,
                                           const std::string& name_contains, const PageWindow& window);
Result<std::int64_t> CountTaxonomies(store::Db& db, const std::vector<std::string>& except,
                                     const std::string& name_contains);
struct TermFilter {
  std::vector<std::string> except;  // ids left out
  std::string taxonomy_id;          // "" = any
  std::string parent_id;            // "" = any
  bool top_only = false;            // without parent
  std::string name_contains;
};
Result<std::vector<json>> SelectTaxonomyTerms(store::Db& db, const TermFilter& filter, const PageWindow& window);
Result<std::int64_t> CountTaxonomyTerms(store::Db& db, const TermFilter& filter);
// The ids of the stored terms of one taxonomy (for the taxonomy_id filter of services).
Result<std::vector<std::string>> TermIdsOfTaxonomy(store::Db& db, const std::string& taxonomy_id);

// Format checks of the HSDS schema formats we emit (as ajv-formats checks them, simplified).
bool LooksLikeEmail(std::string_view s);
bool LooksLikeUri(std::string_view s);

}  // namespace wk::socialmap::hsds_sql
