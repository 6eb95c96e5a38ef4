// All SQL of the search. The candidate query is assembled from the fixed fragments below (one per
// condition that is present), each with its own fixed parameter number, so every combination is
// one cached statement and every value is bound, never spliced into the SQL.
#include "search_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>
#include <unordered_map>

#include "wk/core/text.h"
#include "wk/socialmap/search_text.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/db.h"

namespace wk::socialmap::search_sql {
namespace {

// --- Index ---
constexpr std::string_view kSelectIndexSource =
    "SELECT s.rid, s.name, COALESCE(s.alternate_name, ''), s.description, COALESCE(s.eligibility_description, ''), "
    "COALESCE(p.name, ''), COALESCE(p.alternate_name, ''), "
    "(SELECT group_concat(a.taxonomy_term_id, ',') FROM socialmap_attribute a WHERE a.link_id = s.id), "
    "s.archived_at IS NOT NULL OR p.archived_at IS NOT NULL "
    "FROM socialmap_service s LEFT JOIN socialmap_party p ON p.id = s.organization_id WHERE s.id = ?1";
constexpr std::string_view kSelectAllIndexSources =
    "SELECT s.rid, s.name, COALESCE(s.alternate_name, ''), s.description, COALESCE(s.eligibility_description, ''), "
    "COALESCE(p.name, ''), COALESCE(p.alternate_name, ''), "
    "(SELECT group_concat(a.taxonomy_term_id, ',') FROM socialmap_attribute a WHERE a.link_id = s.id), 0 "
    "FROM socialmap_service s LEFT JOIN socialmap_party p ON p.id = s.organization_id "
    "WHERE s.archived_at IS NULL AND p.archived_at IS NULL ORDER BY s.rid";
constexpr std::string_view kDeleteIndexRow = "DELETE FROM socialmap_search WHERE rowid = ?1";
// A row's filter terms beside it (migration 0007).
constexpr std::string_view kDeleteIndexTerms = "DELETE FROM socialmap_search_terms WHERE rid = ?1";
constexpr std::string_view kInsertIndexTerms =
    "INSERT OR REPLACE INTO socialmap_search_terms(rid, terms) VALUES (?1, ?2)";
constexpr std::string_view kInsertIndexRow =
    "INSERT INTO socialmap_search(rowid, name, alternate_name, target_groups, description, party_name) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr std::string_view kDeleteOrphanIndexRows =
    "DELETE FROM socialmap_search WHERE rowid NOT IN (SELECT rid FROM socialmap_service); "
    "DELETE FROM socialmap_search_terms WHERE rid NOT IN (SELECT rid FROM socialmap_service)";
constexpr std::string_view kDeleteAllIndexRows = "DELETE FROM socialmap_search; DELETE FROM socialmap_search_terms";

// --- Candidates: SELECT rid, relevance, serves, name ---
constexpr std::string_view kFtsOnly =
    "SELECT rowid, -bm25(socialmap_search, 10.0, 5.0, 3.0, 1.0, 1.0), 0, '' FROM socialmap_search "
    "WHERE socialmap_search MATCH ?1";
constexpr std::string_view kSelectRelevance = "SELECT s.rid, -bm25(socialmap_search, 10.0, 5.0, 3.0, 1.0, 1.0), ";
constexpr std::string_view kSelectNoRelevance = "SELECT s.rid, 0.0, ";
constexpr std::string_view kServesAlways = "1, ";
constexpr std::string_view kServesNever = "0, ";
// The boost flag: serves the asked area (?9 extents: the area, its ancestors and descendants;
// ?10 buurten: the area and its descendants, where a location may lie).
constexpr std::string_view kServesBoost =
    "s.id IN (SELECT sa.service_id FROM socialmap_service_area sa WHERE sa.extent_type = 'wijkkompas-gebied' "
    "AND sa.extent IN (SELECT value FROM json_each(?9)) UNION SELECT sal.service_id FROM socialmap_location l "
    "JOIN socialmap_service_at_location sal ON sal.location_id = l.id "
    "WHERE l.area_code IN (SELECT value FROM json_each(?10))), ";
constexpr std::string_view kFromText =
    "s.name FROM socialmap_search CROSS JOIN socialmap_service s ON s.rid = socialmap_search.rowid "
    "WHERE socialmap_search MATCH ?1";
constexpr std::string_view kFromRids =
    "s.name FROM json_each(?12) j CROSS JOIN socialmap_service s ON s.rid = j.value WHERE 1";
// The points near a circle: one range of grid cells per band of latitude (?1, a JSON array of
// [first cell, last cell]; see CellsOf), then the circle's box (?2 min lat, ?3 max lat, ?4 min
// lon, ?5 max lon). socialmap_service_point is clustered on the cell, so these are consecutive
// rows with the services' index rows in them (migration 0006 says why). With words, the filter
// terms asked (?6 domains, ?7 laws, ?8 target groups, ?9 access routes: bit masks, 0 = no
// filter; migration 0007) are tested on the row, and the words for one of the stems (?10, "" for
// none; wk_has_any_stem is HasAnyStem), so only rows that can be a hit are handed over: handing
// over a row costs more than testing it.
#define WK_POINTS_IN_BOX                                       \
  "FROM json_each(?1) b CROSS JOIN socialmap_service_point p " \
  "ON p.cell BETWEEN b.value ->> 0 AND b.value ->> 1 "         \
  "WHERE p.latitude BETWEEN ?2 AND ?3 AND p.longitude BETWEEN ?4 AND ?5"
constexpr std::string_view kIndexedPointsInBox =
    "SELECT p.service_rid, p.latitude, p.longitude, p.tokens, p.words " WK_POINTS_IN_BOX
    " AND p.words IS NOT NULL AND (?6 = 0 OR p.terms & ?6 <> 0) AND (?7 = 0 OR p.terms & ?7 <> 0) "
    "AND (?8 = 0 OR p.terms & ?8 <> 0) AND (?9 = 0 OR p.terms & ?9 <> 0) "
    "AND (?10 = '' OR wk_has_any_stem(p.words, ?10))";
constexpr std::string_view kPointsInBox = "SELECT p.service_rid, p.latitude, p.longitude " WK_POINTS_IN_BOX;
#undef WK_POINTS_IN_BOX
// The words of a service's points follow its index row (migration 0006, socialmap_search_words).
constexpr std::string_view kSetPointWords =
    "UPDATE socialmap_service_point SET (words, tokens, terms) = (SELECT words, tokens, terms "
    "FROM socialmap_search_words WHERE rid = ?1) WHERE service_rid = ?1";
constexpr std::string_view kSetAllPointWords =
    "UPDATE socialmap_service_point SET (words, tokens, terms) = (SELECT words, tokens, terms "
    "FROM socialmap_search_words WHERE rid = service_rid)";
constexpr std::string_view kClearPointWords =
    "UPDATE socialmap_service_point SET words = NULL, tokens = NULL, terms = NULL WHERE service_rid = ?1";
constexpr std::string_view kClearAllPointWords =
    "UPDATE socialmap_service_point SET words = NULL, tokens = NULL, terms = NULL WHERE words IS NOT NULL";
constexpr std::string_view kFromAll = "s.name FROM socialmap_service s WHERE 1";
constexpr std::string_view kServiceNotArchived = " AND s.archived_at IS NULL";
constexpr std::string_view kNotArchived =
    " AND s.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM socialmap_party p "
    "WHERE p.id = s.organization_id AND p.archived_at IS NOT NULL)";
// Any of the taxonomy terms (?2 domains, ?3 laws, ?4 target groups, ?5 access routes).
// Per row through the link index (EXISTS), not as one list of every service with the term: a
// common term (Wmo) links tens of thousands of services, and building that list each time cost
// more than the rest of a search near a point.
#define WK_TERM_FILTER(n)                                                                              \
  " AND EXISTS (SELECT 1 FROM socialmap_attribute a WHERE a.link_id = s.id AND a.taxonomy_term_id IN " \
  "(SELECT value FROM json_each(?" #n ")))"
constexpr std::string_view kDomains = WK_TERM_FILTER(2);
constexpr std::string_view kLaws = WK_TERM_FILTER(3);
constexpr std::string_view kGroups = WK_TERM_FILTER(4);
constexpr std::string_view kAccess = WK_TERM_FILTER(5);
#undef WK_TERM_FILTER
constexpr std::string_view kFormal =
    " AND s.organization_id IN (SELECT p.id FROM socialmap_party p WHERE p.formal = ?6)";
constexpr std::string_view kServed =
    " AND s.id IN (SELECT sa.service_id FROM socialmap_service_area sa WHERE sa.extent_type = 'wijkkompas-gebied' "
    "AND sa.extent IN (SELECT value FROM json_each(?7)) UNION SELECT sal.service_id FROM socialmap_location l "
    "JOIN socialmap_service_at_location sal ON sal.location_id = l.id "
    "WHERE l.area_code IN (SELECT value FROM json_each(?8)))";
constexpr std::string_view kAge =
    " AND (s.minimum_age IS NULL OR s.minimum_age <= ?11) AND (s.maximum_age IS NULL OR s.maximum_age >= ?11)";

// --- Points, schedules, index text ---
constexpr std::string_view kPointsOfServices =
    "SELECT s.rid, l.latitude, l.longitude FROM json_each(?1) j "
    "CROSS JOIN socialmap_service s ON s.rid = j.value "
    "JOIN socialmap_service_at_location sal ON sal.service_id = s.id "
    "JOIN socialmap_location l ON l.id = sal.location_id "
    "WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL";
#define WK_SCHEDULE_COLUMNS                                                                               \
  "sch.id, COALESCE(sch.freq, ''), sch.interval, COALESCE(sch.byday, ''), COALESCE(sch.bymonthday, ''), " \
  "COALESCE(sch.opens_at, ''), COALESCE(sch.closes_at, ''), COALESCE(sch.valid_from, ''), "               \
  "COALESCE(sch.valid_to, ''), COALESCE(sch.dtstart, ''), COALESCE(sch.description, ''), "                \
  "COALESCE(sch.until, '') <> '' OR sch.count IS NOT NULL OR COALESCE(sch.byweekno, '') <> '' "           \
  "OR COALESCE(sch.byyearday, '') <> '' OR COALESCE(sch.wkst, 'MO') NOT IN ('MO', ''), "
// A service's schedules: its own (service_id) and those of its service_at_location rows.
constexpr std::string_view kSchedulesOfServices =
    "SELECT s.rid, " WK_SCHEDULE_COLUMNS
    "COALESCE(sch.location_id, '') FROM json_each(?1) j CROSS JOIN socialmap_service s ON s.rid = j.value "
    "JOIN socialmap_schedule sch ON sch.service_id = s.id "
    "UNION ALL SELECT s.rid, " WK_SCHEDULE_COLUMNS
    "sal.location_id FROM json_each(?1) j CROSS JOIN socialmap_service s ON s.rid = j.value "
    "JOIN socialmap_service_at_location sal ON sal.service_id = s.id "
    "JOIN socialmap_schedule sch ON sch.service_at_location_id = sal.id AND sch.service_id IS NULL "
    "ORDER BY 1, 2";
#undef WK_SCHEDULE_COLUMNS
constexpr std::string_view kCountMatches = "SELECT count(*) FROM socialmap_search WHERE socialmap_search MATCH ?1";
// FTS5's own totals (its "averages" record, id 1 of the %_data table: varints of the row count,
// then of the token count per column), the numbers its bm25() reads.
constexpr std::string_view kIndexTotals = "SELECT block FROM socialmap_search_data WHERE id = 1";
constexpr std::string_view kIndexedText =
    "SELECT rid, name || ' ' || alternate_name || ' ' || target_groups || ' ' || description || ' ' || "
    "party_name FROM socialmap_search_words WHERE rid IN (SELECT value FROM json_each(?1))";

// --- Services of a page ---
constexpr std::string_view kServicesByRid =
    "SELECT s.rid, s.id, s.organization_id, COALESCE(p.name, ''), s.name, COALESCE(s.alternate_name, ''), "
    "s.description, COALESCE(s.eligibility_description, ''), s.minimum_age, s.maximum_age, "
    "COALESCE(s.fees_description, ''), COALESCE(s.application_process, ''), COALESCE(s.wait_time, ''), "
    "COALESCE(s.url, ''), COALESCE(s.email, ''), s.status, s.source, COALESCE(s.assured_date, ''), "
    "COALESCE(s.assurer_email, ''), s.archived_at IS NOT NULL, s.created_at, s.updated_at "
    "FROM json_each(?1) j CROSS JOIN socialmap_service s ON s.rid = j.value "
    "LEFT JOIN socialmap_party p ON p.id = s.organization_id";
constexpr std::string_view kTermsOfServices =
    "SELECT s.rid, a.taxonomy_term_id FROM json_each(?1) j CROSS JOIN socialmap_service s ON s.rid = j.value "
    "JOIN socialmap_attribute a ON a.link_id = s.id ORDER BY a.rid";
constexpr std::string_view kAreasOfServices =
    "SELECT s.rid, sa.extent FROM json_each(?1) j CROSS JOIN socialmap_service s ON s.rid = j.value "
    "JOIN socialmap_service_area sa ON sa.service_id = s.id "
    "WHERE sa.extent_type = 'wijkkompas-gebied' ORDER BY sa.rid";
constexpr std::string_view kLanguagesOfServices =
    "SELECT s.rid, lg.code FROM json_each(?1) j CROSS JOIN socialmap_service s ON s.rid = j.value "
    "JOIN socialmap_language lg ON lg.service_id = s.id WHERE COALESCE(lg.code, '') <> '' ORDER BY lg.rid";
// One address per location: the physical one first.
constexpr std::string_view kLocationsOfServices =
    "SELECT s.rid, l.id, COALESCE(l.name, ''), COALESCE(ad.address_1, ''), COALESCE(ad.postal_code, ''), "
    "COALESCE(ad.city, ''), l.latitude, l.longitude, COALESCE(l.area_code, ''), COALESCE(l.transportation, '') "
    "FROM json_each(?1) j CROSS JOIN socialmap_service s ON s.rid = j.value "
    "JOIN socialmap_service_at_location sal ON sal.service_id = s.id "
    "JOIN socialmap_location l ON l.id = sal.location_id "
    "LEFT JOIN socialmap_address ad ON ad.rid = (SELECT a2.rid FROM socialmap_address a2 "
    "WHERE a2.location_id = l.id ORDER BY a2.address_type <> 'physical', a2.rid LIMIT 1) ORDER BY sal.rid";
constexpr std::string_view kPhonesOfServices =
    "SELECT s.rid, ph.id, ph.number, COALESCE(ph.description, '') FROM json_each(?1) j "
    "CROSS JOIN socialmap_service s ON s.rid = j.value JOIN socialmap_phone ph ON ph.service_id = s.id "
    "ORDER BY ph.rid";

std::string JsonList(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}
std::string JsonList(const std::vector<std::int64_t>& values) {
  return nlohmann::json(values).dump();
}

IndexSource ReadSource(const store::Statement& st) {
  IndexSource src;
  src.rid = st.Int(0);
  src.name = st.Text(1);
  src.alternate_name = st.Text(2);
  src.description = st.Text(3);
  src.eligibility = st.Text(4);
  src.party_name = st.Text(5);
  src.party_alternate_name = st.Text(6);
  for (const auto& id : text::Split(st.Text(7), ',')) {
    if (!id.empty()) src.term_ids.push_back(id);
  }
  src.archived = st.Int(8) != 0;
  return src;
}

// Runs a statement that returns (service rid, ...) rows and calls `row` for each.
template <class F>
Result<void> EachRow(store::Db& db, std::string_view sql, const std::string& json_rids, F&& row) {
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  st->Bind(1, json_rids);
  for (;;) {
    auto more = st->Step();
    if (!more) return Fail(more.error());
    if (!*more) return {};
    row(*st);
  }
}

std::string TodayMinusMonths(int months) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  int y = tm.tm_year + 1900, m = tm.tm_mon + 1 - months;
  while (m < 1) m += 12, --y;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, tm.tm_mday);
  return buf;
}

}  // namespace

