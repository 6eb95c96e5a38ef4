#include "area_profile_page.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "profile_view.h"
#include "wk/reports/area_charts.h"
#include "wk/reports/charts.h"

namespace wk::web {
namespace {

using nlohmann::json;

// "buurten van de gemeente Utrecht": who the rank and percentile compare with.
std::string PeerPhrase(const profile::Profile& p) {
  std::string plural = p.area.level == areas::Level::kBuurt  ? "buurten"
                       : p.area.level == areas::Level::kWijk ? "wijken"
                                                             : "gemeenten";
  if (p.area.level == areas::Level::kGemeente || p.indicators.empty() || p.indicators.front().parents.empty()) {
    return std::to_string(p.peer_count) + " " + plural;
  }
  return std::to_string(p.peer_count) + " " + plural + " van de gemeente " + p.indicators.front().parents.front().name;
}

}  // namespace

Result<std::string> ChooseTheme(const std::vector<std::string>& themes, const std::string& wanted) {
  if (!wanted.empty()) {
    if (std::find(themes.begin(), themes.end(), wanted) != themes.end()) return wanted;
    auto all = PageThemes();
    if (std::find(all.begin(), all.end(), wanted) == all.end()) {
      return Fail(ErrorCode::kInvalid, "Onbekend thema ‘" + wanted + "’.", "thema");
    }
  }
  if (themes.empty()) return std::string();
  return themes.front();
}

Result<json> ProfileSection(const profile::Profile& p, const AreaPageState& state) {
  auto themes = ProfileThemes(p);
  auto theme = ChooseTheme(themes, state.theme);
  if (!theme) return Fail(theme.error());
  json tabs = json::array();
  for (const auto& t : themes) {
    AreaPageState to = state;
    to.year = p.year;
    to.theme = t;
    to.trend.clear();  // a trend belongs to its theme
    std::string slug = t;
    std::replace(slug.begin(), slug.end(), ' ', '-');
    tabs.push_back({{"label", ThemeLabel(t)},
                    {"slug", slug},
                    {"href", AreaPageHref(p.area.code, to, "#profiel")},
                    {"current", t == *theme},
                    {"empty", !ThemeHasValues(p, t)}});
  }
  // The strongest few first; the rest one click away, so that a theme with dozens of notable
  // values (the Nabijheid table of a city buurt) still reads.
  constexpr std::size_t kFirstFindings = 5;
  json findings = FindingsOfTheme(p, *theme);
  json more_findings = json::array();
  while (findings.size() > kFirstFindings) {
    more_findings.insert(more_findings.begin(), findings.back());
    findings.erase(findings.size() - 1);
  }
  return json{{"tabs", tabs},
              {"theme", *theme},
              {"theme_label", ThemeLabel(*theme)},
              {"year", p.year},
              {"area_code", p.area.code},
              {"table", ProfileTable(p, *theme)},
              {"findings", findings},
              {"has_findings", !findings.empty()},
              {"more_findings", more_findings},
              {"more_findings_count", more_findings.size()},
              {"has_more_findings", !more_findings.empty()},
              {"peer_phrase", PeerPhrase(p)},
              {"has_tabs", !tabs.empty()}};
}

Result<json> ProfileCharts(store::Db& db, const profile::Profile& p, const std::string& theme,
                           const AreaPageState& state) {
  json figures = json::array();
  if (theme == "bevolking") figures.push_back({{"svg", reports::RenderBarChart(reports::AgeGroupsChart(p))}});
  if (theme == "huishoudens") figures.push_back({{"svg", reports::RenderBarChart(reports::HouseholdsChart(p))}});

  // The trend chart: indicators of the theme with values in two or more years.
  std::vector<const profile::IndicatorProfile*> with_trend;
  for (const auto& ip : p.indicators) {
    if (ip.def != nullptr && ip.def->theme == theme && ip.since_first) with_trend.push_back(&ip);
  }
  json trend = nullptr;
  if (!with_trend.empty()) {
    const profile::IndicatorProfile* chosen = nullptr;
    for (const auto* ip : with_trend) {
      if (ip->def->code == state.trend) chosen = ip;
    }
    for (const auto* ip : with_trend) {
      if (chosen == nullptr && ip->def->unit == "%") chosen = ip;
    }
    if (chosen == nullptr) chosen = with_trend.front();
    auto chart = reports::TrendChart(db, p.area.code, chosen->def->code);
    if (!chart) return Fail(chart.error());
    json options = json::array();
    for (const auto* ip : with_trend) {
      options.push_back({{"code", ip->def->code}, {"label", IndicatorName(*ip->def)}, {"selected", ip == chosen}});
    }
    json keep = json::array();
    auto add = [&](const char* name, const std::string& value) {
      if (!value.empty()) keep.push_back({{"name", name}, {"value", value}});
    };
    add("jaar", std::to_string(p.year));
    add("thema", theme);
    add("kaart", state.map_indicator);
    add("kaartjaar", state.map_year ? std::to_string(*state.map_year) : "");
    add("indeling", state.method == ClassMethod::kQuantile ? "" : std::string(ClassMethodName(state.method)));
    trend = {{"svg", reports::RenderLineChart(*chart)}, {"options", options}, {"keep", keep}};
  }
  return json{{"figures", figures}, {"has_figures", !figures.empty()}, {"trend", trend}};
}

Result<json> CompareChoices(store::Db& db, const areas::Area& area) {
  json groups = json::array();
  auto add_group = [&](const std::string& label, const std::vector<areas::Area>& list) {
    json options = json::array();
    for (const auto& a : list) {
      if (a.code != area.code) options.push_back({{"code", a.code}, {"name", a.name}});
    }
    if (!options.empty()) groups.push_back({{"label", label}, {"options", options}});
  };
  if (area.level == areas::Level::kGemeente) {
    auto all = areas::Municipalities(db);
    if (!all) return Fail(all.error());
    add_group("Gemeenten", *all);
    return groups;
  }
  auto ancestors = areas::Ancestors(db, area.code);
  if (!ancestors) return Fail(ancestors.error());
  if (ancestors->empty()) return groups;
  auto wijken = areas::Children(db, ancestors->front().code);
  if (!wijken) return Fail(wijken.error());
  if (area.level == areas::Level::kWijk) {
    add_group("Wijken van " + ancestors->front().name, *wijken);
    return groups;
  }
  for (const auto& wijk : *wijken) {
    auto buurten = areas::Children(db, wijk.code);
    if (!buurten) return Fail(buurten.error());
    add_group(wijk.name, *buurten);
  }
  return groups;
}

}  // namespace wk::web
