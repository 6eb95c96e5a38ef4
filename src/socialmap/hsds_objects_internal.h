// Shared by hsds_objects.cc (objects by id) and hsds_objects_lists.cc (list pages): the builders
// of nested HSDS objects from the rows of hsds_objects_store.h.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include "hsds_objects_store.h"
#include "wk/core/error.h"
#include "wk/socialmap/hsds.h"

namespace wk::socialmap::hsds_objects {

using nlohmann::json;

// Organizations already read while building one answer (a page of services shares a few).
using OrganizationCache = std::map<std::string, json>;

// A service's own fields plus its organization's own fields (as HSDS's service_list).
Result<json> BasicService(store::Db& db, json service, OrganizationCache& cache);
// A service with everything nested (HSDS's compiled service).
Result<json> FullService(store::Db& db, json service, OrganizationCache& cache);
// A location with its addresses, phones, schedules and languages.
Result<json> FullLocation(store::Db& db, json location);
// An organization with contacts, phones, locations, attributes and its services (own fields, or
// fully nested with `full_service`).
Result<json> FullOrganization(store::Db& db, json organization, bool full_service);
// A service_at_location with its service's own fields, its location and its contacts, phones,
// schedules; `full` nests the location completely and the service fully.
Result<json> ServiceAtLocation(store::Db& db, json sal, bool full, OrganizationCache& cache);

// The project taxonomy or term with this id as HSDS JSON, or nullopt.
std::optional<json> ProjectTaxonomy(const std::string& id);
std::optional<json> ProjectTerm(const std::string& id);
// All project taxonomies / terms in file order, and their ids.
std::vector<json> ProjectTaxonomies();
std::vector<json> ProjectTerms();
std::vector<std::string> ProjectTaxonomyIds();
std::vector<std::string> ProjectTermIds();
// A stored or project term with its taxonomy_detail, or nullopt.
Result<std::optional<json>> AnyTerm(store::Db& db, const std::string& id);

// The page object of the HSDS OpenAPI around `contents`.
json Page(std::vector<json> contents, std::int64_t total, const HsdsPage& page);
hsds_sql::PageWindow Window(const HsdsPage& page);

}  // namespace wk::socialmap::hsds_objects
