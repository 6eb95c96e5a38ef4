// The Sociale kaart tab of the area page (issue 4): one more tab after the profile's themes,
// chosen with ?thema=sociale-kaart. Its panel lists the parties and services active in or serving
// the area, with a small map, instead of a theme's findings and table.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "area_page_state.h"
#include "wk/areas/areas.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::web {

inline constexpr std::string_view kSocialMapTab = "sociale-kaart";

// Appends the tab to `section` (from ProfileSection, built for the state WITHOUT this tab's theme)
// and, when `state.theme` is the tab, makes it the current one with its panel in
// section["social_map"] (false otherwise).
Result<void> AddSocialMapTab(nlohmann::json& section, store::Db& db, const areas::Area& area,
                             const AreaPageState& state, int year);

}  // namespace wk::web