Result<std::optional<IndexSource>> ReadIndexSource(store::Db& db, const std::string& service_id) {
  auto st = db.Prepare(kSelectIndexSource);
  if (!st) return Fail(st.error());
  st->Bind(1, service_id);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  if (!*row) return std::optional<IndexSource>();
  return std::optional<IndexSource>(ReadSource(*st));
}

Result<void> ForEachIndexSource(store::Db& db, const std::function<Result<void>(const IndexSource&)>& each) {
  auto st = db.Prepare(kSelectAllIndexSources);
  if (!st) return Fail(st.error());
  for (;;) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return {};
    if (auto done = each(ReadSource(*st)); !done) return done;
  }
}

Result<void> WriteIndexRow(store::Db& db, std::int64_t rid, const IndexRow& row) {
  if (auto gone = DeleteIndexRow(db, rid); !gone) return gone;
  return InsertIndexRow(db, rid, row);
}

Result<void> InsertIndexRow(store::Db& db, std::int64_t rid, const IndexRow& row, PointWords points_too) {
  auto st = db.Prepare(kInsertIndexRow);
  if (!st) return Fail(st.error());
  auto done = st->BindAll(rid, row.name, row.alternate_name, row.target_groups, row.description, row.party_name).Run();
  if (!done) return done;
  auto terms = db.Prepare(kInsertIndexTerms);
  if (!terms) return Fail(terms.error());
  if (auto written = terms->BindAll(rid, row.terms).Run(); !written || points_too == PointWords::kLater) {
    return written;
  }
  auto points = db.Prepare(kSetPointWords);
  if (!points) return Fail(points.error());
  return points->Bind(1, rid).Run();
}

