// AreaProfile: the figures of the area, its parents and its other years through the public areas
// API; ranks, percentiles and z-scores from the peer index (level_index.h), which gives exactly
// what ComparePeers gives over the same peers; then the notability rules and the findings.
#include <algorithm>
#include <unordered_map>

#include "findings.h"
#include "level_index.h"
#include "peer_cache.h"
#include "rules.h"
#include "wk/profile/profile.h"

namespace wk::profile {
namespace {

// Indicator code -> figure of one area and year (only figures stored or derived).
using FigureMap = std::unordered_map<std::string, areas::Figure>;

FigureMap ToMap(std::vector<areas::Figure> figures) {
  FigureMap map;
  for (auto& f : figures) map.emplace(f.def->code, std::move(f));
  return map;
}

Result<FigureMap> LoadFigures(store::Db& db, std::string_view code, int year) {
  auto figures = areas::Figures(db, code, year);
  if (!figures) return Fail(figures.error());
  return ToMap(std::move(*figures));
}

const areas::Figure* Find(const FigureMap& map, const std::string& indicator) {
  auto it = map.find(indicator);
  return it == map.end() ? nullptr : &it->second;
}

std::optional<double> ValueOf(const FigureMap& map, const std::string& indicator) {
  const auto* f = Find(map, indicator);
  return f == nullptr ? std::nullopt : f->value;
}

// The country's values of the year (NL00), empty when none are loaded.
Result<FigureMap> NationalValues(store::Db& db, int year) {
  auto figures = areas::NationalFigures(db, year);
  if (!figures) return Fail(figures.error());
  return ToMap(std::move(*figures));
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
  auto index = PeerIndexOf(db, year, area->level);
  if (!index) return Fail(index.error());

  auto own_figures = areas::Figures(db, code, year);
  if (!own_figures) return Fail(own_figures.error());
  std::vector<FigureMap> parent_figures;
  for (const auto& a : *ancestors) {
    auto f = LoadFigures(db, a.code, year);
    if (!f) return Fail(f.error());
    parent_figures.push_back(std::move(*f));
  }
  auto national = NationalValues(db, year);
  if (!national) return Fail(national.error());
  // Other years of the area itself, for the trends.
  int first = years->front(), last = years->back();
  auto previous_it = std::lower_bound(years->begin(), years->end(), year);
  std::optional<int> previous;
  if (previous_it != years->begin()) previous = *(previous_it - 1);
  std::unordered_map<int, FigureMap> by_year;
  by_year.emplace(year, ToMap(*own_figures));
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
  const LevelIndex& peers = **index;
  const bool is_gemeente = out.area.level == areas::Level::kGemeente;
  const std::string gemeente = GemeenteOf(out.area);
  // For a gemeente the peers are all gemeenten: its national peers would say the same again.
  const bool national_peers = !is_gemeente && peers.municipality_count() > 1;
  out.peer_count = is_gemeente ? peers.area_count() : peers.AreasIn(gemeente);

  const FigureMap& own = by_year[year];
  RuleContext rule_context{out.area.level, ValueOf(own, "a_inw")};
  FindingContext finding_context{&out.area, year, ""};
  for (const auto& figure : *own_figures) {
    const areas::IndicatorDef& def = *figure.def;
    IndicatorProfile ip;
    ip.def = &def;
    ip.value = figure.value;
    ip.source = figure.source;
    ip.source_title = figure.source_title;
    ip.reliability = figure.reliability;
    for (std::size_t i = 0; i < ancestors->size(); ++i) {
      const auto& a = (*ancestors)[i];
      const auto* f = Find(parent_figures[i], def.code);
      ip.parents.push_back({a.code, a.name, a.level, f ? f->value : std::nullopt, f ? f->source : ""});
    }
    if (const auto* f = Find(*national, def.code)) {
      ip.national = f->value;
      if (f->value) ip.national_source = f->source;
    }
    ip.peers = is_gemeente ? peers.Nationally(def.code, ip.value) : peers.InGemeente(def.code, gemeente, ip.value);
    if (national_peers) ip.national_peers = peers.Nationally(def.code, ip.value);
    if (!ip.parents.empty()) ip.from_parent = DeviationFrom(ip.value, ip.parents.back().value);
    if (first != last) {
      ip.since_first = TrendBetween(first, ValueOf(by_year[first], def.code), last, ValueOf(by_year[last], def.code),
                                    def.direction, def.trend_threshold);
    }
    if (previous) {
      ip.since_previous = TrendBetween(*previous, ValueOf(by_year[*previous], def.code), year, ip.value, def.direction,
                                       def.trend_threshold);
    }
    auto matches = MatchRules(Rules(), ip, rule_context);
    for (const auto& m : matches) ip.notable.push_back(m.rule->id);
    if (previous) {
      const auto* from = Find(by_year[*previous], def.code);
      finding_context.previous_source = from ? from->source : "";
    }
    for (auto& f : FindingsOf(matches, ip, finding_context)) out.findings.push_back(std::move(f));
    out.indicators.push_back(std::move(ip));
  }
  RankFindings(out.findings);
  return out;
}

}  // namespace wk::profile
