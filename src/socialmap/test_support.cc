#include "test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/migrations.h"

namespace wk::socialmap::testing {
namespace {

std::filesystem::path Folder() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("wk_socialmap_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(
          std::filesystem::temp_directory_path() / ("wk_socialmap_test_" + std::to_string(getpid())), ec);
    });
    return d;
  }();
  return dir;
}

// The demo loaded into a file. ctest runs each test in a process of its own, and loading the demo
// takes seconds under the sanitizers, so the file is shared between the processes of one build of
// the test program (named by its size and time; both are compiled in: migrations and demo data).
std::filesystem::path Template() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  const auto stamp = std::to_string(fs::file_size(exe, ec)) + "_" +
                     std::to_string(fs::last_write_time(exe, ec).time_since_epoch().count());
  const fs::path shared = fs::temp_directory_path() / ("wk_socialmap_demo_" + stamp + ".db");
  if (fs::exists(shared)) return shared;
  auto p = Folder() / "template.db";
  {
    auto db = store::Db::Open(p.string());
    EXPECT_TRUE(db.has_value());
    auto migrated = store::Migrate(**db);
    EXPECT_TRUE(migrated.has_value()) << (migrated ? "" : migrated.error().Describe());
    auto loaded = areas::LoadDemo(**db, accounts::CliPrincipal("tester"));
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().Describe());
    EXPECT_TRUE((*db)->Exec("PRAGMA journal_mode = DELETE").has_value());  // one file, no WAL beside it
  }
  // Files of earlier builds go; a process of such a build still running copies its own quickly.
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("wk_socialmap_demo_") && entry.path() != shared &&
        fs::last_write_time(entry.path(), ec) < fs::file_time_type::clock::now() - std::chrono::minutes(10)) {
      fs::remove(entry.path(), ec);
    }
  }
  auto staged = fs::path(shared.string() + "." + std::to_string(getpid()));
  fs::copy_file(p, staged, ec);
  fs::rename(staged, shared, ec);  // atomic: another process sees the whole file or none
  return ec ? p : shared;
}

std::vector<std::string> Tables(store::Db& db) {
  std::vector<std::string> out;
  auto st = db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'socialmap%' ORDER BY name");
  EXPECT_TRUE(st.has_value());
  while (st && st->Step().value_or(false)) out.push_back(st->Text(0));
  return out;
}

accounts::Principal User(std::int64_t id, const std::string& name, accounts::Role role) {
  accounts::Principal p;
  p.user_id = id;
  p.name = name;
  p.role = role;
  return p;
}

}  // namespace

std::unique_ptr<store::Db> OpenDemoMap() {
  static std::atomic<int> n{0};
  auto path = Folder() / ("map" + std::to_string(++n) + ".db");
  static const std::filesystem::path source = Template();
  std::filesystem::copy_file(source, path);
  auto db = store::Db::Open(path.string());
  EXPECT_TRUE(db.has_value());
  return std::move(*db);
}

accounts::Principal Wijkwerker() {
  return User(11, "wim.wijkwerker", accounts::Role::kWijkwerker);
}

accounts::Principal Coordinator() {
  return User(12, "cora.coordinator", accounts::Role::kCoordinator);
}

accounts::Principal Lezer() {
  return User(13, "lea.lezer", accounts::Role::kLezer);
}

Party FictionalParty(const std::string& name) {
  Party p;
  p.name = name;
  p.description = "Een verzonnen buurthuis voor de tests.";
  p.kind = PartyKind::kOrganisatie;
  p.formal = true;
  p.website = "https://voorbeeldhoek.example.nl";
  p.email = "info@voorbeeldhoek.example.nl";
  p.phones = {{"", "030 000 00 01", "Algemeen"}};
  p.contacts = {{"", "Coördinator vrijwilligers", "Coördinator", "vrijwilligers@voorbeeldhoek.example.nl"}};
  p.domains = {"welzijn", "ontmoeting"};
  p.areas_served = {"WK034403"};
  p.verification.source = "Gesprek met de coördinator";
  return p;
}

Service FictionalService(const std::string& party_id, const std::string& name, const Point& point) {
  Service s;
  s.party_id = party_id;
  s.name = name;
  s.description = "Elke dinsdag koffie en een praatje voor wie zich eenzaam voelt.";
  s.target_groups = {"ouderen", "eenzaamheid"};
  s.domains = {"ontmoeting"};
  s.laws = {"wmo"};
  s.access_routes = {"vrij-toegankelijk"};
  s.minimum_age = 55;
  s.cost = "Gratis";
  s.languages = {"nl", "tr"};
  s.email = "koffie@voorbeeldhoek.example.nl";
  Location l;
  l.name = "Buurthuis De Voorbeeldhoek";
  l.address_1 = "Voorbeeldstraat 12";
  l.postal_code = "3562 ab";
  l.city = "Utrecht";
  l.province = "Utrecht";
  l.latitude = point.lat;
  l.longitude = point.lon;
  s.locations = {l};
  Schedule sc;
  sc.freq = "WEEKLY";
  sc.byday = "TU";
  sc.opens_at = "10:00";
  sc.closes_at = "12:00";
  sc.description = "Elke dinsdagochtend";
  s.schedules = {sc};
  s.areas_served = {"WK034403"};
  s.phones = {{"", "030 000 00 02", "Inloop"}};
  return s;
}

