// Small pieces shared by the area pages and the area API: reading path and query parameters the
// same way, and turning areas records into JSON.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/core/error.h"

namespace wk::store {
class Db;
}

namespace wk::web {

// CBS codes are upper case ("GM0344"); people type "gm0344" too.
std::string NormalizeAreaCode(std::string_view code);

// A year from a query parameter: nullopt when absent or empty; kInvalid naming `field` when it is
// not a year ("Het jaar moet een jaartal zijn, zoals 2024.").
Result<std::optional<int>> ParseYear(const std::optional<std::string>& raw, std::string_view field);

// The year to show: `wanted` if the area has figures for it, else the newest. Errors: kNotFound
// when the area has no figures at all; kInvalid naming `field` when `wanted` is not available
// (the message lists the years that are).
Result<int> ChooseYear(const std::vector<int>& years, std::optional<int> wanted, std::string_view field);

// {code, name, level, parent_code (null for a gemeente), bbox ([min_lon, min_lat, max_lon, max_lat] or null)}
nlohmann::json AreaJson(const areas::Area& area);
// {code, label, unit, theme, direction, decimals, key_figure, [numerator, denominator, scale], year,
//  value (null when missing), source, source_title}
nlohmann::json FigureJson(const areas::Figure& figure);
std::string_view DirectionName(areas::Direction direction);  // "neutral", "higher_is_better", "lower_is_better"

}  // namespace wk::web