Result<void> CopyWordsToAllPoints(store::Db& db) {
  return db.Exec(kSetAllPointWords);
}

Result<void> DeleteIndexRow(store::Db& db, std::int64_t rid) {
  auto st = db.Prepare(kDeleteIndexRow);
  if (!st) return Fail(st.error());
  if (auto done = st->Bind(1, rid).Run(); !done) return done;
  auto terms = db.Prepare(kDeleteIndexTerms);
  if (!terms) return Fail(terms.error());
  if (auto done = terms->Bind(1, rid).Run(); !done) return done;
  auto points = db.Prepare(kClearPointWords);
  if (!points) return Fail(points.error());
  return points->Bind(1, rid).Run();
}

Result<void> DeleteOrphanIndexRows(store::Db& db) {
  return db.Exec(kDeleteOrphanIndexRows);
}

Result<void> DeleteAllIndexRows(store::Db& db) {
  if (auto done = db.Exec(kDeleteAllIndexRows); !done) return done;
  return db.Exec(kClearAllPointWords);
}

Result<void> BeginSavepoint(store::Db& db) {
  return db.Exec("SAVEPOINT socialmap_search_index");
}
Result<void> ReleaseSavepoint(store::Db& db) {
  return db.Exec("RELEASE socialmap_search_index");
}
void RollbackSavepoint(store::Db& db) {
  (void)db.Exec("ROLLBACK TO socialmap_search_index");
  (void)db.Exec("RELEASE socialmap_search_index");
}