std::string QueryText(store::Db& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  EXPECT_TRUE(st.has_value()) << sql;
  if (!st) return "";
  auto row = st->Step();
  if (!row || !*row) return "";
  return st->Text(0);
}

std::int64_t QueryInt(store::Db& db, const std::string& sql) {
  return text::ParseInt(QueryText(db, sql)).value_or(-1);
}

std::int64_t CountSocialMapRows(store::Db& db) {
  std::int64_t total = 0;
  for (const std::string& t : Tables(db)) total += QueryInt(db, "SELECT count(*) FROM \"" + t + "\"");
  return total;
}

std::string NonEmptyTables(store::Db& db) {
  static constexpr std::string_view kShadows[] = {"_data",   "_idx",  "_content", "_docsize",
                                                  "_config", "_node", "_rowid",   "_parent"};
  std::string found;
  for (const std::string& t : Tables(db)) {
    const bool shadow = (t.starts_with("socialmap_search_") || t.starts_with("socialmap_location_rtree_")) &&
                        std::any_of(std::begin(kShadows), std::end(kShadows), [&](auto s) { return t.ends_with(s); });
    if (shadow || t == "socialmap_setting") continue;
    if (QueryInt(db, "SELECT count(*) FROM \"" + t + "\"") > 0) found += (found.empty() ? "" : ", ") + t;
  }
  return found;
}

PointCheck CheckServicePoints(store::Db& db) {
  // The filter bits of the vocabulary (vocabulary.csv), as a table for the SQL below.
  std::string bits;
  for (const auto& taxonomy : Taxonomies()) {
    for (const auto& term : Terms(taxonomy.name)) {
      if (term.filter_bit < 0) continue;
      bits += std::string(bits.empty() ? "WITH bits (id, bit) AS (VALUES " : ", ") + "('" + term.id + "', " +
              std::to_string(term.filter_bit) + ")";
    }
  }
  bits += ") ";
  const std::string expected =
      bits +
      "SELECT CAST((l.latitude + 90) / 0.01 AS INTEGER) * 36001 + CAST((l.longitude + 180) / 0.01 AS INTEGER), "
      "sal.rid, s.rid, l.latitude, l.longitude, "
      "f.c0 || char(10) || f.c1 || char(10) || f.c2 || char(10) || f.c3 || char(10) || f.c4, "
      "CASE WHEN f.id IS NULL THEN NULL ELSE "
      "(SELECT sum(CASE WHEN c = '' THEN 0 ELSE length(c) - length(replace(c, ' ', '')) + 1 END) FROM "
      "(SELECT f.c0 AS c UNION ALL SELECT f.c1 UNION ALL SELECT f.c2 UNION ALL SELECT f.c3 UNION ALL SELECT f.c4)) "
      "END, "
      // The service's vocabulary terms as they are now, not as the index wrote them down.
      "CASE WHEN f.id IS NULL THEN NULL ELSE COALESCE((SELECT sum(1 << b.bit) FROM bits b WHERE b.id IN "
      "(SELECT a.taxonomy_term_id FROM socialmap_attribute a WHERE a.link_id = s.id)), 0) END "
      "FROM socialmap_service_at_location sal JOIN socialmap_location l ON l.id = sal.location_id "
      "JOIN socialmap_service s ON s.id = sal.service_id LEFT JOIN socialmap_search_content f ON f.id = s.rid "
      "WHERE typeof(l.latitude) IN ('real', 'integer') AND typeof(l.longitude) IN ('real', 'integer') "
      "AND l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180";
  const std::string actual =
      "SELECT cell, rid, service_rid, latitude, longitude, words, tokens, terms FROM socialmap_service_point";
  PointCheck check;
  check.differing =
      QueryInt(db, "SELECT (SELECT count(*) FROM (" + expected + " EXCEPT " + actual + ")) + (SELECT count(*) FROM (" +
                       actual + " EXCEPT SELECT * FROM (" + expected + ")))");
  check.expected = QueryInt(db, "SELECT count(*) FROM (" + expected + ")");
  return check;
}

std::string TablesContaining(store::Db& db, const std::string& needle) {
  std::string found;
  const std::string folded = text::ToLowerAscii(needle);
  for (const std::string& t : Tables(db)) {
    auto st = db.Prepare("SELECT * FROM \"" + t + "\"");
    EXPECT_TRUE(st.has_value()) << t;
    bool hit = false;
    while (st && !hit && st->Step().value_or(false)) {
      for (int c = 0; c < st->ColumnCount() && !hit; ++c) {
        hit = text::ToLowerAscii(st->Text(c)).find(folded) != std::string::npos;
      }
    }
    if (hit) found += (found.empty() ? "" : ", ") + t;
  }
  return found;
}

}  // namespace wk::socialmap::testing
