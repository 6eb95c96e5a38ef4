#include "socialmap_area_tab.h"

#include <nlohmann/json.hpp>

#include "socialmap_view.h"

namespace wk::web {

Result<void> AddSocialMapTab(nlohmann::json& section, store::Db& db, const areas::Area& area,
                             const AreaPageState& state, int year) {
  const bool current = state.theme == kSocialMapTab;
  AreaPageState to = state;
  to.year = year;
  to.theme = std::string(kSocialMapTab);
  to.trend.clear();
  if (current) {
    for (auto& tab : section["tabs"]) tab["current"] = false;
  }
  section["tabs"].push_back({{"label", "Sociale kaart"},
                             {"slug", std::string(kSocialMapTab)},
                             {"href", AreaPageHref(area.code, to, "#profiel")},
                             {"current", current},
                             {"empty", false}});
  section["has_tabs"] = true;
  section["social_map"] = false;
  if (!current) return {};
  auto panel = SocialMapTabJson(db, area.code, area.name);
  if (!panel) return Fail(panel.error());
  section["social_map"] = std::move(*panel);
  return {};
}

}  // namespace wk::web
