// The reference of the search benchmark (issue 4 section 5): each of the ten searches of
// queries.tsv as one FTS5 query run directly on the database, without HTTP, JSON or the use case
// around it. The query is the core of socialmap::Search: the stemmed words (SearchText, the same
// code the index is filled with) matched in socialmap_search, ranked by
// bm25(socialmap_search, 10, 5, 3, 1, 1), the vocabulary filter as an attribute of the service,
// "near" as the bounding box of the circle through the R*Tree of the location points; the first 20
// hits. It then reads the name and description of those hits (the least an answer shows).
//
//   direct_query DB QUERIES.TSV VOCABULARY.CSV [REPEATS]
//
// Prints per search: name, hits, p50 and p99 in milliseconds over REPEATS runs (default 300).
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "wk/socialmap/search_text.h"

namespace {

constexpr const char* kQuery =
    "SELECT s.id, s.name, s.description, bm25(socialmap_search, 10, 5, 3, 1, 1) AS rank "
    "FROM socialmap_search JOIN socialmap_service s ON s.rid = socialmap_search.rowid "
    "WHERE socialmap_search MATCH ?1 AND s.archived_at IS NULL "
    "AND (?2 IS NULL OR s.id IN (SELECT a.link_id FROM socialmap_attribute a WHERE a.taxonomy_term_id = ?2)) "
    "AND EXISTS (SELECT 1 FROM socialmap_service_at_location sal "
    "     JOIN socialmap_location l ON l.id = sal.location_id "
    "     JOIN socialmap_location_rtree r ON r.rid = l.rid "
    "     WHERE sal.service_id = s.id AND r.min_lat <= ?4 AND r.max_lat >= ?3 "
    "     AND r.min_lon <= ?6 AND r.max_lon >= ?5) "
    "ORDER BY rank LIMIT 20";

struct Search {
  std::string name, text, filter;
  double lat = 0, lon = 0, radius_km = 0;
};

void Check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "direct_query: " << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, sep)) out.push_back(cell);
  return out;
}

// taxonomy/code -> term id, from vocabulary.csv (taxonomy,id,code,name,description).
std::map<std::string, std::string> TermIds(const std::string& file) {
  std::map<std::string, std::string> ids;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto cells = Split(line, ',');
    if (cells.size() >= 3) ids[cells[0] + "/" + cells[2]] = cells[1];
  }
  return ids;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(std::min<double>(v.size() - 1, std::floor(p * v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: direct_query DB QUERIES.TSV VOCABULARY.CSV [REPEATS]\n";
    return 2;
  }
  const int repeats = argc > 4 ? std::atoi(argv[4]) : 300;
  const auto terms = TermIds(argv[3]);
  std::vector<Search> searches;
  std::ifstream in(argv[2]);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto c = Split(line, '\t');
    if (c.size() != 6) continue;
    searches.push_back({c[0], c[1], c[2], std::stod(c[3]), std::stod(c[4]), std::stod(c[5])});
  }
  sqlite3* db = nullptr;
  Check(db, sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr), "open");
  Check(db, sqlite3_exec(db, "PRAGMA cache_size=-2000;", nullptr, nullptr, nullptr), "pragma");
  sqlite3_stmt* st = nullptr;
  Check(db, sqlite3_prepare_v3(db, kQuery, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr), "prepare");
  for (const auto& s : searches) {
    // As Search builds it: each stem quoted (never read as FTS5 syntax), a stem of four letters or
    // more also as a prefix, all of them required.
    std::string match;
    for (const auto& stem : wk::socialmap::SearchStems(s.text)) {
      match += (match.empty() ? "\"" : " AND \"") + stem + (stem.size() >= 4 ? "\"*" : "\"");
    }
    const double dlat = s.radius_km / 111.32;
    const double dlon = s.radius_km / (111.32 * std::cos(s.lat * M_PI / 180));
    std::vector<double> ms;
    int hits = 0;
    for (int i = 0; i < repeats; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
      if (s.filter == "-") {
        sqlite3_bind_null(st, 2);
      } else {
        auto it = terms.find(s.filter);
        if (it == terms.end()) {
          std::cerr << "direct_query: unknown filter " << s.filter << "\n";
          return 1;
        }
        sqlite3_bind_text(st, 2, it->second.c_str(), -1, SQLITE_TRANSIENT);
      }
      sqlite3_bind_double(st, 3, s.lat - dlat);
      sqlite3_bind_double(st, 4, s.lat + dlat);
      sqlite3_bind_double(st, 5, s.lon - dlon);
      sqlite3_bind_double(st, 6, s.lon + dlon);
      hits = 0;
      std::size_t bytes = 0;
      int rc;
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ++hits;
        bytes += static_cast<std::size_t>(sqlite3_column_bytes(st, 1) + sqlite3_column_bytes(st, 2));
      }
      Check(db, rc, "step");
      sqlite3_reset(st);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (bytes == static_cast<std::size_t>(-1)) std::cout << "";  // keep the reads
    }
    std::printf("%s\t%d\t%.3f\t%.3f\n", s.name.c_str(), hits, Percentile(ms, 0.5), Percentile(ms, 0.99));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}
