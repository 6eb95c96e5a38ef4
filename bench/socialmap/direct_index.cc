// The full-text index of the benchmark's fallback load (direct_load.sql): one socialmap_search row
// per service with the stemmed text that socialmap's search_index.cc writes (SearchText of the
// name, alternate name, target-group names, description and eligibility, party name), filled in
// one transaction. Used only while `wijkkompas import hsds` is not in the build.
//
//   direct_index DB VOCABULARY.CSV
#include <sqlite3.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "wk/socialmap/search_text.h"

namespace {

void Check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "direct_index: " << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

std::string Column(sqlite3_stmt* st, int i) {
  const auto* text = sqlite3_column_text(st, i);
  return text == nullptr ? std::string() : reinterpret_cast<const char*>(text);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: direct_index DB VOCABULARY.CSV\n";
    return 2;
  }
  // Target-group term id -> Dutch name (vocabulary.csv: taxonomy,id,code,name,description).
  std::map<std::string, std::string> groups;
  std::ifstream in(argv[2]);
  std::string line;
  while (std::getline(in, line)) {
    std::stringstream cells(line);
    std::string taxonomy, id, code, name;
    std::getline(cells, taxonomy, ',');
    std::getline(cells, id, ',');
    std::getline(cells, code, ',');
    std::getline(cells, name, ',');
    if (taxonomy == "wijkkompas-doelgroep") groups[id] = name;
  }
  sqlite3* db = nullptr;
  Check(db, sqlite3_open(argv[1], &db), "open");
  Check(db, sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; BEGIN", nullptr, nullptr, nullptr),
        "begin");
  sqlite3_stmt* read = nullptr;
  sqlite3_stmt* write = nullptr;
  Check(db,
        sqlite3_prepare_v2(db,
                           "SELECT s.rid, s.name, COALESCE(s.alternate_name, ''), s.description, "
                           "COALESCE(s.eligibility_description, ''), COALESCE(p.name, ''), "
                           "(SELECT group_concat(a.taxonomy_term_id, ',') FROM socialmap_attribute a "
                           "WHERE a.link_id = s.id) FROM socialmap_service s "
                           "LEFT JOIN socialmap_party p ON p.id = s.organization_id ORDER BY s.rid",
                           -1, &read, nullptr),
        "prepare read");
  Check(db,
        sqlite3_prepare_v2(db,
                           "INSERT INTO socialmap_search(rowid, name, alternate_name, target_groups, description, "
                           "party_name) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &write, nullptr),
        "prepare write");
  using wk::socialmap::SearchText;
  int rows = 0;
  while (sqlite3_step(read) == SQLITE_ROW) {
    std::string names;
    std::stringstream ids(Column(read, 6));
    std::string id;
    while (std::getline(ids, id, ',')) {
      if (auto it = groups.find(id); it != groups.end()) names += (names.empty() ? "" : " ") + it->second;
    }
    std::string description = Column(read, 3);
    if (!Column(read, 4).empty()) description += " " + Column(read, 4);
    const std::string cols[] = {SearchText(Column(read, 1)), SearchText(Column(read, 2)), SearchText(names),
                                SearchText(description), SearchText(Column(read, 5))};
    sqlite3_bind_int64(write, 1, sqlite3_column_int64(read, 0));
    for (int i = 0; i < 5; ++i) sqlite3_bind_text(write, i + 2, cols[i].c_str(), -1, SQLITE_TRANSIENT);
    Check(db, sqlite3_step(write), "insert");
    sqlite3_reset(write);
    ++rows;
  }
  sqlite3_finalize(read);
  sqlite3_finalize(write);
  Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit");
  sqlite3_close(db);
  std::cout << rows << " services indexed\n";
  return 0;
}