namespace {

// The serves flag (the boost) as a selected column.
void AppendServes(std::string& sql, const CandidateSpec& spec) {
  if (!spec.served_extents.empty()) {
    sql += kServesAlways;  // the asked area is the one filtered on
  } else if (!spec.boost_extents.empty()) {
    sql += kServesBoost;
  } else {
    sql += kServesNever;
  }
}

// The filter conditions of `spec` on `s` (a socialmap_service row), after a WHERE clause.
void AppendFilters(std::string& sql, const CandidateSpec& spec) {
  if (!spec.domain_terms.empty()) sql += kDomains;
  if (!spec.law_terms.empty()) sql += kLaws;
  if (!spec.group_terms.empty()) sql += kGroups;
  if (!spec.access_terms.empty()) sql += kAccess;
  if (spec.formal) sql += kFormal;
  if (!spec.served_extents.empty()) sql += kServed;
  if (spec.age) sql += kAge;
}

void BindFilters(store::Statement& st, const CandidateSpec& spec) {
  if (!spec.domain_terms.empty()) st.Bind(2, JsonList(spec.domain_terms));
  if (!spec.law_terms.empty()) st.Bind(3, JsonList(spec.law_terms));
  if (!spec.group_terms.empty()) st.Bind(4, JsonList(spec.group_terms));
  if (!spec.access_terms.empty()) st.Bind(5, JsonList(spec.access_terms));
  if (spec.formal) st.Bind(6, *spec.formal ? 1 : 0);
  if (!spec.served_extents.empty()) {
    st.Bind(7, JsonList(spec.served_extents)).Bind(8, JsonList(spec.served_location_areas));
  } else if (!spec.boost_extents.empty()) {
    st.Bind(9, JsonList(spec.boost_extents)).Bind(10, JsonList(spec.boost_location_areas));
  }
  if (spec.age) st.Bind(11, *spec.age);
}

}  // namespace

