// The parts of the area page built from the profile: the theme tabs with the comparison table and
// findings of one theme, and the "Vergelijk met…" form. Used by area_pages.cc.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "area_page_state.h"
#include "wk/areas/areas.h"
#include "wk/core/error.h"
#include "wk/profile/profile.h"

namespace wk::store {
class Db;
}

namespace wk::web {

// The theme to show: `wanted` when the profile has indicators in it, the first theme when `wanted`
// is empty or a theme without indicators here. kInvalid (field "thema") for an unknown theme.
Result<std::string> ChooseTheme(const std::vector<std::string>& themes, const std::string& wanted);

// The profile section of the area page for `state` (tabs, findings, table, help).
Result<nlohmann::json> ProfileSection(const profile::Profile& profile, const AreaPageState& state);

// The charts of the theme shown: the age groups (bevolking) and the household composition
// (huishoudens) from the profile, and the trend over the years of `state.trend` or, when that is
// not an indicator of the theme with a trend, of the theme's first share (else first indicator)
// with one: {figures: [{svg}], trend: {svg, options[], keep[]} | null}. SVG from wk::reports.
Result<nlohmann::json> ProfileCharts(store::Db& db, const profile::Profile& profile, const std::string& theme,
                                     const AreaPageState& state);

// The areas `area` can be compared with: the same-level areas of its gemeente (for a buurt grouped
// by wijk), without the area itself: [{label, options: [{code, name}]}].
Result<nlohmann::json> CompareChoices(store::Db& db, const areas::Area& area);

}  // namespace wk::web
