// What the social-map benchmark's programs share (search_direct.cc, direct_query.cc): the searches
// of queries.tsv and the percentile they print. Header only: run.sh builds direct_query with g++
// and libsqlite3 alone.
#pragma once

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace wk::bench {

// One line of queries.tsv: name, text, filter (taxonomy/code or -), lat, lon, radius_km.
struct BenchSearch {
  std::string name, text, filter;
  double lat = 0, lon = 0, radius_km = 0;
};

inline std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, sep)) out.push_back(cell);
  return out;
}

// The searches of a queries.tsv file (comment lines and lines without six cells are skipped).
inline std::vector<BenchSearch> ReadSearches(const std::string& path) {
  std::vector<BenchSearch> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto c = Split(line, '\t');
    if (c.size() != 6) continue;
    out.push_back({c[0], c[1], c[2], std::stod(c[3]), std::stod(c[4]), std::stod(c[5])});
  }
  return out;
}

// The p-quantile (0..1) of the timings, the value at floor(p * n) when sorted.
inline double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(std::min<double>(static_cast<double>(v.size() - 1), std::floor(p * v.size())))];
}

}  // namespace wk::bench
