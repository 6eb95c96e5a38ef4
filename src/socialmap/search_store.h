// The SQL of the social map's search (search.cc, need.cc): the full-text index rows, the
// candidate query with its filters, points near a place, schedules and the services of a page.
// Private to the socialmap module.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::store {
class Db;
}

namespace wk::socialmap::search_sql {

// --- The full-text index (socialmap_search, rowid = socialmap_service.rid) ----------------------
// What the index row of one service is made of. `term_ids` are the taxonomy term ids linked to the
// service (all taxonomies; the caller keeps the target groups).
struct IndexSource {
  std::int64_t rid = 0;
  std::string name, alternate_name, description, eligibility, party_name, party_alternate_name;
  std::vector<std::string> term_ids;
  bool archived = false;  // the service or its party
};
// nullopt when no service has the id.
Result<std::optional<IndexSource>> ReadIndexSource(store::Db& db, const std::string& service_id);
// Calls `each` for every service that is not archived (nor its party), in one pass.
Result<void> ForEachIndexSource(store::Db& db, const std::function<Result<void>(const IndexSource&)>& each);

struct IndexRow {
  std::string name, alternate_name, target_groups, description, party_name;  // stemmed (SearchText)
  std::int64_t terms = 0;  // the service's filter terms (FilterBits), kept in socialmap_search_terms
};
// Replaces the row (delete, then insert); InsertIndexRow when there is none yet. Both copy the
// words to the service's points (socialmap_service_point), unless `points` is kLater: a bulk
// rebuild inserts all rows first and then calls CopyWordsToAllPoints once, which rewrites the
// points table in its own order instead of at random places per row (in one large transaction
// the random rewrites grew the write-ahead log until every page lookup slowed down).
enum class PointWords { kCopy, kLater };
Result<void> WriteIndexRow(store::Db& db, std::int64_t rid, const IndexRow& row);
Result<void> InsertIndexRow(store::Db& db, std::int64_t rid, const IndexRow& row,
                            PointWords points = PointWords::kCopy);
Result<void> CopyWordsToAllPoints(store::Db& db);
Result<void> DeleteIndexRow(store::Db& db, std::int64_t rid);
// Removes the rows whose service no longer exists.
Result<void> DeleteOrphanIndexRows(store::Db& db);
Result<void> DeleteAllIndexRows(store::Db& db);
// A savepoint around a bulk write: a transaction of its own when the caller has none, nested in
// the caller's otherwise.
Result<void> BeginSavepoint(store::Db& db);
Result<void> ReleaseSavepoint(store::Db& db);
void RollbackSavepoint(store::Db& db);

// --- Candidates ---------------------------------------------------------------------------------
// The conditions the SQL evaluates. Lists are "any of"; an empty list or nullopt is no condition.
struct CandidateSpec {
  std::string match;  // FTS5 MATCH expression, "" = no text condition
  std::vector<std::string> domain_terms, law_terms, group_terms, access_terms;  // taxonomy term ids
  std::optional<bool> formal;
  // Serves an area: a service_area extent in `served_extents` or a location whose buurt is in
  // `served_location_areas`. As a filter (served_*) and as the boost flag (boost_*).
  std::vector<std::string> served_extents, served_location_areas;
  std::vector<std::string> boost_extents, boost_location_areas;
  std::optional<int> age;
  // Only these services (the ones near a point), used as the driver when there is no text.
  std::optional<std::vector<std::int64_t>> only_rids;
  bool include_archived = false;
};
struct Candidate {
  std::int64_t rid = 0;
  double relevance = 0;  // -bm25, 0 without text
  bool serves = false;   // serves the asked area (boost)
  std::string name;
};
Result<std::vector<Candidate>> SelectCandidates(store::Db& db, const CandidateSpec& spec);
// Whether `spec` asks the SQL anything besides words and the services to look at: a filter, or
// the serves flag of the area boost.
bool HasConditions(const CandidateSpec& spec);

// A circle on the earth: the centre (WGS84) and the radius in km.
struct Circle {
  double lat = 0, lon = 0, radius_km = 0;
};
// The great-circle distance in km between two WGS84 points (haversine, the earth's mean radius):
// the measure the cells of a circle are cut with, and the one the search keeps points by.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// A point near a circle with its service's index row: the stemmed columns (name,
// alternate_name, target_groups, description, party_name) and their length in tokens.
struct NearRowView {
  std::int64_t rid = 0;  // the service's
  double lat = 0, lon = 0;
  std::int64_t tokens = 0;
  std::array<std::string_view, 5> columns;
};
// What the scan tests on the points (migration 0007) before it hands a row over: per list of
// vocabulary terms the FilterBits of its terms, of which the service must have one (0 for no
// filter), and the stems of which the words must hold one (HasAnyStem's form; "" for any row).
struct PointFilter {
  std::int64_t domains = 0, laws = 0, target_groups = 0, access_routes = 0;
  std::string stems;
};
// Near a point with words: calls `each` once per point in the cells the circle touches
// (socialmap_service_point, one per service and location, migration 0006; a few more than the
// circle: the caller keeps those within the radius) whose service has an index row and passes
// `filter`. The other filters are the caller's: it matches the words first and asks SQL about the
// few services that have them (SelectCandidates with only_rids). A service offered at several
// points comes once per point. The views are valid during the call only.
Result<void> ForEachIndexedPointNear(store::Db& db, const Circle& circle, const PointFilter& filter,
                                     const std::function<void(const NearRowView&)>& each);

// A point of a location where a service is offered.
struct ServicePoint {
  std::int64_t rid = 0;  // the service's
  double lat = 0, lon = 0;
};
// The points of any service in the cells the circle touches (socialmap_service_point; a few more
// than the circle).
Result<std::vector<ServicePoint>> PointsNear(store::Db& db, const Circle& circle);
// Points of the given services.
Result<std::vector<ServicePoint>> PointsOfServices(store::Db& db, const std::vector<std::int64_t>& rids);

// A schedule of a service (directly or through a service_at_location). `outside_subset` when it
// uses RRULE parts the Schedule struct does not carry (until, count, byweekno, byyearday, a week
// start other than Monday with an interval): such a schedule is never "open".
struct ServiceSchedule {
  std::int64_t rid = 0;
  Schedule schedule;
  bool outside_subset = false;
};
Result<std::vector<ServiceSchedule>> SchedulesOfServices(store::Db& db, const std::vector<std::int64_t>& rids);

// The stemmed index text of the given services (all columns joined by spaces), for the reasons.
Result<std::vector<std::pair<std::int64_t, std::string>>> IndexedText(store::Db& db,
                                                                      const std::vector<std::int64_t>& rids);

// The number of index rows that match an FTS5 expression.
Result<std::int64_t> CountMatches(store::Db& db, const std::string& match);
// The index's row count and its token count over all columns (as FTS5's bm25() reads them).
struct IndexTotals {
  std::int64_t rows = 0, tokens = 0;
};
Result<IndexTotals> ReadIndexTotals(store::Db& db);

// The services of a result page, one per rid in the order of `rids` (nullopt for an unknown rid),
// with party name, vocabulary codes, areas served, languages, locations (address and point),
// schedules and phones.
Result<std::vector<std::optional<Service>>> ReadServices(store::Db& db, const std::vector<std::int64_t>& rids);

}  // namespace wk::socialmap::search_sql
