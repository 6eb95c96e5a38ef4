// The charts of an area: which indicators each chart shows, its title and its source line.
#include "wk/reports/area_charts.h"

#include <algorithm>

#include "area_values.h"
#include "labels.h"
#include "wk/reports/export.h"

namespace wk::reports {
namespace {

const profile::IndicatorProfile* FindIn(const profile::Profile& p, std::string_view code) {
  for (const auto& ip : p.indicators) {
    if (ip.def != nullptr && ip.def->code == code) return &ip;
  }
  return nullptr;
}

// Shares of the profile as groups: per share the area, its parents (direct parent first) and the
// country when loaded.
BarChart ShareGroups(const profile::Profile& p, const std::vector<std::string_view>& shares) {
  BarChart chart;
  chart.text.unit = "%";
  SourceList sources;
  for (std::string_view code : shares) {
    const auto* ip = FindIn(p, code);
    if (ip == nullptr) continue;
    const areas::IndicatorDef* count = areas::FindIndicator(ip->def->numerator);
    BarGroup group{count != nullptr ? count->label : ip->def->label, {}};
    group.bars.push_back({AreaLabel(p.area.level, p.area.name), ip->value, true});
    for (auto parent = ip->parents.rbegin(); parent != ip->parents.rend(); ++parent) {
      group.bars.push_back({AreaLabel(parent->level, parent->name), parent->value, false});
    }
    if (ip->national) {
      group.bars.push_back({"Nederland", ip->national, false});
      sources.Add(ip->national_source, "");
    }
    sources.Add(ip->source, ip->source_title);
    chart.decimals = ip->def->decimals;
    chart.groups.push_back(std::move(group));
  }
  chart.text.source = sources.Joined();
  return chart;
}

// A profile with values, parents and sources only: what the share charts read.
Result<profile::Profile> ValuesOnly(store::Db& db, std::string_view code, int year) {
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto ancestors = areas::Ancestors(db, code);
  if (!ancestors) return Fail(ancestors.error());
  auto own = areas::Figures(db, code, year);
  if (!own) return Fail(own.error());
  std::vector<std::vector<areas::Figure>> parents;
  for (const auto& a : *ancestors) {
    auto f = areas::Figures(db, a.code, year);
    if (!f) return Fail(f.error());
    parents.push_back(std::move(*f));
  }
  profile::Profile p;
  p.area = std::move(*area);
  p.year = year;
  for (const auto& f : *own) {
    profile::IndicatorProfile ip;
    ip.def = f.def;
    ip.value = f.value;
    ip.source = f.source;
    ip.source_title = f.source_title;
    for (std::size_t i = 0; i < ancestors->size(); ++i) {
      const areas::Figure* pf = FindFigure(parents[i], f.def->code);
      const auto& a = (*ancestors)[i];
      ip.parents.push_back({a.code, a.name, a.level, pf != nullptr ? pf->value : std::nullopt});
    }
    p.indicators.push_back(std::move(ip));
  }
  return p;
}

std::string LowerFirst(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

BarChart AgeGroupsChart(const profile::Profile& profile) {
  BarChart chart = ShareGroups(profile, {"p_00_14", "p_15_24", "p_25_44", "p_45_64", "p_65_oo"});
  chart.text.id = "leeftijd";
  chart.text.title =
      "Leeftijdsopbouw van " + profile.area.name + ", " + std::to_string(profile.year) + ": aandeel van de inwoners";
  return chart;
}

BarChart HouseholdsChart(const profile::Profile& profile) {
  BarChart chart = ShareGroups(profile, {"p_1p_hh", "p_hh_z_k", "p_hh_m_k"});
  chart.text.id = "huishoudens";
  chart.text.title =
      "Huishoudens in " + profile.area.name + ", " + std::to_string(profile.year) + ": aandeel van alle huishoudens";
  return chart;
}

Result<BarChart> AgeGroupsChart(store::Db& db, std::string_view code, int year) {
  auto p = ValuesOnly(db, code, year);
  if (!p) return Fail(p.error());
  return AgeGroupsChart(*p);
}

Result<BarChart> HouseholdsChart(store::Db& db, std::string_view code, int year) {
  auto p = ValuesOnly(db, code, year);
  if (!p) return Fail(p.error());
  return HouseholdsChart(*p);
}

Result<BarChart> ChildrenChart(store::Db& db, std::string_view parent, std::string_view indicator, int year,
                               std::string_view highlight) {
  auto values = IndicatorOverChildrenValues(db, parent, indicator, year);
  if (!values) return Fail(values.error());
  BarChart chart;
  chart.text.id = "onderdelen";
  chart.text.title = values->def->label + ", " + LowerFirst(values->title) + ", " + std::to_string(year);
  chart.text.unit = values->def->unit;
  chart.decimals = values->def->decimals;
  SourceList sources;
  BarGroup group;
  for (const auto& v : values->values) {
    group.bars.push_back({v.area.name, v.value, !highlight.empty() && v.area.code == highlight});
    sources.AddText(v.source, v.publisher);
  }
  SortBarsDescending(group.bars);
  chart.groups.push_back(std::move(group));
  chart.text.source = sources.Joined();
  return chart;
}

Result<LineChart> TrendChart(store::Db& db, std::string_view code, std::string_view indicator) {
  auto def = IndicatorByCode(db, indicator);
  if (!def) return Fail(def.error());
  auto area = areas::GetArea(db, code);
  if (!area) return Fail(area.error());
  auto ancestors = areas::Ancestors(db, code);
  if (!ancestors) return Fail(ancestors.error());
  auto years = areas::Years(db, code);
  if (!years) return Fail(years.error());
  std::sort(years->begin(), years->end());

  std::vector<areas::Area> lines = {*area};
  lines.insert(lines.end(), ancestors->rbegin(), ancestors->rend());
  LineChart chart;
  SourceList sources;
  for (const auto& a : lines) {
    LineSeries series{AreaLabel(a.level, a.name), {}};
    for (int y : *years) {
      auto v = ValueOf(db, a, **def, y);
      if (!v) return Fail(v.error());
      series.points.push_back({y, v->value});
      if (&a == &lines.front()) sources.AddText(v->source, v->publisher);
    }
    chart.series.push_back(std::move(series));
  }
  chart.text.id = "trend";
  chart.text.title = (*def)->label + ", " + area->name;
  if (!years->empty()) {
    chart.text.title += ", " + std::to_string(years->front());
    if (years->back() != years->front()) chart.text.title += "–" + std::to_string(years->back());
  }
  chart.text.unit = (*def)->unit;
  chart.text.source = sources.Joined();
  chart.decimals = (*def)->decimals;
  return chart;
}

Result<SmallMultiples> CompareChart(store::Db& db, const std::vector<std::string>& codes,
                                    const std::vector<std::string>& indicators, int year) {
  if (codes.size() < 2 || codes.size() > 4)
    return Fail(ErrorCode::kInvalid, "Kies 2 tot en met 4 gebieden.", "gebieden");
  if (indicators.empty() || indicators.size() > kMaxComparePanels) {
    return Fail(ErrorCode::kInvalid, "Kies 1 tot en met " + std::to_string(kMaxComparePanels) + " indicatoren.",
                "indicator");
  }
  std::vector<areas::Area> list;
  for (const auto& code : codes) {
    auto area = areas::GetArea(db, code);
    if (!area) return Fail(area.error());
    list.push_back(std::move(*area));
  }
  SmallMultiples chart;
  SourceList sources;
  std::string names;
  for (std::size_t i = 0; i < list.size(); ++i) {
    chart.areas.push_back(list[i].name);
    names += (i == 0 ? "" : i + 1 == list.size() ? " en " : ", ") + list[i].name;
  }
  for (const auto& code : indicators) {
    auto def = IndicatorByCode(db, code);
    if (!def) return Fail(def.error());
    Panel panel{(*def)->label, (*def)->unit, (*def)->decimals, {}};
    for (const auto& a : list) {
      auto v = ValueOf(db, a, **def, year);
      if (!v) return Fail(v.error());
      panel.values.push_back(v->value);
      sources.AddText(v->source, v->publisher);
    }
    chart.panels.push_back(std::move(panel));
  }
  chart.text.id = "vergelijking";
  chart.text.title = names + " vergeleken, " + std::to_string(year);
  chart.text.source = sources.Joined();
  chart.columns = indicators.size() == 1 ? 1 : 2;
  return chart;
}

}  // namespace wk::reports
