// Finding services (issue 4 section 2, ADR 13): full text with Dutch stemming (FTS5 over
// SearchText), filters, "near" a point or area, "open at" a time, and a need typed in plain words.
//
// Threading: any thread with its own connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap {

// A local date and time (Europe/Amsterdam wall clock) to test schedules against.
struct LocalTime {
  int year = 0, month = 0, day = 0;  // Gregorian
  int hour = 0, minute = 0;
};
// "2026-12-01T10:30" or "2026-12-01 10:30"; kInvalid otherwise.
Result<LocalTime> ParseLocalTime(std::string_view text);

enum class OpenState { kOpen, kClosed, kUnknown };
// Whether a schedule is open at `t`, for the RFC 5545 subset of ADR 13 (WEEKLY with BYDAY,
// DAILY, MONTHLY with BYDAY ordinals or BYMONTHDAY, INTERVAL with DTSTART, valid_from/valid_to,
// opens_at/closes_at). A schedule outside the subset is kUnknown, never kOpen.
OpenState OpenAt(const Schedule& schedule, const LocalTime& t);

struct SearchQuery {
  std::string text;                        // full text, "" = no text condition
  std::vector<std::string> domains;        // any of (vocabulary codes)
  std::vector<std::string> laws;           // any of
  std::vector<std::string> target_groups;  // any of
  std::vector<std::string> access_routes;  // any of
  std::optional<bool> formal;              // party formal / informal
  std::string area_served;                 // CBS code: serves it (or an ancestor or descendant)
  std::optional<int> age;                  // minimum_age <= age <= maximum_age (missing = no limit)
  std::optional<LocalTime> open_at;        // only services with a schedule open then
  // Near: within `radius_km` of the point, or of the centroid of `near_area` when set.
  std::optional<double> near_lat, near_lon;
  std::string near_area;
  double radius_km = 2.0;
  bool include_archived = false;
  int limit = 20;
  int offset = 0;
};

// Why a result matched, for people ("Woorden: eenzaam", "Doelgroep: Ouderen", "1,2 km").
struct MatchReason {
  std::string kind;   // "tekst", "filter", "gebied", "afstand", "open"
  std::string label;  // Dutch, shown as is
};

struct SearchHit {
  Service service;                    // with locations and schedules
  double score = 0;                   // higher is better (bm25 sign flipped, plus boosts)
  std::optional<double> distance_km;  // to the nearest location when a point/area was given
  std::vector<MatchReason> reasons;
};

struct SearchResult {
  std::vector<SearchHit> hits;
  int total = 0;  // all matches, before limit/offset
};

// Ranking (ADR 13): bm25(socialmap_search, 10, 5, 3, 1, 1); then a service serving the asked area
// before one that is only near; then by distance. Without text: by distance, then name.
Result<SearchResult> Search(store::Db& db, const SearchQuery& query);

// A need typed in plain words ("eenzaam, 75+, Overvecht"): words naming a loaded area become
// area_served (and near_area), an age ("75+", "75 jaar", "18-") the age filter, a law or access-route
// word that vocabulary filter; target-group and domain words stay full text (so a service that only
// describes the need is found too; tagged services match through the index), like the rest.
// `understood` says what each part became ("Overvecht → gebied Wijk 03 Overvecht (wijk)",
// "eenzaam → zoekwoord (ook doelgroep Mensen die zich eenzaam voelen)").
struct ParsedNeed {
  SearchQuery query;
  std::vector<MatchReason> understood;
};
Result<ParsedNeed> ParseNeed(store::Db& db, std::string_view need);

// Keeps the full-text row of a service current; the use cases and imports call it inside their
// transaction after writing a service (or its party's name). Removes the row when the service is
// gone or archived.
Result<void> RefreshSearchIndex(store::Db& db, const std::string& service_id);
// Rebuilds the whole index (after a bulk import).
Result<void> RebuildSearchIndex(store::Db& db);

}  // namespace wk::socialmap
