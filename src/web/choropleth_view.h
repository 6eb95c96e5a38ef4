// The choropleth map of an area page as template data: the form (indicator by theme, year,
// classification), the legend with the class bounds in Dutch notation, and the table beside the
// map with the same values and classes. The shapes on the map take their colours from that table
// (map.js reads data-code/data-colour), so map, legend and table come from one Classification.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "area_page_state.h"
#include "wk/areas/areas.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::web {

// The area whose children the map colours: the area itself, or for a buurt its wijk (the buurt is
// outlined among its neighbours). Empty for a gemeente without wijken.
std::string MapParentCode(const areas::Area& area, bool has_children);

// The map panel of `area` (whose children, or siblings for a buurt, are coloured) for `state`.
// Null when there is nothing to colour (no children or no figures). Errors: kNotFound for an
// unknown indicator; kInvalid for a year without figures (field "kaartjaar").
Result<nlohmann::json> ChoroplethData(store::Db& db, const areas::Area& area, const std::string& parent_code,
                                      const AreaPageState& state);

// The default indicator of the map: the share of residents aged 65 or over.
inline constexpr const char* kDefaultMapIndicator = "p_65_oo";

}  // namespace wk::web
