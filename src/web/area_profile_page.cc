#include "area_profile_page.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "profile_view.h"

namespace wk::web {
namespace {

using nlohmann::json;

// "buurten van de gemeente Utrecht": who the rank and percentile compare with.
std::string PeerPhrase(const profile::Profile& p) {
  std::string plural = p.area.level == areas::Level::kBuurt ? "buurten" : p.area.level == areas::Level::kWijk ? "wijken"
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
    std::string slug = t;
    std::replace(slug.begin(), slug.end(), ' ', '-');
    tabs.push_back({{"label", ThemeLabel(t)},
                    {"slug", slug},
                    {"href", AreaPageHref(p.area.code, to, "#profiel")},
                    {"current", t == *theme},
                    {"empty", !ThemeHasValues(p, t)}});
  }
  json findings = FindingsOfTheme(p, *theme);
  return json{{"tabs", tabs},
              {"theme", *theme},
              {"theme_label", ThemeLabel(*theme)},
              {"year", p.year},
              {"area_code", p.area.code},
              {"table", ProfileTable(p, *theme)},
              {"findings", findings},
              {"has_findings", !findings.empty()},
              {"peer_phrase", PeerPhrase(p)},
              {"has_tabs", !tabs.empty()}};
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
