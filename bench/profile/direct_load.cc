// The reference of the import benchmark (issue 3 section 5): the plainest correct way to put a
// wide KWB CSV into Wijkkompas's schema. One transaction, one prepared INSERT per area and per
// value, nothing else: no validation, no catalogue, no progress, no audit. The database must
// already have the schema (`wijkkompas migrate --db PATH`), so the tables and indexes are the
// very ones the real import writes into.
//
//   direct_load DB CSV YEAR
//
// The CSV is the generated one of generate.mjs: comma-separated, not quoted, columns gwb_code_10,
// gwb_code_8, regio, gm_naam, recs, gwb_code, ind_wbi, then one column per indicator; '.' = missing.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = line.find(',', start);
    out.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

void Check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "direct_load: " << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: direct_load DB CSV YEAR\n";
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  sqlite3* db = nullptr;
  Check(db, sqlite3_open(argv[1], &db), "open");
  // The connection settings of store::Db during an import (WAL, foreign keys, synchronous NORMAL,
  // and BulkWriteCache's 64 MiB page cache), so the comparison measures the import, not settings.
  Check(db,
        sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
                     "PRAGMA cache_size=-65536;",
                     nullptr, nullptr, nullptr),
        "pragma");
  std::ifstream in(argv[2]);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header = Split(line);
  const int year = std::stoi(argv[3]);

  Check(db, sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), "begin");
  sqlite3_stmt *area = nullptr, *value = nullptr, *source = nullptr;
  Check(db,
        sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO areas_area(code, name, level, parent_code, search_key) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           -1, &area, nullptr),
        "prepare area");
  Check(db,
        sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO areas_value(area_code, indicator_code, year, value, source_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           -1, &value, nullptr),
        "prepare value");
  Check(db,
        sqlite3_prepare_v2(db,
                           "INSERT INTO areas_source(title, publisher, year, licence, imported_at, file) "
                           "VALUES ('direct_load', 'CBS', ?1, 'CC BY 4.0', datetime('now'), ?2)",
                           -1, &source, nullptr),
        "prepare source");
  sqlite3_bind_int(source, 1, year);
  sqlite3_bind_text(source, 2, argv[2], -1, SQLITE_TRANSIENT);
  Check(db, sqlite3_step(source), "insert source");
  const sqlite3_int64 source_id = sqlite3_last_insert_rowid(db);

  long areas = 0, values = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f = Split(line);
    const std::string& code = f[0];
    const std::string level = Lower(f[4]);
    std::string parent;
    if (level == "wijk") parent = "GM" + code.substr(2, 4);
    if (level == "buurt") parent = "WK" + code.substr(2, 6);
    sqlite3_bind_text(area, 1, code.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(area, 2, f[2].c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(area, 3, level.c_str(), -1, SQLITE_TRANSIENT);
    if (parent.empty())
      sqlite3_bind_null(area, 4);
    else
      sqlite3_bind_text(area, 4, parent.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(area, 5, Lower(f[2]).c_str(), -1, SQLITE_TRANSIENT);
    Check(db, sqlite3_step(area), "insert area");
    sqlite3_reset(area);
    ++areas;
    for (std::size_t i = 7; i < f.size() && i < header.size(); ++i) {
      sqlite3_bind_text(value, 1, code.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(value, 2, header[i].c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int(value, 3, year);
      if (f[i] == "." || f[i].empty())
        sqlite3_bind_null(value, 4);
      else
        sqlite3_bind_double(value, 4, std::stod(f[i]));
      sqlite3_bind_int64(value, 5, source_id);
      Check(db, sqlite3_step(value), "insert value");
      sqlite3_reset(value);
      ++values;
    }
  }
  sqlite3_finalize(area);
  sqlite3_finalize(value);
  sqlite3_finalize(source);
  Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit");
  sqlite3_close(db);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("direct_load: %ld areas, %ld values in %.3f s\n", areas, values, seconds);
  return 0;
}
