// The charts of an area, assembled from its profile or read through the areas module: what the area
// pages and the reports show. Each returns the chart's data; charts.h renders it. Titles, units and
// source lines come from the catalogue and the figures' sources.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wk/core/error.h"
#include "wk/profile/profile.h"
#include "wk/reports/charts.h"

namespace wk::store {
class Db;
}

namespace wk::reports {

// The age bands (0-15, 15-25, 25-45, 45-65, 65+) as shares of the inhabitants: a group per band
// with a bar for the area (highlighted), each parent from the direct parent up, and the country
// when its value is loaded. Id "leeftijd".
BarChart AgeGroupsChart(const profile::Profile& profile);

// One-person households, households without and with children as shares of all households, in
// the same groups as AgeGroupsChart. Id "huishoudens".
BarChart HouseholdsChart(const profile::Profile& profile);

// The same two charts from the figures of `code` and its parents in `year` alone, without the
// peer comparisons of a whole profile (cheaper: for pages). Errors: kNotFound for an unknown area.
Result<BarChart> AgeGroupsChart(store::Db& db, std::string_view code, int year);
Result<BarChart> HouseholdsChart(store::Db& db, std::string_view code, int year);

// `indicator` in `year` for every child of `parent`, highest first, missing last; the child
// `highlight` (a code, may be empty) is highlighted. Id "onderdelen". Errors: kNotFound for an
// unknown area or indicator (field "indicator").
Result<BarChart> ChildrenChart(store::Db& db, std::string_view parent, std::string_view indicator, int year,
                               std::string_view highlight = {});

// `indicator` over all loaded years of `code`, with a comparison line for each parent (the direct
// parent first). Id "trend". Errors: kNotFound for an unknown area or indicator.
Result<LineChart> TrendChart(store::Db& db, std::string_view code, std::string_view indicator);

// `indicators` (1 to 8) in `year` for 2 to 4 areas, the first highlighted. Id "vergelijking".
// Errors: kInvalid ("gebieden", "indicator") for too few or too many; kNotFound for an unknown
// area or indicator.
inline constexpr std::size_t kMaxComparePanels = 8;
Result<SmallMultiples> CompareChart(store::Db& db, const std::vector<std::string>& codes,
                                    const std::vector<std::string>& indicators, int year);

}  // namespace wk::reports
