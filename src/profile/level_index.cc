// Building and reading the peer index. The moments (mean, population sd) are summed over the peers
// in area code order, the order ComparePeers sees them in AreaProfile's definition, so that a
// lookup here gives the same doubles as ComparePeers, not merely close ones (tests compare them).
#include "level_index.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace wk::profile {
namespace {

bool IsDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Sum, mean and population sd exactly as ComparePeers computes them.
void Moments(const std::vector<double>& in_code_order, double& mean, double& sd) {
  if (in_code_order.empty()) return;
  double sum = 0;
  for (double v : in_code_order) sum += v;
  const auto n = static_cast<int>(in_code_order.size());
  mean = sum / n;
  double squares = 0;
  for (double v : in_code_order) squares += (v - mean) * (v - mean);
  sd = std::sqrt(squares / n);
}

}  // namespace

std::string GemeenteOf(const areas::Area& area) {
  std::string_view code = area.code;
  if (area.level == areas::Level::kGemeente) return area.code;
  if (code.size() >= 6 && (code.starts_with("BU") || code.starts_with("WK")) && IsDigits(code.substr(2, 4))) {
    return "GM" + std::string(code.substr(2, 4));
  }
  return area.parent_code;
}

LevelIndex LevelIndex::Build(const areas::LevelValues& values, std::int64_t generation) {
  LevelIndex index;
  index.generation_ = generation;
  const std::size_t n = values.areas.size();
  const std::size_t width = values.indicators.size();
  index.area_count_ = static_cast<int>(n);

  std::vector<std::string> gemeente_of(n);
  for (std::size_t a = 0; a < n; ++a) gemeente_of[a] = GemeenteOf(values.areas[a]);
  index.gemeenten_ = gemeente_of;
  std::sort(index.gemeenten_.begin(), index.gemeenten_.end());
  index.gemeenten_.erase(std::unique(index.gemeenten_.begin(), index.gemeenten_.end()), index.gemeenten_.end());
  const std::size_t groups = index.gemeenten_.size();
  std::vector<std::uint32_t> group_of(n);
  index.areas_per_gemeente_.assign(groups, 0);
  for (std::size_t a = 0; a < n; ++a) {
    auto at = std::lower_bound(index.gemeenten_.begin(), index.gemeenten_.end(), gemeente_of[a]);
    group_of[a] = static_cast<std::uint32_t>(at - index.gemeenten_.begin());
    ++index.areas_per_gemeente_[group_of[a]];
  }
  // The areas grouped by gemeente, in code order within each (ValuesOfYear gives them by code).
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return group_of[x] < group_of[y]; });

  index.indicators_.resize(width);
  std::vector<double> run;
  for (std::size_t i = 0; i < width; ++i) {
    index.indicator_at_.emplace(values.indicators[i]->code, i);
    Indicator& ind = index.indicators_[i];
    auto value = [&](std::size_t a) -> std::optional<double> {
      const auto& v = values.values[a * width + i];
      if (!v || std::isnan(*v)) return std::nullopt;
      return v;
    };
    for (std::size_t a = 0; a < n; ++a) {
      if (auto v = value(a)) ind.national.push_back(*v);
    }
    if (ind.national.empty()) continue;  // missing everywhere: nothing to compare
    index.value_count_ += static_cast<std::int64_t>(ind.national.size());
    ind.all.end = static_cast<std::uint32_t>(ind.national.size());
    Moments(ind.national, ind.all.mean, ind.all.sd);
    std::sort(ind.national.begin(), ind.national.end());

    ind.local.reserve(ind.national.size());
    ind.per_gemeente.resize(groups);
    std::size_t k = 0;
    for (std::size_t g = 0; g < groups; ++g) {
      run.clear();
      for (; k < n && group_of[order[k]] == g; ++k) {
        if (auto v = value(order[k])) run.push_back(*v);
      }
      Group& group = ind.per_gemeente[g];
      group.begin = static_cast<std::uint32_t>(ind.local.size());
      Moments(run, group.mean, group.sd);
      std::sort(run.begin(), run.end());
      ind.local.insert(ind.local.end(), run.begin(), run.end());
      group.end = static_cast<std::uint32_t>(ind.local.size());
    }
  }
  return index;
}

int LevelIndex::AreasIn(std::string_view gemeente) const {
  auto at = std::lower_bound(gemeenten_.begin(), gemeenten_.end(), gemeente);
  if (at == gemeenten_.end() || *at != gemeente) return 0;
  return areas_per_gemeente_[static_cast<std::size_t>(at - gemeenten_.begin())];
}

const LevelIndex::Indicator* LevelIndex::FindIndicator(std::string_view code) const {
  auto at = indicator_at_.find(std::string(code));
  return at == indicator_at_.end() ? nullptr : &indicators_[at->second];
}

std::optional<PeerStats> LevelIndex::Stats(const std::vector<double>& sorted, const Group& group, double value) {
  const int n = static_cast<int>(group.end - group.begin);
  if (n == 0 || std::isnan(value)) return std::nullopt;
  auto begin = sorted.begin() + group.begin, end = sorted.begin() + group.end;
  auto lo = std::lower_bound(begin, end, value);
  auto hi = std::upper_bound(lo, end, value);
  const int below = static_cast<int>(lo - begin), equal = static_cast<int>(hi - lo);
  const int above = static_cast<int>(end - hi);
  PeerStats s;
  s.peers = n;
  s.rank = above + 1;
  s.percentile = (below + 0.5 * equal) / n * 100.0;
  if (group.sd > 0) s.z_score = (value - group.mean) / group.sd;
  return s;
}

std::optional<PeerStats> LevelIndex::InGemeente(std::string_view indicator, std::string_view gemeente,
                                                std::optional<double> value) const {
  const Indicator* ind = FindIndicator(indicator);
  if (!value || ind == nullptr || ind->per_gemeente.empty()) return std::nullopt;
  auto at = std::lower_bound(gemeenten_.begin(), gemeenten_.end(), gemeente);
  if (at == gemeenten_.end() || *at != gemeente) return std::nullopt;
  return Stats(ind->local, ind->per_gemeente[static_cast<std::size_t>(at - gemeenten_.begin())], *value);
}

std::optional<PeerStats> LevelIndex::Nationally(std::string_view indicator, std::optional<double> value) const {
  const Indicator* ind = FindIndicator(indicator);
  if (!value || ind == nullptr) return std::nullopt;
  return Stats(ind->national, ind->all, *value);
}

}  // namespace wk::profile
