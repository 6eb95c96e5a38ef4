#include "test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "wk/store/migrations.h"

namespace wk::areas::testing {

std::unique_ptr<store::Db> MigratedDb() {
  auto db = store::Db::Open(":memory:");
  EXPECT_TRUE(db.has_value());
  auto m = store::Migrate(**db);
  EXPECT_TRUE(m.has_value()) << (m ? "" : m.error().Describe());
  return std::move(*db);
}

std::string SharedData(const std::string& relative) {
  const char* base = std::getenv("WK_SHARED_DATA");
  std::string root = base != nullptr ? base : "../shared/data";
  return root + "/" + relative;
}

std::string TestData(const std::string& relative) {
  const char* base = std::getenv("WK_SOURCE_DIR");
  std::string root = base != nullptr ? base : ".";
  return root + "/tests/data/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path TempDir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("wk_areas_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(
          std::filesystem::temp_directory_path() / ("wk_areas_test_" + std::to_string(getpid())), ec);
    });
    return d;
  }();
  return dir;
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  auto path = TempDir() / name;
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return path.string();
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

std::vector<std::string> SplitCsvLine(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::string QueryText(store::Db& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  EXPECT_TRUE(st.has_value()) << sql;
  if (!st) return "";
  auto row = st->Step();
  if (!row || !*row) return "";
  return st->Text(0);
}

}  // namespace wk::areas::testing
