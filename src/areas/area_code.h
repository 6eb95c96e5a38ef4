// CBS area codes and the tree they encode (CBS Toelichting, "gwb_code"): a gemeente code is 'GM'
// + 4 digits, a wijk code 'WK' + gemeente (4) + wijk (2), a buurt code 'BU' + gemeente (4) +
// wijk (2) + buurt (2). So the parent of every wijk and buurt follows from its code alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "wk/areas/areas.h"

namespace wk::areas {

// The level of a well-formed code (upper case, digits of the right length), else nullopt.
std::optional<Level> LevelOfCode(std::string_view code);
// The parent's code: WK034403 -> GM0344, BU03440301 -> WK034403; "" for a gemeente or a bad code.
std::string ParentCode(std::string_view code);
// A new area from a well-formed code (level and parent follow from it) and a name.
Area AreaFromCode(const std::string& code, std::string name);
// "gemeente" / "wijk" / "buurt" (case-insensitive; also CBS's recs "Gemeente", "Wijk", "Buurt").
std::optional<Level> ParseLevel(std::string_view name);

}  // namespace wk::areas