bool HasConditions(const CandidateSpec& spec) {
  return !spec.domain_terms.empty() || !spec.law_terms.empty() || !spec.group_terms.empty() ||
         !spec.access_terms.empty() || spec.formal.has_value() || !spec.served_extents.empty() ||
         !spec.boost_extents.empty() || spec.age.has_value();
}

Result<std::vector<Candidate>> SelectCandidates(store::Db& db, const CandidateSpec& spec) {
  const bool text = !spec.match.empty();
  const bool filtered = HasConditions(spec) || spec.only_rids.has_value();
  std::string sql;
  if (text && !filtered && !spec.include_archived) {
    // Only words: the index holds no archived service, so the full-text table alone answers.
    sql = kFtsOnly;
  } else {
    sql = text ? kSelectRelevance : kSelectNoRelevance;
    AppendServes(sql, spec);
    sql += text ? kFromText : spec.only_rids ? kFromRids : kFromAll;
    if (!spec.include_archived) sql += text ? kServiceNotArchived : kNotArchived;
    AppendFilters(sql, spec);
  }
  auto st = db.Prepare(sql);
  if (!st) return Fail(st.error());
  if (text) st->Bind(1, spec.match);
  BindFilters(*st, spec);
  if (!text && spec.only_rids) st->Bind(12, JsonList(*spec.only_rids));
  std::vector<Candidate> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    out.push_back(Candidate{st->Int(0), st->Double(1), st->Int(2) != 0, st->Text(3)});
  }
  return out;
}

