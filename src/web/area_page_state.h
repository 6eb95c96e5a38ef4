// What the area page shows, as its query parameters say: the year, the theme tab, and the map's
// indicator, year and classification. Every link and form on the page carries the whole state, so
// the page works without JavaScript and a copied address shows the same page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http.h"
#include "map_classes.h"
#include "wk/core/error.h"

namespace wk::web {

struct AreaPageState {
  std::optional<int> year;                      // jaar
  std::string theme;                            // thema ("" = the first theme)
  std::string map_indicator;                    // kaart ("" = the default indicator)
  std::optional<int> map_year;                  // kaartjaar (empty = the page's year)
  ClassMethod method = ClassMethod::kQuantile;  // indeling
  std::string trend;                            // trend: indicator of the trend chart ("" = the theme's first)
};

// Reads jaar, thema, kaart, kaartjaar, indeling and trend. kInvalid naming the parameter when a year is
// not a year or indeling is not "kwantielen" or "gelijk".
Result<AreaPageState> ReadAreaPageState(const Request& req);

// "/gebied/WK034403?jaar=2024&thema=wonen&kaart=p_65_oo" (parameters at their default left out),
// followed by `fragment` ("#profiel") when given.
std::string AreaPageHref(std::string_view code, const AreaPageState& state, std::string_view fragment = "");

// A query parameter value: letters, digits and "-_." as they are, a space as "+", the rest %XX.
std::string QueryEscape(std::string_view value);

}  // namespace wk::web
