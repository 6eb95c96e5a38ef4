// The core of the search benchmark's searches (issue 4 section 5), printed beside the reference
// (search_direct.cc): each of the ten searches of queries.tsv run directly on the database with
// libsqlite3 as the core of socialmap::Search runs it, without HTTP, JSON, the use case around it
// or the reading of the answer's services (the SQL is the same as in
// src/socialmap/search_store.cc; keep them together):
//   1. one statement: the service points in the cells the circle touches with the services'
//      stemmed index rows (socialmap_service_point, clustered on a grid cell: one range of cells
//      per band of latitude; migration 0006); with a vocabulary filter only the points whose
//      service has the term (the points carry their service's terms as bits: migration 0007,
//      vocabulary.csv filter_bit) and whose words hold one of the stems (wk_has_any_stem: the very
//      HasAnyStem code, as store::Db defines it for the search);
//   2. in C++: the great circle, then the words (the very SearchStems code the index is filled
//      with; a stem of four letters or more also as a prefix) and the row's length in tokens;
//   3. the services with all words, or when there are none, those with any of them;
//   4. in C++: FTS5's bm25 formula, weights 10, 5, 3, 1, 1 (idf from an FTS5 count of each word's
//      matches, counted once per word as Search keeps the counts while the index is unchanged;
//      average length from the index totals), the first 20;
//   5. the name and description of those 20 (the least an answer shows).
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
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bench_searches.h"
#include "wk/socialmap/search_text.h"

namespace {

constexpr const char* kNearRows =
    "SELECT p.service_rid, p.latitude, p.longitude, p.tokens, p.words FROM json_each(?1) b CROSS JOIN "
    "socialmap_service_point p "
    "ON p.cell BETWEEN b.value ->> 0 AND b.value ->> 1 "
    "WHERE p.latitude BETWEEN ?2 AND ?3 AND p.longitude BETWEEN ?4 AND ?5 AND p.words IS NOT NULL "
    "AND (?6 = 0 OR p.terms & ?6 <> 0) AND (?7 = '' OR wk_has_any_stem(p.words, ?7))";
constexpr const char* kCount = "SELECT count(*) FROM socialmap_search WHERE socialmap_search MATCH ?1";
constexpr const char* kTotals = "SELECT block FROM socialmap_search_data WHERE id = 1";
constexpr const char* kNames = "SELECT name, description FROM socialmap_service WHERE rid = ?1";

void Check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "direct_query: " << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

// taxonomy/code -> filter bit, from vocabulary.csv (taxonomy,id,code,name,description,filter_bit;
// the description may hold quoted commas, the bit is the last cell).
std::map<std::string, int> FilterBits(const std::string& file) {
  std::map<std::string, int> bits;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto cells = wk::bench::Split(line, ',');
    const std::string bit = line.substr(line.rfind(',') + 1);
    if (cells.size() >= 3 && !bit.empty()) bits[cells[0] + "/" + cells[2]] = std::stoi(bit);
  }
  return bits;
}

