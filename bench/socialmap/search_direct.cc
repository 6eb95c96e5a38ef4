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
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_searches.h"
#include "wk/socialmap/search.h"
#include "wk/store/db.h"

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
  for (const auto& search : wk::bench::ReadSearches(argv[2])) {
    wk::socialmap::SearchQuery q;
    q.text = search.text;
    if (search.filter != "-") {
      const std::string& f = search.filter;
      const std::string taxonomy = f.substr(0, f.find('/')), code = f.substr(f.find('/') + 1);
      if (taxonomy == "wijkkompas-wet") q.laws = {code};
      if (taxonomy == "wijkkompas-doelgroep") q.target_groups = {code};
      if (taxonomy == "wijkkompas-toegang") q.access_routes = {code};
      if (taxonomy == "wijkkompas-domein") q.domains = {code};
    }
    q.near_lat = search.lat;
    q.near_lon = search.lon;
    q.radius_km = search.radius_km;
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
        std::fprintf(stderr, "%s: %s\n", search.name.c_str(), found.error().Describe().c_str());
        return 1;
      }
      hits = found->hits.size();
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("%s\t%zu\t%.3f\t%.3f\n", search.name.c_str(), hits, wk::bench::Percentile(ms, 0.5),
                wk::bench::Percentile(ms, 0.99));
  }
  return 0;
}
