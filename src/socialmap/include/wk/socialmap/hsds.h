// Open Referral HSDS 3.0 in and out (issue 4 section 3, ADR 13): tabular data packages
// (datapackage.json + one CSV per table) and HSDS JSON objects, validated against the HSDS JSON
// Schemas (compiled in from ../shared/data/hsds/3.0/schema/), and the HSDS objects the /hsds/ API
// serves.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include "wk/accounts/principal.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap {

using HsdsProgress = std::function<void(std::int64_t done, std::int64_t total)>;

struct HsdsImportSummary {
  std::string source;  // the package's path (directory or datapackage.json)
  std::int64_t organizations = 0;
  std::int64_t services = 0;
  std::int64_t locations = 0;
  std::int64_t other_rows = 0;        // rows of all other tables, including kept unmodelled ones
  std::vector<std::string> warnings;  // Dutch, e.g. a location without valid coordinates
};

// Imports a tabular data package (a directory holding datapackage.json, or the json file itself)
// or a directory/file of HSDS JSON objects (an organization or service with nested objects, or a
// list page). Order: read every file, convert CSV text to the schema types, validate each row
// against its table's JSON Schema (valijson) plus our format checks (uuid, email, uri, date,
// time), then the references between tables. The first problem fails with kBadInput naming file,
// line (or JSON pointer) and field, and nothing is written. Otherwise ONE transaction: rows with
// an existing id are replaced, new ones added; the search index is rebuilt; one audit entry.
// Needs Action::kManageSocialMap.
Result<HsdsImportSummary> ImportHsds(store::Db& db, const accounts::Principal& who, const std::string& path,
                                     const HsdsProgress& progress = {});

// Only the checks of ImportHsds, nothing written (for `import hsds --check` and tests).
Result<HsdsImportSummary> ValidateHsds(const std::string& path);

struct HsdsExportSummary {
  std::vector<std::string> files;  // written, in datapackage order
  std::int64_t rows = 0;
  std::int64_t key_figures_left_out = 0;  // key figures without consent to publish
};
// Writes datapackage.json and one CSV per table into `dir` (created when missing). Deterministic:
// rows sorted by id, columns in datapackage field order, quoting only where needed, "\n" line
// ends, no BOM; so export -> import -> export is byte-identical. Archived entries and key figures
// without consent to publish are left out. Needs Action::kReadSocialMap.
Result<HsdsExportSummary> ExportHsds(store::Db& db, const accounts::Principal& who, const std::string& dir);

// --- HSDS JSON objects for the /hsds/ API (openapi.json of HSDS 3.0) ---------------------------
// Built in hsds_objects*.cc. Each leaves out archived entries and key figures without consent to
// publish, with their services (kNotFound for them by id, with a Dutch message). Members follow
// the HSDS schemas: empty columns are left out, a value that is not a valid uri or email for the
// schema is left out, a schedule's freq outside the schema's WEEKLY/MONTHLY is rewritten (DAILY
// as WEEKLY on every day) or left out. The change history (metadata) and the unmodelled tables
// kept for export (funding, programs, ...) are not part of the objects.
struct HsdsPage {
  int page = 1;  // 1-based
  int per_page = 50;
};
inline constexpr int kHsdsMaxPerPage = 1000;
// The most search hits /hsds/services pages through: the best ones by Search's ranking, as many
// as one Search call gives.
inline constexpr int kHsdsMaxSearchHits = 200;

Result<nlohmann::json> HsdsServiceJson(store::Db& db, const std::string& id);  // full service
// `full_service`: the organization's services fully nested instead of their own fields only.
Result<nlohmann::json> HsdsOrganizationJson(store::Db& db, const std::string& id, bool full_service = false);
Result<nlohmann::json> HsdsServiceAtLocationJson(store::Db& db, const std::string& id);
// The project's own taxonomies and terms (vocabulary.h) and those stored by an HSDS import.
Result<nlohmann::json> HsdsTaxonomyJson(store::Db& db, const std::string& id);
Result<nlohmann::json> HsdsTaxonomyTermJson(store::Db& db, const std::string& id);

// List pages: {"total_items", "total_pages", "page_number", "size", "first_page", "last_page",
// "empty", "contents": [...]} as the HSDS OpenAPI's Page schema (total_pages 0 when empty). The
// filters arrive parsed by the web layer as a JSON object {name: value}; absent = no condition:
//   organizations:        search (string: part of the name), full, full_service (bool)
//   services:             search (string: Search()'s full text), taxonomy_term_id, taxonomy_id,
//                         organization_id (string), modified_after (ISO 8601 date or UTC date-time),
//                         minimal (bool: id, name, status, last_modified only), full (bool)
//   service_at_locations: as services (but minimal), plus postcode (string: the location's)
//   taxonomies:           search
//   taxonomy_terms:       search, taxonomy_id, parent_id (string), top_only (bool: without parent)
// Errors: kUnavailable/kInternal from the database or Search; none for unknown ids in filters
// (they match nothing).
Result<nlohmann::json> HsdsOrganizationList(store::Db& db, const nlohmann::json& filters, const HsdsPage& page);
Result<nlohmann::json> HsdsServiceList(store::Db& db, const nlohmann::json& filters, const HsdsPage& page);
Result<nlohmann::json> HsdsServiceAtLocationList(store::Db& db, const nlohmann::json& filters, const HsdsPage& page);
Result<nlohmann::json> HsdsTaxonomyList(store::Db& db, const nlohmann::json& filters, const HsdsPage& page);
Result<nlohmann::json> HsdsTaxonomyTermList(store::Db& db, const nlohmann::json& filters, const HsdsPage& page);

}  // namespace wk::socialmap