// wk_has_any_stem(words, stems), as store::Db::DefineTextTest defines it for the search.
void HasAnyStemFunction(sqlite3_context* context, int, sqlite3_value** args) {
  auto text = [](sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p == nullptr ? std::string_view() : std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)));
  };
  sqlite3_result_int(context, wk::socialmap::HasAnyStem(text(args[0]), text(args[1])) ? 1 : 0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: direct_query DB QUERIES.TSV VOCABULARY.CSV [REPEATS]\n";
    return 2;
  }
  const int repeats = argc > 4 ? std::atoi(argv[4]) : 300;
  const auto terms = FilterBits(argv[3]);
  const auto searches = wk::bench::ReadSearches(argv[2]);
  sqlite3* db = nullptr;
  Check(db, sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr), "open");
  Check(db, sqlite3_exec(db, "PRAGMA cache_size=-1024; PRAGMA mmap_size=1073741824;", nullptr, nullptr, nullptr),
        "pragma");
  Check(db,
        sqlite3_create_function_v2(db, "wk_has_any_stem", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                   nullptr, HasAnyStemFunction, nullptr, nullptr, nullptr),
        "function");
  sqlite3_stmt* near = nullptr;
  sqlite3_stmt* count = nullptr;
  sqlite3_stmt* totals = nullptr;
  sqlite3_stmt* names = nullptr;
  Check(db, sqlite3_prepare_v3(db, kNearRows, -1, SQLITE_PREPARE_PERSISTENT, &near, nullptr), "prepare");
  Check(db, sqlite3_prepare_v3(db, kCount, -1, SQLITE_PREPARE_PERSISTENT, &count, nullptr), "prepare");
  Check(db, sqlite3_prepare_v3(db, kTotals, -1, SQLITE_PREPARE_PERSISTENT, &totals, nullptr), "prepare");
  Check(db, sqlite3_prepare_v3(db, kNames, -1, SQLITE_PREPARE_PERSISTENT, &names, nullptr), "prepare");
  const double weights[5] = {10, 5, 3, 1, 1};
  std::map<std::string, double> counts;  // per word, as Search caches them
  for (const auto& s : searches) {
    struct Word {
      std::string stem;
      bool prefix;
    };
    std::vector<Word> words;
    std::string stems;  // HasAnyStem's form
    for (const auto& stem : wk::socialmap::SearchStems(s.text)) {
      words.push_back({stem, stem.size() >= 4});
      stems += (stems.empty() ? "" : " ") + stem + (stem.size() >= 4 ? "*" : "");
    }
    sqlite3_int64 term = 0;
    if (s.filter != "-") {
      auto it = terms.find(s.filter);
      if (it == terms.end()) {
        std::cerr << "direct_query: unknown filter " << s.filter << "\n";
        return 1;
      }
      term = sqlite3_int64{1} << it->second;
    }
    std::vector<double> ms;
    int hits = 0;
    for (int i = 0; i < repeats; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      // 1. The rows near the point that pass the filter, with their index rows.
      // The cells of the circle, as search_store.cc's CellsOf makes them.
      std::string bands = "[";
      const double radius = s.radius_km * 1.01, k = M_PI / 180;
      const double dlat = radius / 6371.0088 / k, dlon = dlat / std::max(0.01, std::cos(s.lat * k));
      const double min_lat = std::max(-90.0, s.lat - dlat), max_lat = std::min(90.0, s.lat + dlat);
      const double min_lon = std::max(-180.0, s.lon - dlon), max_lon = std::min(180.0, s.lon + dlon);
      {
        const auto index = [](double v, double offset) {
          return static_cast<long long>(std::floor((std::clamp(v, -offset, offset) + offset) / 0.01));
        };
        const auto hav = [](double r) { return std::pow(std::sin(r / 2), 2); };
        const double reach = hav(radius / 6371.0088);
        for (long long b = index(min_lat, 90); b <= index(max_lat, 90); ++b) {
          const double south = static_cast<double>(b) * 0.01 - 90;
          const double nearest = std::clamp(s.lat, south, south + 0.01);
          const double across = std::cos(s.lat * k) * std::cos(nearest * k);
          const double x = across > 0 ? (reach - hav((nearest - s.lat) * k)) / across : 1;
          if (x < 0) continue;
          const double half = x >= 1 ? 180 : 2 * std::asin(std::sqrt(x)) / k * 1.01 + 0.01;
          const long long c0 = index(std::max(min_lon, s.lon - half), 180);
          const long long c1 = index(std::min(max_lon, s.lon + half), 180);
          if (bands.size() > 1) bands += ',';
          bands += '[' + std::to_string(b * 36001 + c0) + ',' + std::to_string(b * 36001 + c1) + ']';
        }
        bands += ']';
      }
      sqlite3_bind_text(near, 1, bands.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_double(near, 2, min_lat);
      sqlite3_bind_double(near, 3, max_lat);
      sqlite3_bind_double(near, 4, min_lon);
      sqlite3_bind_double(near, 5, max_lon);
      sqlite3_bind_int64(near, 6, term);
      sqlite3_bind_text(near, 7, stems.c_str(), -1, SQLITE_STATIC);
      struct Row {
        sqlite3_int64 rid;
        std::vector<double> freq;
        double tokens = 0;
        int words = 0;
      };
      std::vector<Row> rows;
      std::map<sqlite3_int64, bool> seen;
      int rc;
      while ((rc = sqlite3_step(near)) == SQLITE_ROW) {
        const double lat = sqlite3_column_double(near, 1), lon = sqlite3_column_double(near, 2);
        const double h = std::pow(std::sin((lat - s.lat) * k / 2), 2) +
                         std::cos(s.lat * k) * std::cos(lat * k) * std::pow(std::sin((lon - s.lon) * k / 2), 2);
        if (2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h))) > s.radius_km) continue;
        const sqlite3_int64 rid = sqlite3_column_int64(near, 0);
        if (!seen.emplace(rid, true).second) continue;
        Row row{rid, std::vector<double>(words.size(), 0), static_cast<double>(sqlite3_column_int64(near, 3))};
        std::string_view joined(reinterpret_cast<const char*>(sqlite3_column_text(near, 4)),
                                static_cast<std::size_t>(sqlite3_column_bytes(near, 4)));
        for (int c = 0; c < 5; ++c) {
          // The five index columns, joined by line feeds.
          const std::size_t cut = c < 4 ? std::min(joined.find('\n'), joined.size()) : joined.size();
          const std::string_view column = joined.substr(0, cut);
          joined.remove_prefix(std::min(joined.size(), cut + 1));
          // Tokens that are the stem, or start with it when it is a prefix (stems are separated by
          // single spaces).
          for (std::size_t w = 0; w < words.size(); ++w) {
            const std::string& stem = words[w].stem;
            for (std::size_t at = column.find(stem); at != std::string_view::npos; at = column.find(stem, at + 1)) {
              if (at > 0 && column[at - 1] != ' ') continue;
              const std::size_t end = at + stem.size();
              if (!words[w].prefix && end < column.size() && column[end] != ' ') continue;
              row.freq[w] += weights[c];
            }
          }
        }
        for (double f : row.freq) row.words += f > 0;
        if (row.words == 0) continue;
        rows.push_back(std::move(row));
      }
      Check(db, rc, "step");
      sqlite3_reset(near);
      // 3. The services with all words first, else those with any.
      std::set<sqlite3_int64> passed;
      const int all = static_cast<int>(words.size());
      auto pass = [&](auto keep) {
        for (const auto& row : rows) {
          if (keep(row.words)) passed.insert(row.rid);
        }
      };
      pass([all](int n) { return n == all; });
      if (passed.empty() && all > 1) pass([all](int n) { return n > 0 && n < all; });
      // 4. bm25 as FTS5 computes it over the whole index.
      std::vector<std::pair<double, sqlite3_int64>> ranked;
      if (!passed.empty()) {
        Check(db, sqlite3_step(totals), "totals");
        const auto* block = static_cast<const unsigned char*>(sqlite3_column_blob(totals, 0));
        const int size = sqlite3_column_bytes(totals, 0);
        int at = 0;
        auto varint = [&]() {
          std::uint64_t v = 0;
          for (int b = 0; b < 9 && at < size; ++b) {
            const unsigned char byte = block[at++];
            if (b == 8) return static_cast<double>((v << 8) | byte);
            v = (v << 7) | (byte & 0x7f);
            if ((byte & 0x80) == 0) break;
          }
          return static_cast<double>(v);
        };
        const double total_rows = std::max(1.0, varint());
        double total_tokens = 0;
        while (at < size) total_tokens += varint();
        sqlite3_reset(totals);
        std::vector<double> idf;
        for (const auto& w : words) {
          // Search keeps these counts while the index totals stay the same; so does this.
          const std::string phrase = "\"" + w.stem + (w.prefix ? "\"*" : "\"");
          auto [cached, fresh] = counts.emplace(phrase, 0.0);
          if (fresh) {
            sqlite3_bind_text(count, 1, phrase.c_str(), -1, SQLITE_TRANSIENT);
            Check(db, sqlite3_step(count), "count");
            cached->second = static_cast<double>(sqlite3_column_int64(count, 0));
            sqlite3_reset(count);
          }
          const double n = cached->second;
          const double v = std::log((total_rows - n + 0.5) / (n + 0.5));
          idf.push_back(v <= 0 ? 1e-6 : v);
        }
        const double average = std::max(1e-9, total_tokens / total_rows);
        for (const auto& row : rows) {
          if (!passed.contains(row.rid)) continue;
          double score = 0;
          for (std::size_t w = 0; w < words.size(); ++w) {
            const double f = row.freq[w];
            score += idf[w] * (f * 2.2) / (f + 1.2 * (0.25 + 0.75 * row.tokens / average));
          }
          ranked.emplace_back(-score, row.rid);
        }
      }
      const std::size_t top = std::min<std::size_t>(20, ranked.size());
      std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top), ranked.end());
      // 5. The names and descriptions of the first 20.
      hits = 0;
      std::size_t bytes = 0;
      for (std::size_t h = 0; h < top; ++h) {
        sqlite3_bind_int64(names, 1, ranked[h].second);
        if (sqlite3_step(names) == SQLITE_ROW) {
          ++hits;
          bytes += static_cast<std::size_t>(sqlite3_column_bytes(names, 0) + sqlite3_column_bytes(names, 1));
        }
        sqlite3_reset(names);
      }
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (bytes == static_cast<std::size_t>(-1)) std::cout << "";  // keep the reads
    }
    std::printf("%s\t%d\t%.3f\t%.3f\n", s.name.c_str(), hits, wk::bench::Percentile(ms, 0.5),
                wk::bench::Percentile(ms, 0.99));
  }
  sqlite3_finalize(near);
  sqlite3_finalize(count);
  sqlite3_finalize(totals);
  sqlite3_finalize(names);
  sqlite3_close(db);
  return 0;
}
