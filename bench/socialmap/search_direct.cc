// The reference of the search benchmark (issue 4 section 5): each search of queries.tsv run
// directly on the database file, in this process, through the very code the API runs
// (socialmap::Search: its SQL statements, the ranking and the reading of the 20 services of the
// answer, in a read transaction as the server takes one), without HTTP, the login check and JSON.
// "p50 at most 2 x the direct query" then bounds what serving a search over HTTP adds.
// direct_query.cc beside it times the core alone (the points in the circle and the ranking,
// without reading the page) for comparison.
//
//   wk_bench_socialmap_search DB QUERIES.TSV [REPEATS]
//
// Prints per search: name, hits, p50 and p99 in milliseconds over REPEATS runs (default 300).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "wk/socialmap/search.h"
#include "wk/store/db.h"

namespace {

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, sep)) out.push_back(cell);
  return out;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(std::min<double>(static_cast<double>(v.size() - 1), std::floor(p * v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: wk_bench_socialmap_search DB QUERIES.TSV [REPEATS]\n");
    return 2;
  }
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 300;
  auto db = wk::store::Db::Open(argv[1]);
  if (!db) {
    std::fprintf(stderr, "%s\n", db.error().Describe().c_str());
    return 1;
  }
  std::ifstream in(argv[2]);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto c = Split(line, '\t');
    if (c.size() != 6) continue;
    wk::socialmap::SearchQuery q;
    q.text = c[1];
    if (c[2] != "-") {
      const std::string taxonomy = c[2].substr(0, c[2].find('/')), code = c[2].substr(c[2].find('/') + 1);
      if (taxonomy == "wijkkompas-wet") q.laws = {code};
      if (taxonomy == "wijkkompas-doelgroep") q.target_groups = {code};
      if (taxonomy == "wijkkompas-toegang") q.access_routes = {code};
      if (taxonomy == "wijkkompas-domein") q.domains = {code};
    }
    q.near_lat = std::stod(c[3]);
    q.near_lon = std::stod(c[4]);
    q.radius_km = std::stod(c[5]);
    q.limit = 20;
    std::vector<double> ms;
    std::size_t hits = 0;
    for (int i = 0; i < repeats; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      auto snapshot = wk::store::ReadTransaction::Begin(**db);
      if (!snapshot) {
        std::fprintf(stderr, "%s\n", snapshot.error().Describe().c_str());
        return 1;
      }
      auto found = wk::socialmap::Search(**db, q);
      if (!found) {
        std::fprintf(stderr, "%s: %s\n", c[0].c_str(), found.error().Describe().c_str());
        return 1;
      }
      hits = found->hits.size();
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("%s\t%zu\t%.3f\t%.3f\n", c[0].c_str(), hits, Percentile(ms, 0.5), Percentile(ms, 0.99));
  }
  return 0;
}