namespace {

constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kCell = 0.01;  // degrees; the grid of socialmap_service_point (migration 0006)

double Haversine(double radians) {
  const double s = std::sin(radians / 2);
  return s * s;
}

// What the statements of a circle bind: the ranges of cells (a JSON array of [first, last], one
// per band of latitude that the circle touches) and the box around the circle. Cells are numbered
// band * 36001 + column from the south-west, with the same arithmetic as the migration's SQL, so
// a point in a range's cells is found. Per band the columns span the circle's width at the
// band's latitude nearest the centre (from the haversine formula), with a margin of 1% and one
// cell, so no point within the radius is left out; a 10 km circle reads about a fifth fewer rows
// than its box.
struct CircleCells {
  std::string ranges;
  double min_lat = 0, max_lat = 0, min_lon = 0, max_lon = 0;
};

CircleCells CellsOf(const Circle& c) {
  constexpr double kRad = std::numbers::pi / 180;
  const double radius = c.radius_km * 1.01;
  const double dlat = radius / kEarthRadiusKm / kRad;
  const double dlon = dlat / std::max(0.01, std::cos(c.lat * kRad));
  CircleCells out{"[", std::max(-90.0, c.lat - dlat), std::min(90.0, c.lat + dlat), std::max(-180.0, c.lon - dlon),
                  std::min(180.0, c.lon + dlon)};
  auto index = [](double v, double offset) {
    return static_cast<std::int64_t>(std::floor((std::clamp(v, -offset, offset) + offset) / kCell));
  };
  const double reach = Haversine(radius / kEarthRadiusKm);
  for (std::int64_t band = index(out.min_lat, 90); band <= index(out.max_lat, 90); ++band) {
    const double south = static_cast<double>(band) * kCell - 90;
    const double nearest = std::clamp(c.lat, south, south + kCell);
    const double across = std::cos(c.lat * kRad) * std::cos(nearest * kRad);
    const double x = across > 0 ? (reach - Haversine((nearest - c.lat) * kRad)) / across : 1;
    if (x < 0) continue;  // the band lies outside the circle
    const double half = x >= 1 ? 180 : 2 * std::asin(std::sqrt(x)) / kRad * 1.01 + kCell;
    const std::int64_t first = index(std::max(out.min_lon, c.lon - half), 180);
    const std::int64_t last = index(std::min(out.max_lon, c.lon + half), 180);
    if (out.ranges.size() > 1) out.ranges += ',';
    out.ranges += '[' + std::to_string(band * 36001 + first) + ',' + std::to_string(band * 36001 + last) + ']';
  }
  out.ranges += ']';
  return out;
}

void BindCells(store::Statement& st, const CircleCells& cells) {
  st.Bind(1, cells.ranges);
  st.Bind(2, cells.min_lat).Bind(3, cells.max_lat).Bind(4, cells.min_lon).Bind(5, cells.max_lon);
}

}  // namespace

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = std::numbers::pi / 180;
  const double a =
      Haversine((lat2 - lat1) * kRad) + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * Haversine((lon2 - lon1) * kRad);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

