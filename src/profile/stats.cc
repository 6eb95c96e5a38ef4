// The pure definitions of docs/adr/0008: peer statistics, deviation from a parent, trend.
#include <cmath>

#include "wk/profile/profile.h"

namespace wk::profile {

std::optional<PeerStats> ComparePeers(std::optional<double> value, const std::vector<std::optional<double>>& peers) {
  if (!value) return std::nullopt;
  int n = 0, below = 0, equal = 0, above = 0;
  double sum = 0;
  for (const auto& p : peers) {
    if (!p) continue;
    ++n;
    sum += *p;
    if (*p < *value) {
      ++below;
    } else if (*p > *value) {
      ++above;
    } else {
      ++equal;
    }
  }
  if (n == 0) return std::nullopt;
  PeerStats s;
  s.peers = n;
  s.rank = above + 1;
  s.percentile = (below + 0.5 * equal) / n * 100.0;
  double mean = sum / n;
  double squares = 0;
  for (const auto& p : peers) {
    if (p) squares += (*p - mean) * (*p - mean);
  }
  double sd = std::sqrt(squares / n);
  if (sd > 0) s.z_score = (*value - mean) / sd;
  return s;
}

std::optional<Deviation> DeviationFrom(std::optional<double> value, std::optional<double> parent) {
  if (!value || !parent) return std::nullopt;
  Deviation d;
  d.absolute = *value - *parent;
  if (*parent != 0) d.percent = d.absolute / std::fabs(*parent) * 100.0;
  return d;
}

std::optional<Trend> TrendBetween(int from_year, std::optional<double> from, int to_year, std::optional<double> to,
                                  areas::Direction direction, double threshold_percent) {
  if (!from || !to) return std::nullopt;
  Trend t{from_year, to_year, *from, *to, *to - *from};
  bool moved = false;
  if (*from != 0) {
    t.percent = t.change / std::fabs(*from) * 100.0;
    moved = std::fabs(*t.percent) > threshold_percent;
  } else {
    moved = t.change != 0;
  }
  if (!moved) return t;
  t.movement = t.change > 0 ? Movement::kUp : Movement::kDown;
  bool up = t.movement == Movement::kUp;
  switch (direction) {
    case areas::Direction::kNeutral: break;
    case areas::Direction::kHigherIsBetter: t.judgement = up ? Judgement::kFavourable : Judgement::kUnfavourable; break;
    case areas::Direction::kLowerIsBetter: t.judgement = up ? Judgement::kUnfavourable : Judgement::kFavourable; break;
  }
  return t;
}

}  // namespace wk::profile
