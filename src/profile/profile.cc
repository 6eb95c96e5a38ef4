// AreaProfile: gathers the figures of the area, its parents, its peers and its other years through
// the public areas API and applies the definitions of stats.cc to each indicator.
#include <algorithm>
#include <unordered_map>

#include "wk/profile/profile.h"

namespace wk::profile {
namespace {

// Indicator code -> figure of one area and year (only figures stored or derived).
using FigureMap = std::unordered_map<std::string, areas::Figure>;

Result<FigureMap> LoadFigures(store::Db& db, std::string_view code, int year) {
  auto figures = areas::Figures(db, code, year);
  if (!figures) return Fail(figures.error());
  FigureMap map;
  for (auto& f : *figures) map.emplace(f.def->code, std::move(f));
  return map;
}

std::optional<double> ValueOf(const FigureMap& map, const std::string& indicator) {
  auto it = map.find(indicator);
  return it == map.end() ? std::nullopt : it->second.value;
}

// The same-level areas the profile compares with, the area itself included.
Result<std::vector<areas::Area>> Peers(store::Db& db, const areas::Area& area,
                                       const std::vector<areas::Area>& ancestors) {
  if (area.level == areas::Level::kGemeente || ancestors.empty()) return areas::Municipalities(db);
  auto wijken = areas::Children(db, ancestors.front().code);
  if (!wijken || area.level == areas::Level::kWijk) return wijken;
  std::vector<areas::Area> buurten;
  for (const auto& wijk : *wijken) {
    auto children = areas::Children(db, wijk.code);
    if (!children) return Fail(children.error());
    buurten.insert(buurten.end(), children->begin(), children->end());
  }
  return buurten;
}

}  // namespace

std::string Finding::Sentence() const {
  std::string out;
  for (const auto& part : parts) out += part.text;
  return out;
}

Result<Profile> AreaProfile(store::Db& db, std::string_view code, int year) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto years = areas::Years(db, code);
  if (!years) return Fail(years.error());
  std::sort(years->begin(), years->end());
  if (!std::binary_search(years->begin(), years->end(), year)) {
    return Fail(ErrorCode::kNotFound, "Voor " + area->name + " zijn geen cijfers over " + std::to_string(year) + ".",
                "year");
  }
  auto ancestors = areas::Ancestors(db, code);
  if (!ancestors) return Fail(ancestors.error());
  auto peers = Peers(db, *area, *ancestors);
  if (!peers) return Fail(peers.error());

  auto own = LoadFigures(db, code, year);
  if (!own) return Fail(own.error());
  std::vector<FigureMap> parent_figures;
  for (const auto& a : *ancestors) {
    auto f = LoadFigures(db, a.code, year);
    if (!f) return Fail(f.error());
    parent_figures.push_back(std::move(*f));
  }
  std::vector<FigureMap> peer_figures;
  for (const auto& p : *peers) {
    auto f = LoadFigures(db, p.code, year);
    if (!f) return Fail(f.error());
    peer_figures.push_back(std::move(*f));
  }
  // Other years of the area itself, for the trends.
  int first = years->front(), last = years->back();
  auto previous_it = std::lower_bound(years->begin(), years->end(), year);
  std::optional<int> previous;
  if (previous_it != years->begin()) previous = *(previous_it - 1);
  std::unordered_map<int, FigureMap> by_year;
  by_year.emplace(year, *own);
  for (int y : {first, last, previous.value_or(year)}) {
    if (by_year.contains(y)) continue;
    auto f = LoadFigures(db, code, y);
    if (!f) return Fail(f.error());
    by_year.emplace(y, std::move(*f));
  }

  Profile out;
  out.area = std::move(*area);
  out.year = year;
  out.years = *years;
  out.peer_count = static_cast<int>(peers->size());
  for (const auto& def : areas::Catalogue()) {
    auto it = own->find(def.code);
    if (it == own->end()) continue;
    IndicatorProfile ip;
    ip.def = &def;
    ip.value = it->second.value;
    ip.source = it->second.source;
    ip.source_title = it->second.source_title;
    for (std::size_t i = 0; i < ancestors->size(); ++i) {
      const auto& a = (*ancestors)[i];
      ip.parents.push_back({a.code, a.name, a.level, ValueOf(parent_figures[i], def.code)});
    }
    std::vector<std::optional<double>> peer_values;
    for (const auto& f : peer_figures) peer_values.push_back(ValueOf(f, def.code));
    ip.peers = ComparePeers(ip.value, peer_values);
    if (!ip.parents.empty()) ip.from_parent = DeviationFrom(ip.value, ip.parents.back().value);
    if (first != last) {
      ip.since_first =
          TrendBetween(first, ValueOf(by_year[first], def.code), last, ValueOf(by_year[last], def.code), def.direction);
    }
    if (previous) {
      ip.since_previous = TrendBetween(*previous, ValueOf(by_year[*previous], def.code), year, ip.value, def.direction);
    }
    out.indicators.push_back(std::move(ip));
  }
  return out;
}

}  // namespace wk::profile
