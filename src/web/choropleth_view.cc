#include "choropleth_view.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "area_data.h"
#include "figures_view.h"
#include "map_classes.h"
#include "profile_view.h"
#include "wk/core/text.h"
#include "wk/reports/area_charts.h"
#include "wk/reports/charts.h"

namespace wk::web {
namespace {

using nlohmann::json;

std::string DirectionNote(areas::Direction d) {
  switch (d) {
    case areas::Direction::kNeutral: return "Donkerder blauw: hogere waarde.";
    case areas::Direction::kLowerIsBetter:
      return "Donkerder rood: hogere waarde, en dat is ongunstig (lager is beter).";
    case areas::Direction::kHigherIsBetter:
      return "Donkerder rood: lagere waarde, en dat is ongunstig (hoger is beter).";
  }
  return "";
}

std::string MethodNote(ClassMethod m) {
  return m == ClassMethod::kQuantile
             ? "Kwantielen: elke klasse telt ongeveer evenveel gebieden; gelijke waarden vallen in dezelfde klasse."
             : "Gelijke intervallen: het bereik van laagste tot hoogste waarde in vijf even brede stukken.";
}

// The indicators the select offers: those with a value for the map's parent area in that year,
// grouped by theme in page order, and the chosen one in any case.
json IndicatorGroups(const std::vector<const areas::IndicatorDef*>& all, const std::vector<areas::Figure>& figures,
                     const areas::IndicatorDef& chosen) {
  json groups = json::array();
  for (const auto& theme : PageThemes()) {
    json options = json::array();
    bool chosen_here = false;
    for (const auto* d : all) {
      const areas::IndicatorDef& def = *d;
      if (def.theme != theme) continue;
      bool has_value = std::any_of(figures.begin(), figures.end(), [&](const areas::Figure& f) {
        return f.def != nullptr && f.def->code == def.code && f.value.has_value();
      });
      bool selected = def.code == chosen.code;
      if (!has_value && !selected) continue;
      chosen_here = chosen_here || selected;
      options.push_back({{"code", def.code}, {"label", IndicatorName(def)}, {"selected", selected}});
    }
    if (!options.empty()) groups.push_back({{"label", ThemeLabel(theme)}, {"options", options}});
  }
  return groups;
}

std::string Range(const areas::IndicatorDef& def, const MapClass& c) {
  if (c.low == c.high) return areas::FormatValue(def, c.low);
  return areas::FormatValue(def, c.low) + " – " + areas::FormatValue(def, c.high);
}

}  // namespace

std::string MapParentCode(const areas::Area& area, bool has_children) {
  if (has_children) return area.code;
  return area.level == areas::Level::kBuurt ? area.parent_code : "";
}

Result<json> ChoroplethData(store::Db& db, const areas::Area& area, const std::string& parent_code,
                            const AreaPageState& state) {
  if (parent_code.empty()) return json(nullptr);
  auto parent = areas::GetArea(db, parent_code);
  if (!parent) return Fail(parent.error());
  auto years = areas::Years(db, parent_code);
  if (!years) return Fail(years.error());
  if (years->empty()) return json(nullptr);
  auto wanted_year = state.map_year ? state.map_year : state.year;
  if (wanted_year && std::find(years->begin(), years->end(), *wanted_year) == years->end() && !state.map_year) {
    wanted_year.reset();  // the page's year is not one of the map's: its newest year
  }
  auto year = ChooseYear(*years, wanted_year, "kaartjaar");
  if (!year) return Fail(year.error());
  auto figures = areas::Figures(db, parent_code, *year);
  if (!figures) return Fail(figures.error());

  std::string code = state.map_indicator.empty() ? kDefaultMapIndicator : state.map_indicator;
  auto found = areas::FindIndicator(db, code);
  if (!found) {
    Error e = found.error();
    if (e.code == ErrorCode::kNotFound) e.field = "kaart";
    return Fail(std::move(e));
  }
  const areas::IndicatorDef* def = *found;
  auto all = areas::Indicators(db);
  if (!all) return Fail(all.error());
  auto children = areas::IndicatorOverChildren(db, parent_code, def->code, *year);
  if (!children) return Fail(children.error());
  std::vector<std::optional<double>> values;
  for (const auto& c : *children) values.push_back(c.value);
  Classification classes = Classify(values, state.method, def->direction);

  json legend = json::array();
  for (const auto& c : classes.classes) {
    legend.push_back({{"range", Range(*def, c)}, {"count", c.count}, {"swatch", c.swatch}, {"colour", c.colour}});
  }
  json rows = json::array();
  for (std::size_t i = 0; i < children->size(); ++i) {
    const auto& c = (*children)[i];
    json row = {{"code", c.area.code},
                {"name", c.area.name},
                {"href", "/gebied/" + c.area.code},
                {"current", c.area.code == area.code},
                {"missing", !c.value},
                {"value", c.value ? areas::FormatValue(*def, *c.value) : std::string(kMissingValue)}};
    if (classes.of[i]) {
      auto it = std::find_if(classes.classes.begin(), classes.classes.end(),
                             [&](const MapClass& k) { return k.index == *classes.of[i]; });
      row["range"] = Range(*def, *it);
      row["swatch"] = it->swatch;
      row["colour"] = it->colour;
    }
    rows.push_back(std::move(row));
  }
  std::string source = "Bron: CBS";
  for (const auto& f : *figures) {
    if (f.def != nullptr && f.def->code == def->code && !f.source.empty()) source = SourceLine({f});
  }
  json year_options = json::array();
  for (int y : *years) year_options.push_back({{"year", y}, {"selected", y == *year}});
  json methods = json::array();
  for (ClassMethod m : {ClassMethod::kQuantile, ClassMethod::kEqualInterval}) {
    methods.push_back(
        {{"value", ClassMethodName(m)},
         {"label", m == ClassMethod::kQuantile ? "Kwantielen (gelijke aantallen)" : "Gelijke intervallen"},
         {"selected", m == state.method}});
  }
  // The same values as a bar chart, highest first, this area marked (on a buurt's page).
  auto bars = reports::ChildrenChart(db, parent_code, def->code, *year, parent_code == area.code ? "" : area.code);
  if (!bars) return Fail(bars.error());
  std::string plural = text::ToLowerAscii(areas::ChildLevelLabelPlural(parent->level));
  std::string unit_note = def->unit.empty() || def->unit == "aantal" ? "" : " (" + def->unit + ")";
  return json{{"parent_code", parent_code},
              {"parent_name", parent->name},
              {"children_plural", plural},
              {"indicator", {{"code", def->code}, {"label", def->label}, {"unit", def->unit}}},
              {"title",
               IndicatorName(*def) + unit_note + ", " + plural + " van " + parent->name + ", " + std::to_string(*year)},
              {"year", *year},
              {"years", year_options},
              {"groups", IndicatorGroups(*all, *figures, *def)},
              {"methods", methods},
              {"legend", legend},
              {"has_values", !classes.classes.empty()},
              {"missing_count", classes.missing},
              {"has_missing", classes.missing > 0},
              {"direction_note", DirectionNote(def->direction)},
              {"method_note", MethodNote(state.method)},
              {"rows", rows},
              {"bar_chart", reports::RenderBarChart(*bars)},
              {"source", source}};
}

}  // namespace wk::web
