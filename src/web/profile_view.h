// How an area profile (profile::Profile) reads on the pages: the themes as tabs, the comparison
// table of one theme (value, parents, country, rank and percentile, deviation from the parent,
// trend in words and symbols, source), the findings of a theme with each number linked to the row
// it comes from. Pure functions building template data, so they are tested without a server.
//
// A missing value is never shown as a number: cells carry `missing: true` and the template says
// "ontbreekt" (kMissingValue) with an explanation; a comparison that would need it stays empty.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wk/areas/areas.h"
#include "wk/profile/profile.h"

namespace wk::web {

// The themes in the order pages show them (areas::Themes()).
std::vector<std::string> PageThemes();
// The themes that have at least one indicator in `profile`, in page order.
std::vector<std::string> ProfileThemes(const profile::Profile& profile);
// "Zorg en welzijn" for "zorg en welzijn".
std::string ThemeLabel(std::string_view theme);

// Where a number comes from: the row of `indicator` on the page of `area_code` for `year`:
// "/gebied/BU03440301?jaar=2024&thema=bevolking#ind-p_65_oo".
std::string IndicatorHref(std::string_view area_code, int year, std::string_view theme, std::string_view indicator);

// A signed difference in the indicator's unit: "+2,3 %-punt" for a percentage, "−1.250" for a
// count, "+€ 3.000" for euros, "0,0 km" for none.
std::string FormatDifference(const areas::IndicatorDef& def, double difference);
// A signed relative change with one decimal: "+12,4%", "-3,6%".
std::string FormatSignedPercent(double percent);
// "Leeftijdsgroepen: 65 jaar of ouder": the label with its group, where it has one.
std::string IndicatorName(const areas::IndicatorDef& def);
// Whether any indicator of `theme` has a value in `profile` (a theme CBS left empty has none).
bool ThemeHasValues(const profile::Profile& profile, std::string_view theme);

// A trend in words and a symbol (never by colour alone):
// {symbol "▲"|"▼"|"▬", movement "gestegen"|"gedaald"|"stabiel", change "+1,2 %-punt (+5%)",
//  period "2023–2024", judgement "gunstig"|"ongunstig"|null, judgement_class "good"|"bad"|null}.
nlohmann::json TrendData(const areas::IndicatorDef& def, const profile::Trend& trend);

// The comparison table of `theme`: {area_name, parents[], has_national, column_count, rows[], ...};
// the first row of each group of indicators carries `group_start` (the group's heading). Counts
// and surfaces get no deviation from the parent (profile::ComparesAcrossSizes): the shares and
// averages are what compares. Indicators without a value here, in a parent or in the country are
// left out of `rows` and listed in `empty_rows`.
nlohmann::json ProfileTable(const profile::Profile& profile, std::string_view theme);

// The findings whose indicator belongs to `theme`, best first: [{sentence, parts: [{text, href}]}].
// A number's link goes to its row (IndicatorHref); a national number to its row on this page.
nlohmann::json FindingsOfTheme(const profile::Profile& profile, std::string_view theme);

}  // namespace wk::web