Result<void> ForEachIndexedPointNear(store::Db& db, const Circle& circle, const PointFilter& filter,
                                     const std::function<void(const NearRowView&)>& each) {
  if (auto defined = db.DefineTextTest("wk_has_any_stem", &HasAnyStem); !defined) return defined;
  auto st = db.Prepare(kIndexedPointsInBox);
  if (!st) return Fail(st.error());
  BindCells(*st, CellsOf(circle));
  st->Bind(6, filter.domains).Bind(7, filter.laws).Bind(8, filter.target_groups).Bind(9, filter.access_routes);
  st->Bind(10, filter.stems);
  NearRowView row;
  for (;;) {
    auto more = st->Step();
    if (!more) return Fail(more.error());
    if (!*more) return {};
    row.rid = st->Int(0);
    row.lat = st->Double(1);
    row.lon = st->Double(2);
    row.tokens = st->Int(3);
    // The five index columns, joined by line feeds (migration 0006).
    std::string_view words = st->TextView(4);
    for (std::size_t i = 0; i < row.columns.size(); ++i) {
      const std::size_t end = i + 1 < row.columns.size() ? std::min(words.find('\n'), words.size()) : words.size();
      row.columns[i] = words.substr(0, end);
      words.remove_prefix(std::min(words.size(), end + 1));
    }
    each(row);
  }
}

Result<std::vector<ServicePoint>> PointsNear(store::Db& db, const Circle& circle) {
  auto st = db.Prepare(kPointsInBox);
  if (!st) return Fail(st.error());
  BindCells(*st, CellsOf(circle));
  std::vector<ServicePoint> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return Fail(row.error());
    if (!*row) return out;
    out.push_back({st->Int(0), st->Double(1), st->Double(2)});
  }
}

Result<std::vector<ServicePoint>> PointsOfServices(store::Db& db, const std::vector<std::int64_t>& rids) {
  std::vector<ServicePoint> out;
  auto done = EachRow(db, kPointsOfServices, JsonList(rids), [&](const store::Statement& st) {
    out.push_back({st.Int(0), st.Double(1), st.Double(2)});
  });
  if (!done) return Fail(done.error());
  return out;
}

Result<std::vector<ServiceSchedule>> SchedulesOfServices(store::Db& db, const std::vector<std::int64_t>& rids) {
  std::vector<ServiceSchedule> out;
  auto done = EachRow(db, kSchedulesOfServices, JsonList(rids), [&](const store::Statement& st) {
    ServiceSchedule row;
    row.rid = st.Int(0);
    Schedule& s = row.schedule;
    s.id = st.Text(1);
    s.freq = st.Text(2);
    if (auto interval = st.OptDouble(3)) {
      s.interval = static_cast<int>(*interval);
      if (s.interval != *interval) row.outside_subset = true;
    }
    s.byday = st.Text(4);
    s.bymonthday = st.Text(5);
    s.opens_at = st.Text(6);
    s.closes_at = st.Text(7);
    s.valid_from = st.Text(8);
    s.valid_to = st.Text(9);
    s.dtstart = st.Text(10);
    s.description = st.Text(11);
    if (st.Int(12) != 0) row.outside_subset = true;
    s.location_id = st.Text(13);
    out.push_back(std::move(row));
  });
  if (!done) return Fail(done.error());
  return out;
}

Result<std::vector<std::pair<std::int64_t, std::string>>> IndexedText(store::Db& db,
                                                                      const std::vector<std::int64_t>& rids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  auto done = EachRow(db, kIndexedText, JsonList(rids),
                      [&](const store::Statement& st) { out.emplace_back(st.Int(0), st.Text(1)); });
  if (!done) return Fail(done.error());
  return out;
}

Result<std::int64_t> CountMatches(store::Db& db, const std::string& match) {
  auto st = db.Prepare(kCountMatches);
  if (!st) return Fail(st.error());
  st->Bind(1, match);
  auto row = st->Step();
  if (!row) return Fail(row.error());
  return *row ? st->Int(0) : 0;
}

Result<IndexTotals> ReadIndexTotals(store::Db& db) {
  auto st = db.Prepare(kIndexTotals);
  if (!st) return Fail(st.error());
  auto row = st->Step();
  if (!row) return Fail(row.error());
  IndexTotals totals;
  if (!*row) return totals;
  const std::string block = st->Text(0);
  // SQLite varints: big-endian groups of 7 bits, high bit set on all but the last; a 9th byte
  // carries 8 bits.
  std::size_t at = 0;
  auto varint = [&]() -> std::int64_t {
    std::uint64_t v = 0;
    for (int i = 0; i < 9 && at < block.size(); ++i) {
      const auto byte = static_cast<unsigned char>(block[at++]);
      if (i == 8) return static_cast<std::int64_t>((v << 8) | byte);
      v = (v << 7) | (byte & 0x7f);
      if ((byte & 0x80) == 0) break;
    }
    return static_cast<std::int64_t>(v);
  };
  totals.rows = varint();
  while (at < block.size()) totals.tokens += varint();
  return totals;
}

