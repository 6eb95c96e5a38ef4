#include "hsds_test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "wk/store/migrations.h"

namespace wk::socialmap::hsds_testing {
namespace fs = std::filesystem;

std::unique_ptr<store::Db> MigratedDb() {
  auto db = store::Db::Open(":memory:");
  EXPECT_TRUE(db.has_value());
  auto m = store::Migrate(**db);
  EXPECT_TRUE(m.has_value()) << (m ? "" : m.error().Describe());
  return std::move(*db);
}

std::string SharedData(const std::string& relative) {
  const char* base = std::getenv("WK_SHARED_DATA");
  return std::string(base != nullptr ? base : "../shared/data") + "/" + relative;
}

std::string TestData(const std::string& relative) {
  const char* base = std::getenv("WK_SOURCE_DIR");
  return std::string(base != nullptr ? base : ".") + "/tests/data/" + relative;
}

std::string ExampleCsv() {
  return SharedData("hsds/3.0/examples_csv");
}

std::string ExampleJson() {
  return SharedData("hsds/3.0/examples_json");
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

namespace {
fs::path Root() {
  static const fs::path root = [] {
    auto dir = fs::temp_directory_path() / ("wk_hsds_test_" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(fs::temp_directory_path() / ("wk_hsds_test_" + std::to_string(getpid())), ec);
    });
    return dir;
  }();
  return root;
}
}  // namespace

fs::path NewTempDir() {
  static int counter = 0;
  auto dir = Root() / ("d" + std::to_string(++counter));
  fs::create_directories(dir);
  return dir;
}

std::string CopyPackage(const std::string& from) {
  auto dir = NewTempDir() / fs::path(from).filename();
  fs::copy(from, dir, fs::copy_options::recursive);
  return dir.string();
}

std::string CopyWithChange(const std::string& package, const std::string& file, const std::string& from,
                           const std::string& to) {
  auto dir = CopyPackage(package);
  auto path = dir + "/" + file;
  auto bytes = ReadFile(path);
  auto at = bytes.find(from);
  EXPECT_NE(at, std::string::npos) << from << " not in " << file;
  if (at != std::string::npos) bytes.replace(at, from.size(), to);
  WriteFile(path, bytes);
  return dir;
}

std::map<std::string, std::string> ReadFolder(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    out[entry.path().filename().string()] = ReadFile(entry.path().string());
  }
  return out;
}

void ExpectSameFolders(const std::string& expected, const std::string& actual) {
  auto want = ReadFolder(expected), got = ReadFolder(actual);
  for (const auto& [name, bytes] : want) {
    auto it = got.find(name);
    if (it == got.end()) {
      ADD_FAILURE() << name << " is missing";
      continue;
    }
    if (it->second == bytes) continue;
    // The lines that differ, not two whole files.
    std::string only_expected, only_actual;
    std::set<std::string> a, b;
    std::stringstream sa(bytes), sb(it->second);
    for (std::string line; std::getline(sa, line);) a.insert(line);
    for (std::string line; std::getline(sb, line);) b.insert(line);
    for (const auto& line : a) {
      if (!b.contains(line)) only_expected += "  - " + line + "\n";
    }
    for (const auto& line : b) {
      if (!a.contains(line)) only_actual += "  + " + line + "\n";
    }
    ADD_FAILURE() << name << " differs (line order or):\n" << only_expected << only_actual;
  }
  EXPECT_EQ(got.size(), want.size());
}

accounts::Principal Beheerder() {
  return accounts::CliPrincipal("tester");
}

accounts::Principal Lezer() {
  accounts::Principal p;
  p.user_id = 7;
  p.name = "lezer";
  p.role = accounts::Role::kLezer;
  return p;
}

std::string QueryText(store::Db& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  EXPECT_TRUE(st.has_value()) << sql;
  if (!st) return "";
  auto row = st->Step();
  if (!row || !*row) return "";
  return st->Text(0);
}

std::string RowCounts(store::Db& db) {
  std::string out;
  for (const char* table :
       {"socialmap_party", "socialmap_service", "socialmap_location", "socialmap_location_rtree", "socialmap_address",
        "socialmap_service_at_location", "socialmap_schedule", "socialmap_service_area", "socialmap_contact",
        "socialmap_phone", "socialmap_language", "socialmap_taxonomy", "socialmap_taxonomy_term", "socialmap_attribute",
        "socialmap_metadata", "socialmap_hsds_row", "audit_entry"}) {
    out +=
        std::string(out.empty() ? "" : " ") + table + "=" + QueryText(db, std::string("SELECT COUNT(*) FROM ") + table);
  }
  return out;
}

}  // namespace wk::socialmap::hsds_testing
