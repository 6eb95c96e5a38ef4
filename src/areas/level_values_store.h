// SQL of ValuesOfYear (level_values.cc): the stored values of one year of every area of a level,
// read in one scan. Private to the areas module.
#pragma once

#include <string>
#include <unordered_map>

#include "wk/areas/areas.h"
#include "wk/store/db.h"

namespace wk::areas::sql {

// Indicator code -> position in LevelValues::indicators (stored indicators only).
using IndicatorPositions = std::unordered_map<std::string, std::size_t>;

// Appends to out.areas every area of `level` that has at least one stored value (missing included)
// in `year`, by code (name and parent, no bbox), and sets out.values of the stored indicators in
// `positions`; out.values grows by out.indicators.size() per area, the rest stays missing. Codes
// not in `positions` are ignored.
Result<void> SelectLevelValues(store::Db& db, Level level, int year, const IndicatorPositions& positions,
                               LevelValues& out);

}  // namespace wk::areas::sql