Result<std::vector<std::optional<Service>>> ReadServices(store::Db& db, const std::vector<std::int64_t>& rids) {
  const std::string json = JsonList(rids);
  std::unordered_map<std::int64_t, Service> by_rid;
  const std::string outdated_before = TodayMinusMonths(12);
  auto done = EachRow(db, kServicesByRid, json, [&](const store::Statement& st) {
    Service s;
    s.id = st.Text(1);
    s.party_id = st.Text(2);
    s.party_name = st.Text(3);
    s.name = st.Text(4);
    s.alternate_name = st.Text(5);
    s.description = st.Text(6);
    s.eligibility = st.Text(7);
    if (auto v = st.OptDouble(8)) s.minimum_age = static_cast<int>(*v);
    if (auto v = st.OptDouble(9)) s.maximum_age = static_cast<int>(*v);
    s.cost = st.Text(10);
    s.application_process = st.Text(11);
    s.wait_time = st.Text(12);
    s.url = st.Text(13);
    s.email = st.Text(14);
    s.status = ParseServiceStatus(st.Text(15)).value_or(ServiceStatus::kActive);
    s.verification.source = st.Text(16);
    s.verification.assured_date = st.Text(17);
    s.verification.assurer = st.Text(18);
    s.verification.outdated = s.verification.assured_date.empty() || s.verification.assured_date < outdated_before;
    s.archived = st.Int(19) != 0;
    s.created_at = st.Text(20);
    s.updated_at = st.Text(21);
    by_rid.emplace(st.Int(0), std::move(s));
  });
  if (!done) return Fail(done.error());

  done = EachRow(db, kTermsOfServices, json, [&](const store::Statement& st) {
    const Term* term = FindTermById(st.Text(1));
    auto it = by_rid.find(st.Int(0));
    if (term == nullptr || it == by_rid.end()) return;
    Service& s = it->second;
    if (term->taxonomy == kDomainTaxonomy) s.domains.push_back(term->code);
    if (term->taxonomy == kLawTaxonomy) s.laws.push_back(term->code);
    if (term->taxonomy == kTargetGroupTaxonomy) s.target_groups.push_back(term->code);
    if (term->taxonomy == kAccessTaxonomy) s.access_routes.push_back(term->code);
  });
  if (!done) return Fail(done.error());
  done = EachRow(db, kAreasOfServices, json, [&](const store::Statement& st) {
    if (auto it = by_rid.find(st.Int(0)); it != by_rid.end()) it->second.areas_served.push_back(st.Text(1));
  });
  if (!done) return Fail(done.error());
  done = EachRow(db, kLanguagesOfServices, json, [&](const store::Statement& st) {
    if (auto it = by_rid.find(st.Int(0)); it != by_rid.end()) it->second.languages.push_back(st.Text(1));
  });
  if (!done) return Fail(done.error());
  done = EachRow(db, kLocationsOfServices, json, [&](const store::Statement& st) {
    auto it = by_rid.find(st.Int(0));
    if (it == by_rid.end()) return;
    Location l;
    l.id = st.Text(1);
    l.name = st.Text(2);
    l.address_1 = st.Text(3);
    l.postal_code = st.Text(4);
    l.city = st.Text(5);
    l.latitude = st.OptDouble(6);
    l.longitude = st.OptDouble(7);
    l.area_code = st.Text(8);
    l.transportation = st.Text(9);
    it->second.locations.push_back(std::move(l));
  });
  if (!done) return Fail(done.error());
  done = EachRow(db, kPhonesOfServices, json, [&](const store::Statement& st) {
    if (auto it = by_rid.find(st.Int(0)); it != by_rid.end()) {
      it->second.phones.push_back(Phone{st.Text(1), st.Text(2), st.Text(3)});
    }
  });
  if (!done) return Fail(done.error());
  auto schedules = SchedulesOfServices(db, rids);
  if (!schedules) return Fail(schedules.error());
  for (auto& row : *schedules) {
    if (auto it = by_rid.find(row.rid); it != by_rid.end()) it->second.schedules.push_back(std::move(row.schedule));
  }

  std::vector<std::optional<Service>> out;
  out.reserve(rids.size());
  for (std::int64_t rid : rids) {
    auto it = by_rid.find(rid);
    out.push_back(it == by_rid.end() ? std::nullopt : std::optional<Service>(it->second));
  }
  return out;
}

}  // namespace wk::socialmap::search_sql
